import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEnvironment } from '../src/platform/config/environment';

const cache = new Map<string, ValidateFunction>();

/** A validator for one of NIST's OSCAL schemas, read from OSCAL_SCHEMA_DIR (draft-07, Unicode regexps). */
export function oscalValidator(model: 'catalog' | 'mapping' | 'assessment-results'): ValidateFunction {
  const cached = cache.get(model);
  if (cached) return cached;
  const dir = resolve(loadEnvironment().OSCAL_SCHEMA_DIR);
  const schema = JSON.parse(readFileSync(join(dir, `oscal_${model}_schema.json`), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, unicodeRegExp: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  cache.set(model, validate);
  return validate;
}
