// Makes sure PostgreSQL and Redis run, starting the Debian packages' servers when they are
// installed but stopped; otherwise says how to get them. Used by `npm start` and `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';

function reachable(url, probe) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) }, () => {
      if (!probe) {
        socket.destroy();
        resolve(true);
        return;
      }
      socket.write(probe);
    });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('data', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

export async function waitUntil(check, seconds) {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const howToGetServices =
  'Install them from the Debian packages (`apt-get install postgresql redis-server`, see infra/local/README.md) ' +
  'or start them with Docker: `docker compose -f infra/docker-compose.yml up -d postgres redis`.';

/** Starts the Debian package's PostgreSQL when it is installed but stopped. */
export async function ensurePostgres(url, log, fail) {
  if (await reachable(url)) return;
  if (existsSync('/etc/postgresql') && which('pg_ctlcluster')) {
    for (const version of readdirSync('/etc/postgresql')) {
      log(`Starting PostgreSQL ${version}…`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    }
    if (await waitUntil(() => reachable(url), 30)) return;
  }
  fail(`PostgreSQL is not reachable at ${new URL(url).host}. ${howToGetServices}`);
}

/** Starts a local redis-server (no persistence) when it is installed but not running. */
export async function ensureRedis(url, log, fail) {
  if (await reachable(url, 'PING\r\n')) return;
  const { hostname, port } = new URL(url);
  if (which('redis-server') && ['127.0.0.1', 'localhost'].includes(hostname)) {
    log('Starting Redis…');
    spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', port || '6379', '--save', '', '--appendonly', 'no'], {
      stdio: 'inherit',
    });
    if (await waitUntil(() => reachable(url, 'PING\r\n'), 15)) return;
  }
  fail(`Redis is not reachable at ${new URL(url).host}. ${howToGetServices}`);
}

