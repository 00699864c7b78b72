import type {
  CatalogProblem,
  FrameworkDefinition,
  MappingSetDefinition,
  ValidationProblem,
  ValidationResult,
} from './catalog.types';
import { lazyValidator, schemaProblems, uniqueProblems } from './ajv-validation';
import { frameworkRequirements, frameworkVersionKey } from './framework-navigation';
import type { JsonObject, Located } from './json-guards';
import { isJsonObject, objectsAt, stringAt } from './json-guards';
import { MAPPING_SET_JSON_SCHEMA } from './mapping-set.schema';
import { INLINE_DOCUMENT } from './validate-framework';

const mappingSetValidator = lazyValidator(MAPPING_SET_JSON_SCHEMA);

/**
 * Validates a mapping set against its schema and against the framework versions it names
 * (keyed by `frameworkVersionKey(slug, version)`).
 */
export function validateMappingSet(
  document: unknown,
  frameworksBySlugVersion: ReadonlyMap<string, FrameworkDefinition>,
  file: string = INLINE_DOCUMENT,
): ValidationResult<MappingSetDefinition, CatalogProblem> {
  const problems = uniqueProblems([
    ...schemaProblems(mappingSetValidator(), document),
    ...referenceProblems(document, frameworksBySlugVersion),
  ]).map((problem) => ({ file, ...problem }));
  return problems.length === 0
    ? { ok: true, value: document as MappingSetDefinition }
    : { ok: false, problems };
}

function referenceProblems(
  document: unknown,
  frameworks: ReadonlyMap<string, FrameworkDefinition>,
): ValidationProblem[] {
  if (!isJsonObject(document)) return [];
  const source = resolveFramework(document, 'source', frameworks);
  const target = resolveFramework(document, 'target', frameworks);
  const mappings = objectsAt({ value: document, path: '' }, 'mappings');
  return [
    ...slugProblems(document),
    ...source.problems,
    ...target.problems,
    ...mappings.flatMap((mapping) => [
      ...missingRequirementProblems(mapping, 'source', source),
      ...missingRequirementProblems(mapping, 'target', target),
    ]),
    ...duplicatePairProblems(mappings),
  ];
}

function slugProblems(document: JsonObject): ValidationProblem[] {
  const slug = stringAt(document, 'slug');
  const sourceSlug = frameworkRefOf(document, 'source')?.framework;
  const targetSlug = frameworkRefOf(document, 'target')?.framework;
  if (slug === undefined || sourceSlug === undefined || targetSlug === undefined) return [];
  const expected = `${sourceSlug}--${targetSlug}`;
  return slug === expected
    ? []
    : [{ path: '/slug', message: `must be "${expected}" (<source slug>--<target slug>)` }];
}

interface ResolvedFramework {
  label: string | undefined;
  requirementKeys: ReadonlySet<string> | undefined;
  problems: ValidationProblem[];
}

function resolveFramework(
  document: JsonObject,
  side: 'source' | 'target',
  frameworks: ReadonlyMap<string, FrameworkDefinition>,
): ResolvedFramework {
  const ref = frameworkRefOf(document, side);
  if (!ref) return { label: undefined, requirementKeys: undefined, problems: [] };
  const label = frameworkVersionKey(ref.framework, ref.version);
  const framework = frameworks.get(label);
  if (!framework) {
    return {
      label,
      requirementKeys: undefined,
      problems: [
        { path: `/${side}`, message: `framework version ${label} is not in the catalogue (or is invalid)` },
      ],
    };
  }
  const requirementKeys = new Set(frameworkRequirements(framework).map((requirement) => requirement.key));
  return { label, requirementKeys, problems: [] };
}

function frameworkRefOf(
  document: JsonObject,
  side: 'source' | 'target',
): { framework: string; version: string } | undefined {
  const ref = document[side];
  if (!isJsonObject(ref)) return undefined;
  const framework = stringAt(ref, 'framework');
  const version = stringAt(ref, 'version');
  return framework !== undefined && version !== undefined ? { framework, version } : undefined;
}

function missingRequirementProblems(
  mapping: Located<JsonObject>,
  side: 'source' | 'target',
  framework: ResolvedFramework,
): ValidationProblem[] {
  const key = stringAt(mapping.value, side);
  if (key === undefined || !framework.requirementKeys || framework.requirementKeys.has(key)) return [];
  return [
    { path: `${mapping.path}/${side}`, message: `requirement "${key}" does not exist in ${framework.label}` },
  ];
}

function duplicatePairProblems(mappings: Located<JsonObject>[]): ValidationProblem[] {
  const firstPaths = new Map<string, string>();
  const problems: ValidationProblem[] = [];
  for (const mapping of mappings) {
    const source = stringAt(mapping.value, 'source');
    const target = stringAt(mapping.value, 'target');
    if (source === undefined || target === undefined) continue;
    const pair = `${source} -> ${target}`;
    const firstPath = firstPaths.get(pair);
    if (firstPath === undefined) firstPaths.set(pair, mapping.path);
    else problems.push({ path: mapping.path, message: `duplicate mapping ${pair} (first at ${firstPath})` });
  }
  return problems;
}
