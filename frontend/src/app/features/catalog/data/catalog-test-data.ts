import {
  type FrameworkSummaryResponse,
  type FrameworkVersionResponse,
  type MappingResponse,
} from '@beacon/contracts';
import {
  type FrameworkDefinition,
  type LocalizedText,
  type MappingRelationship,
  type RequirementDefinition,
} from '@beacon/domain';

export const MSM = 'ncmec-minimum-safety-measures';
export const VP = 'five-country-voluntary-principles';
export const C3P = 'c3p-changing-the-paradigm';

const text = (en: string, fr: string): LocalizedText => ({ en, fr });

export function requirement(
  key: string,
  overrides: Partial<RequirementDefinition> = {},
): RequirementDefinition {
  return {
    key,
    title: text(`Title ${key}`, `Titre ${key}`),
    statement: text(`Statement ${key}`, `Énoncé ${key}`),
    guidance: text(`Guidance ${key}`, `Conseils ${key}`),
    critical: false,
    weight: 3,
    evidence: { en: [`Evidence ${key}`], fr: [`Preuve ${key}`] },
    recommendation: text(`Recommendation ${key}`, `Recommandation ${key}`),
    sourceStatus: 'summary-only',
    references: [{ title: 'Source', url: 'https://example.org/source' }],
    questions: [
      {
        key: `${key}-q1`,
        type: 'yes-partial-no',
        prompt: text(`Question ${key}?`, `Question ${key} ?`),
        required: true,
      },
    ],
    ...overrides,
  };
}

/** Five requirements in three sections, like the real minimum safety measures. */
export function msmFramework(): FrameworkDefinition {
  return {
    kind: 'framework',
    slug: MSM,
    version: '1.0.0',
    title: text('Minimum child safety measures', 'Mesures minimales de sécurité des enfants'),
    description: text('Hashing and classifiers.', 'Hachage et classificateurs.'),
    publisher: 'NCMEC',
    sourceUrl: 'https://example.org/msm',
    publishedOn: '2023-01-01',
    publishedOnPrecision: 'year',
    ratingBands: [{ key: 'all', min: 0, color: 'green', label: text('All', 'Tout') }],
    sections: [
      {
        key: 'detection',
        title: text('Detection', 'Détection'),
        requirements: [
          requirement('MSM-1', {
            critical: true,
            weight: 5,
            applicability: { any: ['userMedia', 'fileStorage', 'livestreaming', 'generativeAi'] },
            questions: [
              {
                key: 'MSM-1-q1',
                type: 'yes-partial-no',
                prompt: text('Is every path checked?', 'Chaque chemin est-il contrôlé ?'),
                required: true,
              },
              {
                key: 'MSM-1-q2',
                type: 'text',
                prompt: text('Which paths are not checked?', 'Quels chemins ne sont pas contrôlés ?'),
                required: true,
                dependsOn: { question: 'MSM-1-q1', values: ['partial', 'no'] },
              },
              {
                key: 'MSM-1-q3',
                type: 'multiple-choice',
                prompt: text('Which hash lists?', 'Quelles listes ?'),
                required: false,
                options: [
                  { value: 'ncmec', label: text('NCMEC lists', 'Listes du NCMEC'), score: 1 },
                  { value: 'none', label: text('None', 'Aucune'), score: 0, exclusive: true },
                ],
              },
              {
                key: 'MSM-1-q4',
                type: 'duration',
                prompt: text('How long?', 'Combien de temps ?'),
                required: true,
                unit: 'hours',
                min: 0,
                max: 72,
              },
            ],
          }),
          requirement('MSM-2', { applicability: 'userMedia' }),
        ],
      },
      {
        key: 'high-risk-surfaces',
        title: text('High-risk surfaces', 'Surfaces à haut risque'),
        requirements: [
          requirement('MSM-4', { critical: true, applicability: { any: ['generativeAi', 'livestreaming'] } }),
        ],
      },
      {
        key: 'response',
        title: text('Response', 'Réponse'),
        requirements: [
          requirement('MSM-5', { critical: true, applicability: 'userMedia' }),
          requirement('MSM-6', { applicability: { all: ['messaging', 'endToEndEncryption'] } }),
          requirement('MSM-7'),
        ],
      },
    ],
  };
}

export function msmVersion(): FrameworkVersionResponse {
  return {
    slug: MSM,
    version: '1.0.0',
    contentHash: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    importedAt: '2026-01-01T00:00:00Z',
    framework: msmFramework(),
  };
}

export function summary(slug: string, en: string, fr: string): FrameworkSummaryResponse {
  return {
    slug,
    title: text(en, fr),
    description: text(`About ${en}`, `À propos de ${fr}`),
    publisher: 'Publisher',
    versions: [
      {
        version: '1.0.0',
        publishedOn: '2023-01-01',
        contentHash: 'abc',
        importedAt: '2026-01-01T00:00:00Z',
        counts: { sections: 3, requirements: 6, questions: 9, critical: 3 },
      },
    ],
  };
}

export function summaries(): FrameworkSummaryResponse[] {
  return [
    summary(MSM, 'Minimum child safety measures', 'Mesures minimales de sécurité des enfants'),
    summary(VP, 'Voluntary Principles', 'Principes volontaires'),
    summary(C3P, 'Changing the Paradigm', 'Changer de paradigme'),
  ];
}

export function mapping(
  source: [framework: string, requirement: string],
  target: [framework: string, requirement: string],
  relationship: MappingRelationship = 'intersect',
  strength = 8,
): MappingResponse {
  return {
    mappingSet: { slug: `${source[0]}--${target[0]}`, version: '1.0.0' },
    source: { framework: source[0], version: '1.0.0', requirement: source[1] },
    target: { framework: target[0], version: '1.0.0', requirement: target[1] },
    relationship,
    strength,
    rationale: text(
      `Why ${source[1]} maps to ${target[1]}`,
      `Pourquoi ${source[1]} correspond à ${target[1]}`,
    ),
  };
}

/** `?from=<MSM>`: MSM is the source. */
export function mappingsFromMsm(): MappingResponse[] {
  return [
    mapping([MSM, 'MSM-1'], [VP, 'VP-1'], 'intersect', 8),
    mapping([MSM, 'MSM-1'], [C3P, 'C3P-2'], 'subset', 5),
  ];
}

/** `?to=<MSM>`: MSM is the target. */
export function mappingsToMsm(): MappingResponse[] {
  return [mapping([VP, 'VP-5'], [MSM, 'MSM-4'], 'superset', 6)];
}
