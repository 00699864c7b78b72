import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixtureCatalog, fixtureModel } from '../reports.test-fixtures';
import { REPORT_SCHEMA_ID } from '../model/report-model.types';
import { contentDigestOf, renderJsonReport } from './json-report';

const schemaPath = resolve(__dirname, '../../../../../docs/schemas/report.schema.json');

function validator() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return { schema, validate: ajv.compile(schema) };
}

describe('JSON report', () => {
  const { schema, validate } = validator();

  it('is published with the id the reports point to', () => {
    expect(schema['$id']).toBe(REPORT_SCHEMA_ID);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(['en', 'fr'] as const)('validates against docs/schemas/report.schema.json (%s)', (locale) => {
    const json = JSON.parse(renderJsonReport(fixtureModel(locale)).toString('utf8')) as unknown;
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });

  it('validates for every framework of the catalogue', () => {
    const json = JSON.parse(renderJsonReport(fixtureModel('en', { frameworks: fixtureCatalog().frameworks })).toString('utf8')) as unknown;
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });

  it('is canonical JSON whose SHA-256 is the content digest', () => {
    const model = fixtureModel('en');
    const bytes = renderJsonReport(model);
    const text = bytes.toString('utf8');
    expect(text).not.toMatch(/\n/);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(contentDigestOf(model));
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
  });

  it('is refused by the schema when a field is wrong or unknown', () => {
    const json = JSON.parse(renderJsonReport(fixtureModel('en')).toString('utf8')) as { frameworks: { score: unknown }[]; extra?: unknown };
    json.frameworks[0]!.score = 'high';
    expect(validate(json)).toBe(false);
    const other = JSON.parse(renderJsonReport(fixtureModel('en')).toString('utf8')) as Record<string, unknown>;
    other['extra'] = true;
    expect(validate(other)).toBe(false);
  });
});
