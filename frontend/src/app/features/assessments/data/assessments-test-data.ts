import type {
  AnswerResponse,
  AssessmentResponse,
  FrameworkVersionResponse,
  MappingResponse,
  RequirementStatusResponse,
} from '@beacon/contracts';
import {
  type DurationQuestion,
  type FrameworkDefinition,
  type LocalizedText,
  type MultipleChoiceQuestion,
  type QuestionDefinition,
  type TextQuestion,
  type YesPartialNoQuestion,
  emptyServiceFeatures,
} from '@beacon/domain';
import { MSM, VP, mapping, msmVersion, requirement } from '../../catalog/testing';

export const ASSESSMENT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

const prompt: LocalizedText = { en: 'A question?', fr: 'Une question ?' };

export const yesNo: YesPartialNoQuestion = {
  key: 'TST-1-q1',
  type: 'yes-partial-no',
  prompt,
  required: true,
};
export const textQuestion: TextQuestion = { key: 'TST-1-q2', type: 'text', prompt, required: false };
export const durationQuestion: DurationQuestion = {
  key: 'TST-1-q3',
  type: 'duration',
  unit: 'hours',
  min: 0,
  prompt,
  required: true,
};
export const multiQuestion: MultipleChoiceQuestion = {
  key: 'TST-1-q4',
  type: 'multiple-choice',
  prompt,
  required: true,
  options: [
    { value: 'hash', label: { en: 'Hash matching', fr: 'Empreintes' }, score: 1 },
    { value: 'ai', label: { en: 'Classifiers', fr: 'Classifieurs' }, score: 1 },
    { value: 'none', label: { en: 'None of these', fr: 'Aucun' }, score: 0, exclusive: true },
  ],
};

export const allTypes: QuestionDefinition[] = [
  yesNo,
  { key: 'TST-2-q1', type: 'maturity', prompt, required: true },
  {
    key: 'TST-2-q2',
    type: 'single-choice',
    prompt,
    required: true,
    options: [
      { value: 'daily', label: { en: 'Daily', fr: 'Quotidien' }, score: 1 },
      { value: 'weekly', label: { en: 'Weekly', fr: 'Hebdomadaire' }, score: 0.5 },
    ],
  },
  multiQuestion,
  { key: 'TST-2-q3', type: 'number', unit: 'reports', prompt, required: false },
  { key: 'TST-2-q4', type: 'percentage', prompt, required: false },
  durationQuestion,
  { key: 'TST-3-q1', type: 'date', prompt, required: false },
  textQuestion,
  { key: 'TST-3-q3', type: 'url', prompt, required: false },
];

export function answer(questionKey: string, value: unknown, version: number): AnswerResponse {
  return {
    questionKey,
    value,
    note: null,
    version,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: 'user-owner',
  };
}

const text = (en: string, fr: string): LocalizedText => ({ en, fr });

/** A draft of the minimum safety measures for a service with user media and messaging. */
export function assessmentResponse(
  overrides: Partial<AssessmentResponse> = {},
  frameworks: readonly FrameworkVersionResponse[] = [msmVersion()],
): AssessmentResponse {
  return {
    id: ASSESSMENT_ID,
    title: 'Annual review',
    status: 'draft',
    frameworks: frameworks.map((f) => ({ slug: f.slug, version: f.version, title: f.framework.title })),
    profile: {
      features: { ...emptyServiceFeatures(), userMedia: true, messaging: true },
      sizeBand: 'small',
      sector: 'social-media',
      jurisdictions: ['US'],
      languages: ['en'],
    },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    progress: {
      applicableRequirements: 4,
      answeredQuestions: 0,
      visibleQuestions: 6,
      requiredMissing: 5,
      percent: 0,
    },
    ...overrides,
  };
}

/**
 * A second framework answered after the minimum safety measures: VP-1 is the same as MSM-1
 * (answered once), VP-2 only overlaps MSM-5 (a suggestion), VP-3 stands alone.
 */
export function vpVersion(): FrameworkVersionResponse {
  const framework: FrameworkDefinition = {
    kind: 'framework',
    slug: VP,
    version: '1.0.0',
    title: text('Voluntary Principles', 'Principes volontaires'),
    description: text('Principles.', 'Principes.'),
    publisher: 'Five Country Ministerial',
    sourceUrl: 'https://example.org/vp',
    publishedOn: '2020-03-05',
    ratingBands: [{ key: 'all', min: 0, color: 'green', label: text('All', 'Tout') }],
    sections: [
      {
        key: 'prevent',
        title: text('Prevent', 'Prévenir'),
        requirements: [requirement('VP-1'), requirement('VP-2'), requirement('VP-3', { critical: true })],
      },
    ],
  };
  return {
    slug: VP,
    version: '1.0.0',
    contentHash: 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210',
    importedAt: '2026-01-01T00:00:00Z',
    framework,
  };
}

/** MSM-1 equals VP-1 (answered once); MSM-5 intersects VP-2 (suggested, not applied). */
export function msmToVpMappings(): MappingResponse[] {
  return [
    mapping([MSM, 'MSM-1'], [VP, 'VP-1'], 'equal', 9),
    mapping([MSM, 'MSM-5'], [VP, 'VP-2'], 'intersect', 5),
  ];
}

/** A framework of `count` requirements with three questions each, in one section. */
export function largeVersion(count: number): FrameworkVersionResponse {
  const requirements = Array.from({ length: count }, (_, index) => {
    const key = `BIG-${index + 1}`;
    return requirement(key, {
      questions: [
        {
          key: `${key}-q1`,
          type: 'yes-partial-no',
          prompt: text(`Q1 of ${key}?`, `Q1 de ${key} ?`),
          required: true,
        },
        { key: `${key}-q2`, type: 'text', prompt: text(`Q2 of ${key}?`, `Q2 de ${key} ?`), required: false },
        { key: `${key}-q3`, type: 'number', prompt: text(`Q3 of ${key}?`, `Q3 de ${key} ?`), required: true },
      ],
    });
  });
  return {
    slug: 'big-framework',
    version: '1.0.0',
    contentHash: '1111111111111111111111111111111111111111111111111111111111111111',
    importedAt: '2026-01-01T00:00:00Z',
    framework: {
      kind: 'framework',
      slug: 'big-framework',
      version: '1.0.0',
      title: text('Big framework', 'Grand référentiel'),
      description: text('Many questions.', 'Beaucoup de questions.'),
      publisher: 'Test',
      sourceUrl: 'https://example.org/big',
      publishedOn: '2024-01-01',
      ratingBands: [{ key: 'all', min: 0, color: 'green', label: text('All', 'Tout') }],
      sections: [{ key: 'all', title: text('Everything', 'Tout'), requirements }],
    },
  };
}

export function statusResponse(
  requirementKey: string,
  kind: RequirementStatusResponse['kind'],
  justification: string,
  version: number,
): RequirementStatusResponse {
  return {
    requirementKey,
    kind,
    justification,
    version,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: 'user-owner',
  };
}
