// Module boundaries between the workspace's scopes, enforced with ESLint's core rule.
// Nx's `enforce-module-boundaries` lives in a plugin that does not support Nx 24 core, so the
// same tag policy is written out here: backend → shared+backend, frontend → shared+frontend,
// shared → shared only, and no framework or infrastructure package inside shared/.

import { fileURLToPath } from 'node:url';
import { contexts } from './public-surface.mjs';

const serverOnly = ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'ioredis', 'pg', 'express'];
const angular = ['@angular/*'];
const path = (scope) => ({
  group: [`**/${scope}/**`, `${scope}/**`],
  message: `This scope may not import from ${scope}/.`,
});
const packages = (names, why) => ({ group: names, message: why });

/** Rule blocks keyed by scope; each block sets the whole rule for its folder. */
export const boundaries = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            packages([...serverOnly, ...angular], 'shared/ is framework-neutral: no NestJS, TypeORM, BullMQ, ioredis or Angular.'),
            path('backend'),
            path('frontend'),
            path('e2e'),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            packages([...serverOnly, ...angular], 'shared/ is framework-neutral: no NestJS, TypeORM, BullMQ, ioredis or Angular.'),
            packages(['fs', 'node:*', 'path', 'crypto'], 'shared/ also runs in the browser: no Node built-ins outside tests.'),
            path('backend'),
            path('frontend'),
            path('e2e'),
          ],
        },
      ],
    },
  },
  {
    files: ['backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [packages(angular, 'The backend may not import Angular.'), path('frontend'), path('e2e')] },
      ],
    },
  },
  {
    // The platform (config, database, HTTP, auth, queues…) knows no business context: a context
    // plugs into it through a port the platform declares (e.g. SECURITY_EVENTS), never the reverse.
    files: ['backend/src/platform/**/*.ts'],
    // Tests may build their fixtures with any context's code.
    ignores: ['backend/src/platform/**/*.spec.ts', 'backend/src/platform/**/*.integration-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            packages(angular, 'The backend may not import Angular.'),
            path('frontend'),
            path('e2e'),
            { group: ['**/modules/**', 'modules/**'], message: 'platform/ may not import a business context (modules/): declare a port in platform/ and let the context provide it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['frontend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [packages(serverOnly, 'The frontend may not import server packages.'), path('backend'), path('e2e')],
        },
      ],
    },
  },
  {
    // Frontend features mirror the backend contexts and use each other only through their
    // public surface: `features/<name>/index.ts` (tests may also use `features/<name>/testing.ts`).
    files: ['frontend/src/app/features/**/*.ts'],
    plugins: { contexts },
    rules: {
      'contexts/public-surface-only': [
        'error',
        { root: fileURLToPath(new URL('../../frontend/src/app/features', import.meta.url)) },
      ],
    },
  },
];
