// Builds the backend into dist/backend: tsc into a private folder, aliases rewritten, data files
// (passwords list, PDF fonts) copied, then swapped in with a rename, so a running API or worker never sees a half-written tree
// and two builds at once cannot mix their outputs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist/backend');
const staging = join(root, 'dist', `.backend-build-${process.pid}`);
const tsc = join(root, 'node_modules/typescript/bin/tsc');

rmSync(staging, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'backend/tsconfig.app.json'), '--outDir', staging], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'tools/rewrite-aliases.mjs'), staging], { stdio: 'inherit' });
  // Files the code reads at run time besides JavaScript: the common-password list and the PDF fonts.
  const data = 'backend/src/modules/identity/data';
  mkdirSync(join(staging, data), { recursive: true });
  cpSync(join(root, data, 'common-passwords.txt'), join(staging, data, 'common-passwords.txt'));
  const fonts = 'backend/src/modules/reports/pdf/fonts';
  cpSync(join(root, fonts), join(staging, fonts), { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
