// Test fixtures (used by the *.spec.ts files only; not exported from the library).
import type { FrameworkDefinition, MappingSetDefinition } from './catalog.types';
import type { ServiceFeature, ServiceProfile } from './service-profile';
import { emptyServiceFeatures } from './service-profile';

const text = (en: string, fr: string) => ({ en, fr });

/** A small valid framework: one section, two requirements, questions of several types. */
export function minimalFramework(slug = 'test-framework', prefix = 'TST'): FrameworkDefinition {
  return {
    kind: 'framework',
    slug,
    version: '1.0.0',
    title: text('Test framework', 'Référentiel de test'),
    description: text('A framework used in tests.', 'Un référentiel utilisé dans les tests.'),
    publisher: 'Beacon tests',
    sourceUrl: 'https://example.org/framework',
    publishedOn: '2024-01-01',
    ratingBands: [
      { key: 'good', min: 70, color: 'green', label: text('Good', 'Bon') },
      { key: 'fair', min: 40, color: 'amber', label: text('Fair', 'Moyen') },
      { key: 'poor', min: 0, color: 'red', label: text('Poor', 'Faible') },
    ],
    sections: [
      {
        key: 'main',
        title: text('Main section', 'Section principale'),
        requirements: [
          {
            key: `${prefix}-1`,
            title: text('First requirement', 'Première exigence'),
            statement: text('Something is done.', 'Quelque chose est fait.'),
            guidance: text('Do it well.', 'Faites-le bien.'),
            critical: true,
            weight: 3,
            applicability: 'userMedia',
            evidence: { en: ['A document'], fr: ['Un document'] },
            recommendation: text('Start doing it.', 'Commencez à le faire.'),
            sourceStatus: 'verified',
            references: [{ title: 'Source', url: 'https://example.org/source' }],
            questions: [
              {
                key: `${prefix}-1-q1`,
                type: 'yes-partial-no',
                prompt: text('Is it done?', 'Est-ce fait ?'),
                required: true,
              },
              {
                key: `${prefix}-1-q2`,
                type: 'text',
                prompt: text('Why not?', 'Pourquoi pas ?'),
                required: true,
                dependsOn: { question: `${prefix}-1-q1`, values: ['partial', 'no'] },
              },
              {
                key: `${prefix}-1-q3`,
                type: 'single-choice',
                prompt: text('How often?', 'À quelle fréquence ?'),
                required: true,
                options: [
                  { value: 'always', label: text('Always', 'Toujours'), score: 1 },
                  { value: 'never', label: text('Never', 'Jamais'), score: 0 },
                ],
              },
            ],
          },
          {
            key: `${prefix}-2`,
            title: text('Second requirement', 'Deuxième exigence'),
            statement: text('Something is measured.', 'Quelque chose est mesuré.'),
            guidance: text('Measure it.', 'Mesurez-le.'),
            critical: false,
            weight: 2,
            evidence: { en: ['Figures'], fr: ['Chiffres'] },
            recommendation: text('Measure it monthly.', 'Mesurez-le chaque mois.'),
            sourceStatus: 'summary-only',
            references: [{ title: 'Source', url: 'https://example.org/source' }],
            questions: [
              {
                key: `${prefix}-2-q1`,
                type: 'duration',
                prompt: text('How long?', 'Combien de temps ?'),
                required: true,
                unit: 'hours',
                min: 0,
                max: 1000,
                scoring: {
                  direction: 'lower-is-better',
                  bands: [
                    { value: 24, score: 1 },
                    { value: 72, score: 0.5 },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

export function minimalMappingSet(): MappingSetDefinition {
  return {
    kind: 'mapping-set',
    slug: 'source-framework--target-framework',
    version: '1.0.0',
    title: text('Source to target', 'Source vers cible'),
    source: { framework: 'source-framework', version: '1.0.0' },
    target: { framework: 'target-framework', version: '1.0.0' },
    mappings: [
      {
        source: 'SRC-1',
        target: 'TGT-1',
        relationship: 'intersect',
        strength: 6,
        rationale: text('They overlap.', 'Elles se recoupent.'),
      },
    ],
  };
}

export function profileWith(...features: ServiceFeature[]): ServiceProfile {
  const flags = emptyServiceFeatures();
  for (const feature of features) flags[feature] = true;
  return {
    features: flags,
    sizeBand: 'medium',
    jurisdictions: ['FR', 'US'],
    languages: ['en', 'fr'],
    sector: 'social-media',
  };
}

export type Patch = { set: string; value: unknown } | { remove: string };

/** A deep copy of the document with the patches applied (paths are JSON pointers). */
export function patched(document: unknown, ...patches: Patch[]): unknown {
  const copy = structuredClone(document);
  for (const patch of patches) {
    const path = 'set' in patch ? patch.set : patch.remove;
    const segments = path.split('/').slice(1);
    const last = segments.pop();
    const parent = segments.reduce<unknown>((node, segment) => childOf(node, segment), copy);
    if (last === undefined || typeof parent !== 'object' || parent === null)
      throw new Error(`bad patch path ${path}`);
    const container = parent as Record<string, unknown>;
    if ('set' in patch) container[last] = patch.value;
    else if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete container[last];
  }
  return copy;
}

function childOf(node: unknown, segment: string): unknown {
  if (typeof node !== 'object' || node === null) throw new Error(`no ${segment} in ${String(node)}`);
  return (node as Record<string, unknown>)[segment];
}
