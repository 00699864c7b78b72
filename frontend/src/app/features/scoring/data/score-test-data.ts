import type { AssessmentResponse, FrameworkVersionResponse, ScoreResponse } from '@beacon/contracts';
import {
  type AnswerValue,
  type FrameworkDefinition,
  type LocalizedText,
  type QuestionDefinition,
  type RequirementDefinition,
  type ScoringInput,
  type ScoringResult,
  type ServiceProfile,
  emptyServiceFeatures,
  scoreAssessment,
} from '@beacon/domain';

/** The assessment the score fixtures belong to. */
export const ASSESSMENT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

/** A small framework with three rating bands (green, amber, red), two sections and a critical requirement. */
export const TSF = 'test-safety-framework';

const text = (en: string, fr: string): LocalizedText => ({ en, fr });

function requirement(
  key: string,
  questions: QuestionDefinition[],
  overrides: Partial<RequirementDefinition> = {},
): RequirementDefinition {
  return {
    key,
    title: text(`Title ${key}`, `Titre ${key}`),
    statement: text(`Statement ${key}`, `Énoncé ${key}`),
    guidance: text(`Guidance ${key}`, `Conseils ${key}`),
    critical: false,
    weight: 1,
    evidence: { en: [`Evidence ${key}`], fr: [`Preuve ${key}`] },
    recommendation: text(`Do ${key} everywhere.`, `Faire ${key} partout.`),
    sourceStatus: 'summary-only',
    references: [{ title: 'Source', url: 'https://example.org/source' }],
    questions,
    ...overrides,
  };
}

const yesPartialNo = (key: string): QuestionDefinition => ({
  key,
  type: 'yes-partial-no',
  prompt: text(`Is ${key} done?`, `${key} est-il fait ?`),
  required: true,
});

export function scoreFramework(): FrameworkDefinition {
  return {
    kind: 'framework',
    slug: TSF,
    version: '1.0.0',
    title: text('Test safety framework', 'Référentiel de test'),
    description: text('For tests.', 'Pour les tests.'),
    publisher: 'Beacon',
    sourceUrl: 'https://example.org/tsf',
    publishedOn: '2025-01-01',
    ratingBands: [
      { key: 'strong', min: 80, color: 'green', label: text('Strong', 'Solide') },
      { key: 'developing', min: 50, color: 'amber', label: text('Developing', 'En progrès') },
      { key: 'weak', min: 0, color: 'red', label: text('Weak', 'Faible') },
    ],
    sections: [
      {
        key: 'detection',
        title: text('Detection', 'Détection'),
        requirements: [
          requirement(
            'DET-1',
            [
              yesPartialNo('DET-1-q1'),
              { key: 'DET-1-q2', type: 'text', prompt: text('Which tools?', 'Quels outils ?'), required: false },
            ],
            { critical: true, weight: 3 },
          ),
          requirement('DET-2', [yesPartialNo('DET-2-q1')], { weight: 2 }),
        ],
      },
      {
        key: 'response',
        title: text('Response', 'Réponse'),
        requirements: [
          requirement('RES-1', [yesPartialNo('RES-1-q1')], { weight: 2 }),
          requirement('RES-2', [yesPartialNo('RES-2-q1')]),
        ],
      },
    ],
  };
}

export function scoreFrameworkVersion(): FrameworkVersionResponse {
  return {
    slug: TSF,
    version: '1.0.0',
    contentHash: 'f'.repeat(64),
    importedAt: '2026-01-01T00:00:00Z',
    framework: scoreFramework(),
  };
}

export function scoreProfile(): ServiceProfile {
  return {
    features: { ...emptyServiceFeatures(), userMedia: true },
    sizeBand: 'small',
    sector: 'social-media',
    jurisdictions: ['US'],
    languages: ['en'],
  };
}

export function scoringInput(answers: Readonly<Record<string, AnswerValue>>): ScoringInput {
  return { frameworks: [scoreFramework()], profile: scoreProfile(), answers: new Map(Object.entries(answers)) };
}

/** The engine's result on the test framework: DET-1 (critical) fails, detection red, response amber. */
export function scoredResult(): ScoringResult {
  return scoreAssessment(
    scoringInput({ 'DET-1-q1': 'no', 'DET-2-q1': 'yes', 'RES-1-q1': 'yes', 'RES-2-q1': 'no' }),
  );
}

export function scoreResponse(
  status: ScoreResponse['status'],
  overrides: Partial<ScoreResponse> = {},
): ScoreResponse {
  const result = status === 'scored' ? scoredResult() : null;
  return {
    assessmentId: ASSESSMENT_ID,
    status,
    snapshotId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
    revision: 1,
    contentHash: 'sha256:0123abcd',
    result,
    computedAt: status === 'pending' ? null : '2026-03-02T10:15:00Z',
    engineVersion: result?.engineVersion ?? null,
    failureReason: null,
    ...overrides,
  };
}

export function scoredAssessment(): AssessmentResponse {
  return {
    id: ASSESSMENT_ID,
    title: 'Annual review',
    status: 'submitted',
    frameworks: [{ slug: TSF, version: '1.0.0', title: scoreFramework().title }],
    profile: scoreProfile(),
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    progress: {
      applicableRequirements: 4,
      answeredQuestions: 4,
      visibleQuestions: 5,
      requiredMissing: 0,
      percent: 100,
    },
  };
}
