// After `tsc`, turns the workspace path aliases (`@beacon/contracts`, `@beacon/domain`) in the
// emitted JavaScript into relative paths, so Node runs the output without a resolver hook.
// Usage: node tools/rewrite-aliases.mjs <outDir>   (outDir mirrors the repository root)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: rewrite-aliases.mjs <outDir>');
const aliases = {
  '@beacon/contracts': 'shared/contracts/src/index.js',
  '@beacon/domain': 'shared/domain/src/index.js',
};

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.js')) yield path;
  }
}

let changed = 0;
for (const file of files(outDir)) {
  const source = readFileSync(file, 'utf8');
  const output = source.replace(/require\("(@beacon\/[a-z-]+)"\)/g, (match, alias) => {
    const target = aliases[alias];
    if (!target) throw new Error(`${file}: unknown alias ${alias}`);
    let rel = relative(dirname(file), join(outDir, target)).replaceAll('\\', '/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `require("${rel}")`;
  });
  if (output !== source) {
    writeFileSync(file, output);
    changed += 1;
  }
}
console.log(`rewrite-aliases: ${changed} file(s) updated in ${outDir}`);
