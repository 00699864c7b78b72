// What the benchmark scripts share: starting the stack the way `npm start` does (its own port,
// database and queue prefix), plain JSON calls and percentiles.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts `tools/start.mjs --reset` on `port` with a database and queue prefix of its own; resolves once it is ready. */
export async function startStack(port, extraEnv = {}) {
  const database = `beacon_bench_${port}`;
  const env = {
    ...process.env,
    HTTP_PORT: String(port),
    DATABASE_URL: `postgres://beacon_app@127.0.0.1:5432/${database}`,
    DATABASE_OWNER_URL: `postgres://beacon_owner@127.0.0.1:5432/${database}`,
    // A prefix per run: queues and rate-limit counters of an earlier run never leak into this one.
    QUEUE_PREFIX: `beacon-bench-${port}-${Date.now().toString(36)}`,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const stack = spawn(process.execPath, [join(root, 'tools/start.mjs'), '--reset'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    stack.stdout.on('data', (chunk) => {
      if (String(chunk).includes('is ready')) resolve();
    });
    stack.once('exit', (code) => reject(new Error(`the stack exited (${code})`)));
  });
  return {
    base: `http://127.0.0.1:${port}/api/v1`,
    env,
    stop: () =>
      new Promise((resolve) => {
        stack.once('exit', resolve);
        stack.kill('SIGINT');
      }),
  };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
