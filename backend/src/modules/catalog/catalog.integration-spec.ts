import type { INestApplication } from '@nestjs/common';
import type {
  ErrorResponse,
  FrameworkDiffResponse,
  FrameworkSummaryResponse,
  FrameworkVersionResponse,
  MappingResponse,
} from '@beacon/contracts';
import type { CatalogFile, FrameworkDefinition } from '@beacon/domain';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { http, adminDataSource, startApi } from '../../../test/harness';
import { oscalValidator } from '../../../test/oscal-validator';
import { loadEnvironment } from '../../platform/config/environment';
import { readCatalogDirectory } from './catalog-files';
import { CatalogImportError } from './catalog.exception';
import { importCatalog } from './catalog-importer';

const SLUGS = [
  'c3p-changing-the-paradigm',
  'five-country-voluntary-principles',
  'ncmec-minimum-safety-measures',
  'ncmec-platform-positions',
  'ncmec-platform-responsibilities',
  'ncmec-safety-by-design',
];

function shippedCatalog(): CatalogFile[] {
  const { files, problems } = readCatalogDirectory(resolve(loadEnvironment().CATALOG_DIR));
  expect(problems).toEqual([]);
  return files;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('framework catalogue (real PostgreSQL)', () => {
  let owner: DataSource;
  let api: INestApplication;

  async function tableCounts(): Promise<Record<string, number>> {
    const rows: { t: string; n: number }[] = await owner.query(`
      SELECT 'framework_versions' AS t, count(*)::int AS n FROM framework_versions UNION ALL
      SELECT 'framework_requirements', count(*)::int FROM framework_requirements UNION ALL
      SELECT 'framework_questions', count(*)::int FROM framework_questions UNION ALL
      SELECT 'mapping_sets', count(*)::int FROM mapping_sets UNION ALL
      SELECT 'framework_mappings', count(*)::int FROM framework_mappings`);
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }

  beforeAll(async () => {
    owner = await adminDataSource();
    await owner.query('TRUNCATE framework_versions, mapping_sets CASCADE');
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  describe('import', () => {
    it('loads every shipped framework and mapping set once, and does nothing the second time', async () => {
      const files = shippedCatalog();
      const first = await importCatalog(owner, files);
      expect(first.frameworksAdded.map((id) => id.split('@')[0]).sort()).toEqual(SLUGS);
      expect(first.mappingSetsAdded.length).toBeGreaterThan(0);
      const after = await tableCounts();

      const second = await importCatalog(owner, files);
      expect(second.frameworksAdded).toEqual([]);
      expect(second.mappingSetsAdded).toEqual([]);
      expect(second.frameworksUnchanged).toHaveLength(SLUGS.length);
      expect(await tableCounts()).toEqual(after);
    });

    it('refuses a changed file under a published version, naming framework, version and change, and writes nothing', async () => {
      const files = shippedCatalog();
      const before = await tableCounts();
      const edited = files.map((f) => {
        const doc = f.document as FrameworkDefinition;
        if (doc.kind !== 'framework' || doc.slug !== 'ncmec-minimum-safety-measures') return f;
        const copy = clone(doc);
        copy.sections[0]!.requirements[0]!.weight = copy.sections[0]!.requirements[0]!.weight === 5 ? 4 : 5;
        return { ...f, document: copy };
      });
      const error = await importCatalog(owner, edited).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CatalogImportError);
      expect((error as Error).message).toMatch(/ncmec-minimum-safety-measures version 1\.0\.0 .*requirements changed: MSM-1/);
      expect(await tableCounts()).toEqual(before);
    });

    it('rejects a broken file listing every problem with file, path and reason, and writes nothing', async () => {
      const before = await tableCounts();
      const files = shippedCatalog();
      const broken = files.map((f) => {
        const doc = f.document as FrameworkDefinition;
        if (doc.kind !== 'framework' || doc.slug !== 'ncmec-safety-by-design') return f;
        const copy = clone(doc) as unknown as { sections: { requirements: { weight: unknown; questions: { type: string }[] }[] }[] };
        copy.sections[0]!.requirements[0]!.weight = 'heavy';
        copy.sections[0]!.requirements[0]!.questions[0]!.type = 'essay';
        return { ...f, document: copy };
      });
      const error = await importCatalog(owner, broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CatalogImportError);
      const problems = (error as CatalogImportError).problems;
      expect(problems.length).toBeGreaterThanOrEqual(2);
      expect(problems.every((p) => p.file.includes('ncmec-safety-by-design'))).toBe(true);
      expect(problems.some((p) => p.path.includes('/weight'))).toBe(true);
      expect(problems.some((p) => p.path.includes('/type'))).toBe(true);
      expect(await tableCounts()).toEqual(before);
    });

    it('adds a new version beside the old one, which stays intact', async () => {
      const base = shippedCatalog().find((f) => (f.document as FrameworkDefinition).slug === 'ncmec-minimum-safety-measures')!;
      const next = clone(base.document as FrameworkDefinition);
      next.version = '1.1.0';
      next.sections[0]!.requirements[0]!.weight = next.sections[0]!.requirements[0]!.weight === 5 ? 4 : 5;
      const removed = next.sections.find((section) => section.requirements.length > 1)!.requirements.pop()!;
      const summary = await importCatalog(owner, [base, { file: 'frameworks/ncmec-minimum-safety-measures@1.1.0.yaml', document: next }]);
      expect(summary.frameworksAdded).toEqual(['ncmec-minimum-safety-measures@1.1.0']);

      const res = await http(api).get('/api/v1/frameworks/ncmec-minimum-safety-measures/versions/1.0.0/diff/1.1.0').expect(200);
      const diff = res.body as FrameworkDiffResponse;
      expect(diff.changed).toContain(next.sections[0]!.requirements[0]!.key);
      expect(diff.removed).toEqual([removed.key]);
      expect(diff.added).toEqual([]);
      const old = await http(api).get('/api/v1/frameworks/ncmec-minimum-safety-measures/versions/1.0.0').expect(200);
      expect((old.body as FrameworkVersionResponse).framework.version).toBe('1.0.0');
    });
  });

  describe('API', () => {
    it('lists the frameworks with versions and counts', async () => {
      const res = await http(api).get('/api/v1/frameworks').expect(200);
      const list = res.body as FrameworkSummaryResponse[];
      expect(list.map((f) => f.slug)).toEqual(SLUGS);
      for (const framework of list) {
        const latest = framework.versions[0]!;
        expect(latest.counts.requirements).toBeGreaterThan(0);
        expect(latest.counts.questions).toBeGreaterThanOrEqual(latest.counts.requirements);
        expect(latest.contentHash).toMatch(/^[0-9a-f]{64}$/);
      }
      const msm = list.find((f) => f.slug === 'ncmec-minimum-safety-measures')!;
      expect(msm.versions.map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);
    });

    it('returns the whole tree, in one language with ?locale', async () => {
      const both = await http(api).get('/api/v1/frameworks/ncmec-minimum-safety-measures/versions/1.0.0').expect(200);
      const tree = (both.body as FrameworkVersionResponse).framework;
      expect(tree.sections[0]!.requirements[0]!.questions.length).toBeGreaterThan(0);
      expect(tree.title.fr).toBeTruthy();
      const fr = await http(api).get('/api/v1/frameworks/ncmec-minimum-safety-measures/versions/1.0.0?locale=fr').expect(200);
      const frTree = (fr.body as { framework: { title: string; sections: { title: string }[] } }).framework;
      expect(frTree.title).toBe(tree.title.fr);
      expect(frTree.sections[0]!.title).toBe(tree.sections[0]!.title.fr);
    });

    it('answers unknown slug or version with 404, malformed ones and unknown locales with 400', async () => {
      const missing = await http(api).get('/api/v1/frameworks/no-such-framework/versions/1.0.0').expect(404);
      expect((missing.body as ErrorResponse).code).toBe('FRAMEWORK_NOT_FOUND');
      await http(api).get('/api/v1/frameworks/ncmec-minimum-safety-measures/versions/9.9.9').expect(404);
      await http(api).get('/api/v1/frameworks/ncmec-minimum-safety-measures/versions/latest').expect(400);
      const locale = await http(api).get('/api/v1/frameworks?locale=de').expect(400);
      expect((locale.body as ErrorResponse).details).toEqual([{ field: 'locale', reasons: ['locale must be one of: en, fr'] }]);
    });

    it('lists crosswalks filtered by source and target', async () => {
      const all = (await http(api).get('/api/v1/mappings').expect(200)).body as MappingResponse[];
      expect(all.length).toBeGreaterThan(0);
      const fromMsm = (await http(api).get('/api/v1/mappings?from=ncmec-minimum-safety-measures').expect(200)).body as MappingResponse[];
      expect(fromMsm.length).toBeGreaterThan(0);
      expect(fromMsm.every((m) => m.source.framework === 'ncmec-minimum-safety-measures')).toBe(true);
      const toVp = (await http(api).get('/api/v1/mappings?to=five-country-voluntary-principles').expect(200)).body as MappingResponse[];
      expect(toVp.every((m) => m.target.framework === 'five-country-voluntary-principles')).toBe(true);
    });
  });

  describe('OSCAL exports', () => {
    it.each(SLUGS.flatMap((slug) => [[slug, 'en'], [slug, 'fr']]))('the %s catalog (%s) validates against NIST’s schema', async (slug, locale) => {
      const res = await http(api).get(`/api/v1/frameworks/${slug}/versions/1.0.0/oscal?locale=${locale}`).expect(200);
      const validate = oscalValidator('catalog');
      const valid = validate(res.body);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      const again = await http(api).get(`/api/v1/frameworks/${slug}/versions/1.0.0/oscal?locale=${locale}`).expect(200);
      expect(again.body).toEqual(res.body);
    });

    it('the mapping collection validates against NIST’s schema, whole and filtered', async () => {
      const validate = oscalValidator('mapping');
      for (const path of ['/api/v1/mappings/oscal', '/api/v1/mappings/oscal?from=ncmec-minimum-safety-measures&locale=fr']) {
        const res = await http(api).get(path).expect(200);
        const valid = validate(res.body);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
      }
    });
  });
});
