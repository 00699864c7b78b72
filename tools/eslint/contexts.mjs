// The backend's bounded contexts (backend/src/modules/<context>/), enforced by two local rules:
//
// - `beacon/context-imports`: code outside a context reaches it only through its front door,
//   `modules/<context>/index.ts`. One exception, for the schema: a context's entities
//   (`modules/<b>/entities`) may be imported by another context's entities (foreign keys) and by
//   the application's entity list (backend/src/database/entities.ts).
// - `beacon/context-tables`: SQL in a context names only the tables that context owns (the
//   `@Entity({ name })` declared in its `entities/` folder); another context's data is read
//   through that context's read port.
//
// Tests may cross the walls to build their fixtures. platform/ may not import modules/ at all
// (boundaries.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const backendSrc = join(root, 'backend', 'src');
const modulesDir = join(backendSrc, 'modules');

const TEST_FILE = /\.(spec|integration-spec|test-fixtures)\.ts$/;

/** `<context>` and the path inside it of a file under backend/src/modules, or null. */
function placeInModules(file) {
  const rel = relative(modulesDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  const [context, ...rest] = rel.split(sep);
  return { context, inner: rest.join('/').replace(/\.ts$/, '') };
}

/** Table name → owning context, read from the entities each context declares (and the platform's). */
function tableOwners() {
  const owners = new Map();
  const entityName = /@Entity\(\s*\{\s*name:\s*'([a-z0-9_]+)'/g;
  const record = (owner, dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.entity.ts')) continue;
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const [, table] of text.matchAll(entityName)) owners.set(table, owner);
    }
  };
  for (const context of readdirSync(modulesDir)) record(context, join(modulesDir, context, 'entities'));
  record('platform', join(backendSrc, 'platform'));
  return owners;
}

const contextImports = {
  meta: {
    type: 'problem',
    docs: { description: 'A context is imported only through its index.ts (its entities only by entities, for foreign keys).' },
    schema: [],
    messages: {
      deep: "'{{source}}' reaches inside the {{target}} context: import it from its front door (modules/{{target}}/index.ts).",
    },
  },
  create(context) {
    const file = context.physicalFilename;
    if (TEST_FILE.test(file) || !file.startsWith(backendSrc + sep)) return {};
    const from = placeInModules(file);
    const fromEntities = from !== null && from.inner.startsWith('entities/');
    const appLevel = from === null;
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = placeInModules(resolve(dirname(file), source));
      if (!target || target.context === from?.context) return;
      const inner = target.inner.replace(/\/index$/, '').replace(/^index$/, '');
      if (inner === '') return;
      if (inner === 'entities' && (fromEntities || appLevel)) return;
      context.report({ node, messageId: 'deep', data: { source, target: target.context } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

// SQL keywords are written in capitals in this code base; lower-case prose ("from the reports")
// is not SQL.
const SQL_TABLE = /\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/g;

const contextTables = {
  meta: {
    type: 'problem',
    docs: { description: "SQL in a context names only its own tables; other contexts' data comes through their read ports." },
    schema: [],
    messages: {
      foreign: "SQL names the table '{{table}}', which belongs to {{owner}}: read it through {{owner}}'s read port instead.",
    },
  },
  create(context) {
    const file = context.physicalFilename;
    const place = placeInModules(file);
    if (!place || TEST_FILE.test(file)) return {};
    const owners = tableOwners();
    const check = (node, text) => {
      for (const [, table] of text.matchAll(SQL_TABLE)) {
        const owner = owners.get(table);
        if (owner !== undefined && owner !== place.context) {
          context.report({ node, messageId: 'foreign', data: { table, owner: owner === 'platform' ? 'the platform' : `the ${owner} context` } });
        }
      }
    };
    return {
      Literal: (node) => typeof node.value === 'string' && check(node, node.value),
      TemplateLiteral: (node) => check(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ')),
    };
  },
};

export const contextsPlugin = { rules: { 'context-imports': contextImports, 'context-tables': contextTables } };

export const contexts = [
  {
    files: ['backend/src/**/*.ts'],
    plugins: { beacon: contextsPlugin },
    rules: { 'beacon/context-imports': 'error', 'beacon/context-tables': 'error' },
  },
];
