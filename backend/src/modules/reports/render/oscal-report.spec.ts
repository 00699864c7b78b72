import { oscalValidator } from '../../../../test/oscal-validator';
import { resetEnvironmentCache } from '../../../platform/config/environment';
import { fixtureCatalog, fixtureModel } from '../reports.test-fixtures';
import { renderOscalReport, toOscalAssessmentResults } from './oscal-report';

interface Finding {
  uuid: string;
  target: { 'target-id': string; status: { state: string } };
  'related-observations': { 'observation-uuid': string }[];
}
interface Observation {
  uuid: string;
  'relevant-evidence'?: { href: string; description: string }[];
}
interface Document {
  'assessment-results': {
    uuid: string;
    results: { findings: Finding[]; observations: Observation[] }[];
    'back-matter': { resources: { uuid: string; rlinks?: { hashes?: { algorithm: string; value: string }[] }[] }[] };
  };
}

describe('OSCAL assessment-results report', () => {
  let validate: ReturnType<typeof oscalValidator>;
  beforeAll(() => {
    // The validator reads OSCAL_SCHEMA_DIR from the validated environment, which needs a database URL.
    process.env['DATABASE_URL'] ??= 'postgres://unit-tests@127.0.0.1:5432/unused';
    resetEnvironmentCache();
    validate = oscalValidator('assessment-results');
  });

  it.each(['en', 'fr'] as const)("validates against NIST's OSCAL assessment-results schema (%s)", (locale) => {
    const document = JSON.parse(renderOscalReport(fixtureModel(locale, { frameworks: fixtureCatalog().frameworks })).toString('utf8')) as unknown;
    expect(validate(document) ? [] : validate.errors?.slice(0, 5)).toEqual([]);
  });

  it('has one finding per counted requirement, satisfied only when met, with its observation and evidence by SHA-256', () => {
    const model = fixtureModel('en');
    const document = toOscalAssessmentResults(model) as unknown as Document;
    const result = document['assessment-results'].results[0]!;
    const counted = model.frameworks.flatMap((f) => f.requirements).filter((r) => ['met', 'partially-met', 'not-met'].includes(r.outcome));
    expect(result.findings).toHaveLength(counted.length);
    for (const r of counted) {
      const finding = result.findings.find((f) => f.target['target-id'] === r.key.toLowerCase());
      expect(finding?.target.status.state).toBe(r.outcome === 'met' ? 'satisfied' : 'not-satisfied');
      const observation = result.observations.find((o) => o.uuid === finding?.['related-observations'][0]?.['observation-uuid']);
      expect(observation).toBeDefined();
      for (const e of r.evidence.filter((x) => x.kind === 'file')) {
        const ref = observation?.['relevant-evidence']?.find((x) => x.description.includes(e.name));
        expect(ref?.description).toContain(e.sha256);
        const resource = document['assessment-results']['back-matter'].resources.find((res) => `#${res.uuid}` === ref?.href);
        expect(resource?.rlinks?.[0]?.hashes).toEqual([{ algorithm: 'SHA-256', value: e.sha256 }]);
      }
    }
  });

  it('is deterministic: the same report gives the same document, another report other UUIDs', () => {
    const a = renderOscalReport(fixtureModel('en'));
    expect(renderOscalReport(fixtureModel('en')).equals(a)).toBe(true);
    const other = toOscalAssessmentResults(fixtureModel('en', {}, '99999999-9999-4999-8999-999999999999')) as unknown as Document;
    expect(other['assessment-results'].uuid).not.toBe((JSON.parse(a.toString('utf8')) as Document)['assessment-results'].uuid);
  });
});
