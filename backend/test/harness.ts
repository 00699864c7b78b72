import 'reflect-metadata';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Socket } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { resolve } from 'node:path';
import { ApiModule } from '../src/api.module';
import { createDataSource } from '../src/database/data-source';
import { readCatalogDirectory } from '../src/modules/catalog/catalog-files';
import { importCatalog } from '../src/modules/catalog/catalog-importer';
import { loadEnvironment, resetEnvironmentCache } from '../src/platform/config/environment';
import { configureHttpApp } from '../src/platform/http/configure-http-app';
import { JsonLogger } from '../src/platform/logging/json-logger';
import { WorkerModule } from '../src/worker.module';

const quietLogger = new JsonLogger('error', 'beacon-test');

/** Runs `fn` with some environment variables changed, then puts them back. */
export async function withEnv<T>(overrides: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
  Object.assign(process.env, overrides);
  resetEnvironmentCache();
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvironmentCache();
  }
}

/** The HTTP API exactly as `main.api.ts` builds it, ready for supertest. */
export async function startApi(env: Record<string, string> = {}): Promise<INestApplication> {
  return withEnv(env, async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: quietLogger });
    configureHttpApp(app);
    await app.init();
    return app;
  });
}

/** A worker process's application context (queue workers, outbox relay, heartbeat). */
export async function startWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  return withEnv(env, async () => {
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: quietLogger });
    await app.init();
    return app;
  });
}

/** Imports the shipped framework catalogue into this run's database (idempotent), as the owner role does. */
export async function importShippedCatalog(): Promise<void> {
  const owner = createDataSource({ url: process.env['DATABASE_OWNER_URL']!, poolSize: 1 });
  await owner.initialize();
  try {
    await importCatalog(owner, readCatalogDirectory(resolve(loadEnvironment().CATALOG_DIR)).files);
  } finally {
    await owner.destroy();
  }
}

/**
 * A superuser connection to this run's database, for assertions and clean-up only: it bypasses
 * row-level security, which the application's role never does.
 */
export async function adminDataSource(): Promise<DataSource> {
  const url = new URL(process.env['DATABASE_ADMIN_URL']!);
  url.pathname = `/${process.env['BEACON_TEST_DATABASE']!}`;
  const ds = createDataSource({ url: url.toString(), poolSize: 2 });
  return ds.initialize();
}

/** Empties the given tables between tests. */
export async function clearTables(ds: DataSource, tables: string[]): Promise<void> {
  await ds.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

/** Polls `probe` until it returns a truthy value, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A private, real Redis server that a test may stop and start again (outage tests). */
export class PrivateRedis {
  private process?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitFor(async () => (await this.reachable()) || undefined, 10000, `redis-server on port ${this.port}`);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  private reachable(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnectionSafe(this.port, resolve);
      socket.setTimeout(500, () => {
        socket.destroy();
        resolve(false);
      });
    });
  }
}

function createConnectionSafe(port: number, done: (ok: boolean) => void): Socket {
  const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
  socket.once('data', (data) => {
    socket.destroy();
    done(data.toString().startsWith('+PONG'));
  });
  socket.once('error', () => done(false));
  return socket;
}

/** A supertest client for an application started with `startApi`. */
export function http(app: INestApplication): ReturnType<typeof request> {
  return request(app.getHttpServer() as Server);
}
