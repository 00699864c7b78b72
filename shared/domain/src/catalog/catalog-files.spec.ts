import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { QUESTION_TYPES } from './catalog.constants';
import type { FrameworkDefinition, MappingSetDefinition } from './catalog.types';
import { frameworkQuestions, frameworkRequirements } from './framework-navigation';
import type { CatalogFile } from './validate-catalog';
import { validateCatalog } from './validate-catalog';
import { validateFrameworkDocument } from './validate-framework';

const CATALOG_ROOT = join(__dirname, '..', '..', '..', 'catalog');

/** Every shipped YAML file, named relative to shared/catalog (e.g. `frameworks/<slug>@<version>.yaml`). */
function loadShippedCatalog(): CatalogFile[] {
  return ['frameworks', 'mappings'].flatMap((folder) =>
    readdirSync(join(CATALOG_ROOT, folder))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => ({
        file: `${folder}/${name}`,
        document: parse(readFileSync(join(CATALOG_ROOT, folder, name), 'utf8')) as unknown,
      })),
  );
}

const files = loadShippedCatalog();
const kindOf = (entry: CatalogFile) => (entry.document as { kind?: unknown }).kind;
const shippedFrameworks = () =>
  files
    .filter((entry) => kindOf(entry) === 'framework')
    .map((entry) => entry.document as FrameworkDefinition);
const shippedMappingSets = () =>
  files
    .filter((entry) => kindOf(entry) === 'mapping-set')
    .map((entry) => entry.document as MappingSetDefinition);

/** The requirement ids of FRAMEWORKS.md §1, §2 and §4: the specification of catalogue v1. */
// prettier-ignore
const EXPECTED_REQUIREMENTS: Readonly<Record<string, readonly string[]>> = {
  'ncmec-safety-by-design': ['SBD-N-1', 'SBD-N-2', 'SBD-N-3'],
  'ncmec-minimum-safety-measures': ['MSM-1', 'MSM-2', 'MSM-3', 'MSM-4', 'MSM-5'],
  'ncmec-platform-responsibilities': ['OPR-1', 'OPR-2', 'OPR-3', 'OPR-4'],
  'ncmec-platform-positions': [
    'RPT-1', 'RPT-2', 'RPT-3', 'RPT-4',
    'GAIC-1', 'GAIP-1', 'GAIP-2', 'GAIP-3',
    'VD-1',
    'E2EE-1', 'E2EE-2', 'E2EE-3', 'E2EE-4',
    'EXP-1',
    'ASA-1', 'ASA-2', 'ASA-3',
    'ORG-1', 'ORG-2', 'ORG-3',
  ],
  'five-country-voluntary-principles': [
    'VP-1', 'VP-2', 'VP-3', 'VP-4', 'VP-5', 'VP-6', 'VP-7', 'VP-8', 'VP-9', 'VP-10', 'VP-11',
  ],
  'c3p-changing-the-paradigm': ['C3P-1', 'C3P-2', 'C3P-3', 'C3P-4', 'C3P-5', 'C3P-6'],
};

const EXPECTED_TABLE = Object.entries(EXPECTED_REQUIREMENTS).flatMap(([slug, keys]) =>
  keys.map((key) => [slug, key] as const),
);

function frameworkBySlug(slug: string): FrameworkDefinition {
  const framework = shippedFrameworks().find((candidate) => candidate.slug === slug);
  if (!framework) throw new Error(`framework ${slug} is not shipped`);
  return framework;
}

interface FoundText {
  path: string;
  property: string;
  en: unknown;
  fr: unknown;
}

/** Every object shaped like { en, fr } anywhere in the document, with its JSON pointer. */
function localizedValues(value: unknown, path = '', property = ''): FoundText[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => localizedValues(item, `${path}/${index}`, property));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.join(',') === 'en,fr') return [{ path, property, en: record['en'], fr: record['fr'] }];
  return Object.entries(record).flatMap(([key, child]) => localizedValues(child, `${path}/${key}`, key));
}

const nonBlank = (text: unknown) => typeof text === 'string' && text.trim().length > 0;

describe('shipped catalogue', () => {
  it('ships the six frameworks of catalogue v1 and some mapping sets', () => {
    expect(
      shippedFrameworks()
        .map((framework) => framework.slug)
        .sort(),
    ).toEqual(Object.keys(EXPECTED_REQUIREMENTS).sort());
    expect(shippedMappingSets().length).toBeGreaterThan(0);
  });

  it.each(files.filter((entry) => entry.file.startsWith('frameworks')).map((entry) => [entry.file, entry]))(
    '%s is a valid framework document',
    (_file, entry) => {
      const result = validateFrameworkDocument(entry.document, entry.file);
      expect(result.ok ? [] : result.problems).toEqual([]);
    },
  );

  it('validates as a whole catalogue without problems', () => {
    const result = validateCatalog(files);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.frameworks).toHaveLength(6);
    expect(result.mappingSets).toHaveLength(shippedMappingSets().length);
  });

  it.each(EXPECTED_TABLE)('%s contains requirement %s with at least one question', (slug, key) => {
    const requirement = frameworkRequirements(frameworkBySlug(slug)).find(
      (candidate) => candidate.key === key,
    );
    expect(requirement).toBeDefined();
    expect(requirement?.questions.length).toBeGreaterThanOrEqual(1);
  });

  it('has at least one question for every requirement, including the optional ones', () => {
    const empty = shippedFrameworks()
      .flatMap(frameworkRequirements)
      .filter((requirement) => requirement.questions.length === 0)
      .map((requirement) => requirement.key);
    expect(empty).toEqual([]);
  });

  it.each(files.map((entry) => [entry.file, entry]))(
    '%s has every text in English and French',
    (_file, entry) => {
      const texts = localizedValues(entry.document);
      expect(texts.length).toBeGreaterThan(0);
      const blank = texts.filter((text) => {
        if (Array.isArray(text.en) && Array.isArray(text.fr)) {
          const items: unknown[] = [...(text.en as unknown[]), ...(text.fr as unknown[])];
          return text.en.length !== text.fr.length || !items.every(nonBlank);
        }
        return !nonBlank(text.en) || !nonBlank(text.fr);
      });
      expect(blank.map((text) => text.path)).toEqual([]);
    },
  );

  it.each(files.map((entry) => [entry.file, entry]))(
    '%s has no untranslated title or statement',
    (_file, entry) => {
      const untranslated = localizedValues(entry.document)
        .filter((text) => ['title', 'statement'].includes(text.property))
        .filter((text) => typeof text.en === 'string' && text.en.trim() === String(text.fr).trim());
      expect(untranslated.map((text) => text.path)).toEqual([]);
    },
  );

  it('uses each of the ten question types at least once', () => {
    const used = new Set(
      shippedFrameworks()
        .flatMap(frameworkQuestions)
        .map((question) => question.type),
    );
    expect([...QUESTION_TYPES].filter((type) => !used.has(type))).toEqual([]);
  });

  it('has between 25 and 45 mappings in total', () => {
    const mappings = shippedMappingSets().flatMap((set) => set.mappings);
    expect(mappings.length).toBeGreaterThanOrEqual(25);
    expect(mappings.length).toBeLessThanOrEqual(45);
  });
});
