// Test fixtures (used by the *.spec.ts files only; not exported from the library). The three
// `example*` frameworks are the worked examples of docs/methodology.md.
import type {
  ChoiceOption,
  FrameworkDefinition,
  MappingDefinition,
  MappingRelationship,
  MappingSetDefinition,
  MetricScoring,
  QuestionDefinition,
  RatingBand,
  RequirementDefinition,
  SectionDefinition,
} from '../catalog/catalog.types';

const text = (en: string, fr: string = en) => ({ en, fr });

export const BANDS: RatingBand[] = [
  { key: 'good', min: 70, color: 'green', label: text('Good', 'Bon') },
  { key: 'fair', min: 40, color: 'amber', label: text('Fair', 'Moyen') },
  { key: 'poor', min: 0, color: 'red', label: text('Poor', 'Faible') },
];

export function framework(
  slug: string,
  sections: SectionDefinition[],
  version = '1.0.0',
): FrameworkDefinition {
  return {
    kind: 'framework',
    slug,
    version,
    title: text(`Framework ${slug}`),
    description: text('A framework used in tests.', 'Un référentiel utilisé dans les tests.'),
    publisher: 'Beacon tests',
    sourceUrl: 'https://example.org/framework',
    publishedOn: '2024-01-01',
    ratingBands: BANDS,
    sections,
  };
}

export function section(key: string, requirements: RequirementDefinition[]): SectionDefinition {
  return { key, title: text(`Section ${key}`), requirements };
}

export function requirement(
  key: string,
  questions: QuestionDefinition[],
  extra: Partial<RequirementDefinition> = {},
): RequirementDefinition {
  return {
    key,
    title: text(`${key} title`),
    statement: text(`${key} statement`),
    guidance: text(`${key} guidance`),
    critical: false,
    weight: 1,
    evidence: { en: ['item'], fr: ['élément'] },
    recommendation: text(`Do ${key}`, `Faire ${key}`),
    sourceStatus: 'verified',
    references: [{ title: 'Source', url: 'https://example.org' }],
    questions,
    ...extra,
  };
}

type QuestionExtra = Partial<Pick<QuestionDefinition, 'required' | 'weight' | 'scored' | 'dependsOn'>>;

const prompt = text('Question?', 'Question ?');

export function yesNo(key: string, extra: QuestionExtra = {}): QuestionDefinition {
  return { key, type: 'yes-partial-no', prompt, required: true, ...extra };
}

export function maturity(key: string, extra: QuestionExtra = {}): QuestionDefinition {
  return { key, type: 'maturity', prompt, required: true, ...extra };
}

export function option(value: string, score: number, exclusive?: boolean): ChoiceOption {
  return { value, label: text(value), score, ...(exclusive === undefined ? {} : { exclusive }) };
}

export function singleChoice(
  key: string,
  options: ChoiceOption[],
  extra: QuestionExtra = {},
): QuestionDefinition {
  return { key, type: 'single-choice', prompt, required: true, options, ...extra };
}

export function multipleChoice(
  key: string,
  options: ChoiceOption[],
  extra: QuestionExtra = {},
): QuestionDefinition {
  return { key, type: 'multiple-choice', prompt, required: true, options, ...extra };
}

export function percentage(
  key: string,
  scoring?: MetricScoring,
  extra: QuestionExtra = {},
): QuestionDefinition {
  return { key, type: 'percentage', prompt, required: true, ...(scoring ? { scoring } : {}), ...extra };
}

export function number(key: string, scoring?: MetricScoring, extra: QuestionExtra = {}): QuestionDefinition {
  return { key, type: 'number', prompt, required: true, ...(scoring ? { scoring } : {}), ...extra };
}

export function duration(
  key: string,
  scoring?: MetricScoring,
  extra: QuestionExtra = {},
): QuestionDefinition {
  return {
    key,
    type: 'duration',
    unit: 'hours',
    prompt,
    required: true,
    ...(scoring ? { scoring } : {}),
    ...extra,
  };
}

export function textQuestion(key: string, extra: QuestionExtra = {}): QuestionDefinition {
  return { key, type: 'text', prompt, required: true, ...extra };
}

export function mappingSet(
  source: FrameworkDefinition,
  target: FrameworkDefinition,
  mappings: [sourceKey: string, relationship: MappingRelationship, targetKey: string][],
): MappingSetDefinition {
  return {
    kind: 'mapping-set',
    slug: `${source.slug}--${target.slug}`,
    version: '1.0.0',
    title: text(`${source.slug} to ${target.slug}`),
    source: { framework: source.slug, version: source.version },
    target: { framework: target.slug, version: target.version },
    mappings: mappings.map(([sourceKey, relationship, targetKey]): MappingDefinition => ({
      source: sourceKey,
      target: targetKey,
      relationship,
      strength: 5,
      rationale: text('Related.', 'Liées.'),
    })),
  };
}

// ── Worked example 1: question types, weights, exclusions, sections and gaps ──────────────────

export function exampleBasics(): FrameworkDefinition {
  return framework('example-basics', [
    section('policy', [
      requirement(
        'EX-1',
        [yesNo('EX-1-q1', { weight: 2 }), maturity('EX-1-q2'), textQuestion('EX-1-q3', { required: false })],
        { critical: true, weight: 3 },
      ),
      requirement(
        'EX-2',
        [
          multipleChoice('EX-2-q1', [
            option('hashing', 0.5),
            option('classifiers', 0.3),
            option('reports', 0.4),
            option('none', 0, true),
          ]),
          percentage('EX-2-q2', {
            direction: 'higher-is-better',
            bands: [
              { value: 90, score: 1 },
              { value: 50, score: 0.5 },
            ],
          }),
        ],
        { weight: 2 },
      ),
    ]),
    section('response', [
      requirement(
        'EX-3',
        [
          yesNo('EX-3-q1'),
          duration('EX-3-q2', {
            direction: 'lower-is-better',
            bands: [
              { value: 24, score: 1 },
              { value: 72, score: 0.5 },
            ],
          }),
          yesNo('EX-3-q3'),
          yesNo('EX-3-q4', { required: false }),
        ],
        { weight: 1 },
      ),
      requirement('EX-4', [yesNo('EX-4-q1')], { weight: 2, applicability: 'livestreaming' }),
    ]),
  ]);
}

export const exampleBasicsAnswers = {
  'EX-1-q1': 'partial',
  'EX-1-q2': 3,
  'EX-1-q3': 'Reviewed every quarter.',
  'EX-2-q1': ['hashing', 'classifiers'],
  'EX-2-q2': 75,
  'EX-3-q1': 'not-applicable',
  'EX-3-q2': 48,
  // EX-3-q3 (required) and EX-3-q4 (optional) are not answered.
};

// ── Worked example 2: a critical failure caps the rating; an alternative counts as met ───────

export function exampleCritical(): FrameworkDefinition {
  return framework('example-critical', [
    section('core', [
      requirement('CR-1', [yesNo('CR-1-q1')], { critical: true, criticalThreshold: 0.6, weight: 1 }),
      requirement('CR-2', [yesNo('CR-2-q1'), maturity('CR-2-q2')], { weight: 4 }),
      requirement('CR-3', [yesNo('CR-3-q1')], { weight: 3, allowsAlternative: true }),
    ]),
  ]);
}

export const exampleCriticalAnswers = { 'CR-1-q1': 'partial', 'CR-2-q1': 'yes', 'CR-2-q2': 4 };

export const exampleCriticalStatuses = {
  'CR-3': { kind: 'alternative', justification: 'An equivalent control is in place.' },
} as const;

// ── Worked example 3: answered once, counts in both ───────────────────────────────────────────

/** Assessed first. */
export function exampleMappingFirst(): FrameworkDefinition {
  return framework('example-first', [
    section('all', [
      requirement('FA-1', [yesNo('FA-1-q1'), yesNo('FA-1-q2')], { weight: 2 }),
      requirement('FA-2', [yesNo('FA-2-q1')], { weight: 1 }),
    ]),
  ]);
}

/** Assessed second; its requirements are covered by the first framework's where a mapping says so. */
export function exampleMappingSecond(): FrameworkDefinition {
  return framework('example-second', [
    section('all', [
      requirement('SB-1', [yesNo('SB-1-q1')], { weight: 3 }),
      requirement('SB-2', [yesNo('SB-2-q1')], { weight: 1 }),
      requirement('SB-3', [yesNo('SB-3-q1')], { weight: 2 }),
    ]),
  ]);
}

/** Source = the second framework: `SB-1 subset FA-1` means FA-1 contains SB-1. */
export function exampleMappingSet(): MappingSetDefinition {
  return mappingSet(exampleMappingSecond(), exampleMappingFirst(), [
    ['SB-1', 'subset', 'FA-1'],
    ['SB-2', 'intersect', 'FA-2'],
  ]);
}

export const exampleMappingAnswers = {
  'FA-1-q1': 'yes',
  'FA-1-q2': 'partial',
  'FA-2-q1': 'yes',
  'SB-2-q1': 'no',
  'SB-3-q1': 'yes',
};
