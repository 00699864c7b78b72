// "Contexts use each other only through their public surface", as an ESLint rule.
//
// Under a root folder whose sub-folders are contexts (the web app's `features/<name>/`), a file may
// import anything of its own context, but of another context only its `index.ts` (`../reports`,
// `../reports/index`); tests (`*.spec.ts`, `*-test-data.ts`) may also use its `testing.ts`
// (fixtures, test URLs). Imports are resolved against the importing file, so `../../x` and
// `../x/../../x` are judged alike, and `export … from` and `import()` count as imports.
// Core's `no-restricted-imports` cannot say "another folder than mine", and one more block of it
// would replace the scope blocks' patterns for those files (flat config keeps only the last
// options of a rule), hence a rule of its own.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const ENTRY = 'index';
const TEST_ENTRY = 'testing';
const TEST_FILE = /(\.spec|-test-data)\.ts$/;

/** `reports/ui/panel` → `['reports', 'ui/panel']`; null outside `root`. */
function contextPath(root, file) {
  const path = relative(root, file);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return null;
  const [context, ...rest] = path.split(sep);
  return [context, rest.join('/').replace(/\.ts$/, '')];
}

/** @type {import('eslint').Rule.RuleModule} */
const publicSurfaceOnly = {
  meta: {
    type: 'problem',
    docs: { description: "Import another context only through its index.ts (tests: also its testing.ts)." },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string', description: 'The folder whose sub-folders are contexts.' } },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      deep: "'{{source}}' reaches inside {{context}}/: import what it offers from its index.ts instead.",
      testing: "'{{source}}' is the test support of {{context}}/: only tests may use it.",
    },
  },
  create(context) {
    const root = resolve(context.cwd, context.options[0].root);
    const own = contextPath(root, context.filename)?.[0];
    const isTest = TEST_FILE.test(context.filename);

    /** @param {import('estree').Node | null | undefined} node */
    function check(node) {
      if (node?.type !== 'Literal' || typeof node.value !== 'string' || !node.value.startsWith('.')) return;
      const target = contextPath(root, resolve(dirname(context.filename), node.value));
      if (!target) return;
      const [name, entry] = target;
      if (name === own || entry === '' || entry === ENTRY) return;
      if (entry === TEST_ENTRY && isTest) return;
      const messageId = entry === TEST_ENTRY ? 'testing' : 'deep';
      context.report({ node, messageId, data: { source: node.value, context: name } });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

/** The plugin to register (as `contexts`) in a config block that sets the rule's `root`. */
export const contexts = { rules: { 'public-surface-only': publicSurfaceOnly } };
