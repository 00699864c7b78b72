import Ajv from 'ajv';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ValidationProblem } from './catalog.types';
import { pointerSegment } from './json-guards';

/** Compiles the schema on first use (compiling is costly; validating is cheap). */
export function lazyValidator(schema: AnySchema): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => {
    if (!compiled) {
      const ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
      addFormats(ajv);
      compiled = ajv.compile(schema);
    }
    return compiled;
  };
}

export function schemaProblems(validate: ValidateFunction, document: unknown): ValidationProblem[] {
  if (validate(document)) return [];
  const problems = (validate.errors ?? []).flatMap(toProblem);
  return uniqueProblems(problems);
}

export function uniqueProblems<P extends ValidationProblem>(problems: P[]): P[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const id = `${problem.path}\u0000${problem.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function toProblem(error: ErrorObject): ValidationProblem[] {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return []; // the failing "then"/"else" branch reports the real reason
    case 'discriminator':
      return []; // a missing, mistyped or unknown tag is reported by the tag property's own schema
    case 'type':
      return error.schemaPath.endsWith('/applicability/else/type')
        ? [{ path, message: 'must be a service feature name or an object with exactly one of all, any, not' }]
        : [{ path, message: error.message ?? 'has the wrong type' }];
    case 'required':
      return [
        {
          path: `${path}/${pointerSegment(String(params['missingProperty']))}`,
          message: 'is required but missing',
        },
      ];
    case 'additionalProperties':
      return [
        {
          path: `${path}/${pointerSegment(String(params['additionalProperty']))}`,
          message: `property "${String(params['additionalProperty'])}" is not allowed here`,
        },
      ];
    case 'enum':
      return [{ path, message: `must be one of: ${formatValues(params['allowedValues'])}` }];
    case 'const':
      return [{ path, message: `must be ${JSON.stringify(params['allowedValue'])}` }];
    default:
      return [{ path, message: error.message ?? `fails "${error.keyword}"` }];
  }
}

function formatValues(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => String(value)).join(', ') : String(values);
}
