import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Proves the context walls hold: each deliberate violation below must be reported by the very
 * rule blocks the workspace's ESLint config uses (`tools/eslint/contexts.mjs`), and each legal
 * import or query must pass.
 */
const root = join(__dirname, '..', '..');

async function lint(filePath: string, code: string): Promise<string[]> {
  const { contexts } = (await import(pathToFileURL(join(__dirname, 'contexts.mjs')).href)) as { contexts: Linter.Config[] };
  const parser = { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } };
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [parser, ...contexts] });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('context imports', () => {
  it.each([
    ['backend/src/modules/reports/x.ts', "import { AssessmentsService } from '../assessments/assessments.service';"],
    ['backend/src/modules/reports/render/x.ts', "import { deterministicUuid } from '../../catalog/oscal/deterministic-uuid';"],
    ['backend/src/modules/scoring/x.ts', "import { AssessmentSnapshotEntity } from '../assessments/entities';"],
    ['backend/src/modules/scoring/x.ts', "export { AssessmentRecords } from '../assessments/assessment-records';"],
    ['backend/src/api.module.ts', "import { ReportsModule } from './modules/reports/reports.module';"],
    ['backend/src/database/seeds/x.ts', "import { importCatalog } from '../../modules/catalog/catalog-importer';"],
  ])('%s may not: %s', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^beacon\/context-imports: .* reaches inside the \w+ context/);
  });

  it.each([
    ['backend/src/modules/reports/x.ts', "import { AssessmentRecords } from '../assessments';"],
    ['backend/src/modules/reports/x.ts', "import { AssessmentRecords } from '../assessments/index';"],
    ['backend/src/modules/reports/jobs/x.ts', "import { ScoreRecords } from '../../scoring';"],
    ['backend/src/modules/reports/x.ts', "import { ReportSigner } from './sealing/report-signer';"],
    ['backend/src/modules/reports/entities/x.ts', "import { AssessmentEntity } from '../../assessments/entities';"],
    ['backend/src/database/entities.ts', "import { REPORT_ENTITIES } from '../modules/reports/entities';"],
    ['backend/src/modules/reports/reports.integration-spec.ts', "import { AssessmentsService } from '../assessments/assessments.service';"],
    ['backend/src/modules/reports/x.ts', "import { TenantDatabase } from '../../platform/tenancy/tenant-database';"],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('context tables', () => {
  it.each([
    ['backend/src/modules/reports/x.ts', 'const q = `SELECT content FROM assessment_snapshots WHERE id = $1`;', 'assessment_snapshots', 'assessments'],
    ['backend/src/modules/reports/x.ts', "const q = 'SELECT name FROM organizations WHERE id = $1';", 'organizations', 'identity'],
    ['backend/src/modules/assessments/x.ts', 'const q = `SELECT a.x FROM requirement_assignments a JOIN users u ON u.id = a.user_id`;', 'users', 'identity'],
    ['backend/src/modules/audit/x.ts', "const q = 'UPDATE \"evidence\" SET title = $2 WHERE id = $1';", 'evidence', 'evidence'],
    ['backend/src/modules/scoring/x.ts', 'const q = `INSERT INTO outbox_messages (queue) VALUES ($1)`;', 'outbox_messages', 'the platform'],
  ])('%s may not name another context’s table: %s', async (file, code, table, owner) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^beacon\/context-tables: /);
    expect(messages[0]).toContain(`'${table}'`);
    expect(messages[0]).toContain(owner);
  });

  it.each([
    ['backend/src/modules/reports/x.ts', "const q = 'SELECT content FROM reports WHERE id = $1';"],
    ['backend/src/modules/assessments/x.ts', 'const q = `SELECT a.x FROM requirement_assignments a JOIN assessments s ON s.id = a.assessment_id`;'],
    ['backend/src/modules/reports/x.ts', "const message = 'This report was removed from organizations and users by the owner.';"],
    ['backend/src/modules/reports/reports.integration-spec.ts', "const q = 'SELECT content FROM assessment_snapshots';"],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
