import type { CatalogProblem, FrameworkDefinition, MappingSetDefinition } from './catalog.types';
import { frameworkVersionKey } from './framework-navigation';
import { isJsonObject } from './json-guards';
import { validateFrameworkDocument } from './validate-framework';
import { validateMappingSet } from './validate-mapping-set';

export interface CatalogFile {
  /** Where the document came from (shown in problems), e.g. `frameworks/<slug>@<version>.yaml`. */
  file: string;
  /** The parsed document. */
  document: unknown;
}

export interface CatalogValidationResult {
  ok: boolean;
  problems: CatalogProblem[];
  /** The documents that passed their own checks (the first one of each slug@version). */
  frameworks: FrameworkDefinition[];
  mappingSets: MappingSetDefinition[];
}

/**
 * Validates a whole catalogue: every framework version and mapping set, file names, unique
 * framework versions, and requirement and question keys unique across frameworks (versions of the
 * same framework may share keys). Never throws; returns every problem found.
 */
export function validateCatalog(files: readonly CatalogFile[]): CatalogValidationResult {
  const problems: CatalogProblem[] = [];
  const frameworkFiles: CatalogFile[] = [];
  const mappingFiles: CatalogFile[] = [];
  for (const entry of files) {
    const kind = isJsonObject(entry.document) ? entry.document['kind'] : undefined;
    if (kind === 'framework') frameworkFiles.push(entry);
    else if (kind === 'mapping-set') mappingFiles.push(entry);
    else problems.push({ file: entry.file, path: '/kind', message: 'must be "framework" or "mapping-set"' });
  }

  const frameworks = collectValid(frameworkFiles, problems, (entry) =>
    validateFrameworkDocument(entry.document, entry.file),
  );
  const frameworksByKey = indexByVersion(frameworks, problems);
  problems.push(...crossFrameworkKeyProblems(frameworks));

  const mappingSets = collectValid(mappingFiles, problems, (entry) =>
    validateMappingSet(entry.document, frameworksByKey, entry.file),
  );
  const mappingSetsByKey = indexByVersion(mappingSets, problems);

  return {
    ok: problems.length === 0,
    problems,
    frameworks: [...frameworksByKey.values()],
    mappingSets: [...mappingSetsByKey.values()],
  };
}

interface Versioned {
  slug: string;
  version: string;
}

interface Validated<T> {
  file: string;
  value: T;
}

type Validation<T> = { ok: true; value: T } | { ok: false; problems: CatalogProblem[] };

function collectValid<T extends Versioned>(
  entries: CatalogFile[],
  problems: CatalogProblem[],
  validate: (entry: CatalogFile) => Validation<T>,
): Validated<T>[] {
  const valid: Validated<T>[] = [];
  for (const entry of entries) {
    const result = safely(entry, validate);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    problems.push(...fileNameProblems(entry.file, result.value));
    valid.push({ file: entry.file, value: result.value });
  }
  return valid;
}

function safely<T>(entry: CatalogFile, validate: (entry: CatalogFile) => Validation<T>): Validation<T> {
  try {
    return validate(entry);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ file: entry.file, path: '', message: `could not be validated: ${reason}` }],
    };
  }
}

/** A file named `<something>.yaml|.yml|.json` must be named after the document's slug and version. */
function fileNameProblems(file: string, document: Versioned): CatalogProblem[] {
  const baseName = file.split(/[\\/]/).pop() ?? file;
  const match = /^(.*)\.(ya?ml|json)$/.exec(baseName);
  const expected = frameworkVersionKey(document.slug, document.version);
  if (!match || match[1] === expected) return [];
  return [{ file, path: '/slug', message: `file name should be "${expected}.${match[2] ?? 'yaml'}"` }];
}

function indexByVersion<T extends Versioned>(
  items: Validated<T>[],
  problems: CatalogProblem[],
): Map<string, T> {
  const byKey = new Map<string, T>();
  const firstFiles = new Map<string, string>();
  for (const { file, value } of items) {
    const key = frameworkVersionKey(value.slug, value.version);
    const firstFile = firstFiles.get(key);
    if (firstFile !== undefined) {
      problems.push({ file, path: '/version', message: `${key} is already defined in ${firstFile}` });
      continue;
    }
    firstFiles.set(key, file);
    byKey.set(key, value);
  }
  return byKey;
}

interface KeyOwner {
  slug: string;
  file: string;
}

function crossFrameworkKeyProblems(frameworks: Validated<FrameworkDefinition>[]): CatalogProblem[] {
  const requirementOwners = new Map<string, KeyOwner>();
  const questionOwners = new Map<string, KeyOwner>();
  const problems: CatalogProblem[] = [];
  const claim = (
    owners: Map<string, KeyOwner>,
    key: string,
    owner: KeyOwner,
    path: string,
    label: string,
  ) => {
    const first = owners.get(key);
    if (!first) owners.set(key, owner);
    else if (first.slug !== owner.slug) {
      problems.push({
        file: owner.file,
        path,
        message: `${label} "${key}" is already used by ${first.slug} (${first.file})`,
      });
    }
  };
  for (const { file, value: framework } of frameworks) {
    const owner = { slug: framework.slug, file };
    framework.sections.forEach((section, s) =>
      section.requirements.forEach((requirement, r) => {
        const requirementPath = `/sections/${s}/requirements/${r}`;
        claim(requirementOwners, requirement.key, owner, `${requirementPath}/key`, 'requirement key');
        requirement.questions.forEach((question, q) =>
          claim(questionOwners, question.key, owner, `${requirementPath}/questions/${q}/key`, 'question key'),
        );
      }),
    );
  }
  return problems;
}
