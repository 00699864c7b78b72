import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Proves the frontend features use each other only through their public surface: each deliberate
 * violation below must be reported by the workspace's own rule blocks (`tools/eslint/boundaries.mjs`).
 */
const root = join(__dirname, '..', '..');

async function lint(filePath: string, code: string): Promise<string[]> {
  const { boundaries } = (await import(pathToFileURL(join(__dirname, 'boundaries.mjs')).href)) as {
    boundaries: Linter.Config[];
  };
  const parser = { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } };
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [parser, ...boundaries] });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const features = 'frontend/src/app/features';

describe('frontend feature boundaries', () => {
  it.each([
    [`${features}/assessments/pages/x.ts`, "import { ReportsStore } from '../../reports/data/reports-store';"],
    [`${features}/assessments/ui/x.ts`, "import { EvidenceZone } from '../../evidence/ui/evidence-zone';"],
    [`${features}/assessments/x.ts`, "import { x } from '../evidence/../reports/ui/reports-panel';"],
    [`${features}/scoring/x.ts`, "export { CatalogApi } from '../catalog/data/catalog-api';"],
    [`${features}/scoring/x.ts`, "export * from '../catalog/data/catalog-api';"],
    [`${features}/assessments/x.routes.ts`, "export const load = () => import('../scoring/pages/score-page');"],
  ])('%s may not reach inside another feature: %s', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^contexts\/public-surface-only: .* reaches inside (reports|evidence|catalog|scoring)\/: /);
  });

  it('keeps a feature’s test support out of app code', async () => {
    const messages = await lint(`${features}/assessments/pages/x.ts`, "import { MSM } from '../../catalog/testing';");
    expect(messages).toEqual([
      "contexts/public-surface-only: '../../catalog/testing' is the test support of catalog/: only tests may use it.",
    ]);
  });

  it.each([
    [`${features}/scoring/pages/x.ts`, "import { ReportsPanel } from '../../reports';"],
    [`${features}/scoring/pages/x.ts`, "import { ReportsPanel } from '../../reports/index';"],
    [`${features}/scoring/x.routes.ts`, "export const load = () => import('../reports');"],
    [`${features}/assessments/ui/x.ts`, "import { AnswersStore } from '../data/answers-store';"],
    [`${features}/assessments/ui/x.ts`, "import { I18n } from '../../../core/i18n/i18n';"],
    [`${features}/assessments/ui/x.ts`, "import { formatBytes } from '../../../shared/util/format';"],
    [`${features}/assessments/pages/x.spec.ts`, "import { MSM } from '../../catalog/testing';"],
    [`${features}/assessments/data/x-test-data.ts`, "import { MSM } from '../../catalog/testing';"],
    ['frontend/src/app/app.routes.ts', "export const load = () => import('./features/assessments/assessments.routes');"],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
