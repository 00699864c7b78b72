import type { CatalogProblem, FrameworkDefinition, ValidationResult } from './catalog.types';
import { lazyValidator, schemaProblems, uniqueProblems } from './ajv-validation';
import { frameworkSemanticProblems } from './framework-checks';
import { FRAMEWORK_JSON_SCHEMA } from './framework.schema';

export const INLINE_DOCUMENT = '(inline)';

const frameworkValidator = lazyValidator(FRAMEWORK_JSON_SCHEMA);

/** Validates one framework version: JSON Schema, then the rules a schema cannot express. */
export function validateFrameworkDocument(
  document: unknown,
  file: string = INLINE_DOCUMENT,
): ValidationResult<FrameworkDefinition, CatalogProblem> {
  const problems = uniqueProblems([
    ...schemaProblems(frameworkValidator(), document),
    ...frameworkSemanticProblems(document),
  ]).map((problem) => ({ file, ...problem }));
  return problems.length === 0
    ? { ok: true, value: document as FrameworkDefinition }
    : { ok: false, problems };
}
