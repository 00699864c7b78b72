import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Proves the module boundaries hold: each deliberate violation below must be reported by the very
 * rule blocks the workspace's ESLint config uses (`tools/eslint/boundaries.mjs`).
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

describe('module boundaries', () => {
  it.each([
    ['shared/domain/src/x.ts', "import { Injectable } from '@nestjs/common';"],
    ['shared/domain/src/x.ts', "import { Repository } from 'typeorm';"],
    ['shared/contracts/src/x.ts', "import { Queue } from 'bullmq';"],
    ['shared/contracts/src/x.ts', "import { Redis } from 'ioredis';"],
    ['shared/domain/src/x.ts', "import { signal } from '@angular/core';"],
    ['shared/domain/src/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/domain/src/x.ts', "import { AppConfig } from '../../../backend/src/platform/config/app-config';"],
    ['shared/contracts/src/x.ts', "import { App } from '../../../frontend/src/app/app';"],
    ['backend/src/x.ts', "import { Component } from '@angular/core';"],
    ['backend/src/x.ts', "import { App } from '../../frontend/src/app/app';"],
    ['backend/src/platform/auth/x.ts', "import { AuditService } from '../../modules/audit/audit.service';"],
    ['backend/src/platform/x.ts', "import { Component } from '@angular/core';"],
    ['frontend/src/app/x.ts', "import { Injectable } from '@nestjs/common';"],
    ['frontend/src/app/x.ts', "import { DataSource } from 'typeorm';"],
    ['frontend/src/app/x.ts', "import { AppConfig } from '../../../backend/src/platform/config/app-config';"],
  ])('%s may not: %s', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports:/);
  });

  it.each([
    ['backend/src/x.ts', "import { canonicalJson } from '@beacon/domain';"],
    ['frontend/src/app/x.ts', "import type { ErrorResponse } from '@beacon/contracts';"],
    ['shared/domain/src/x.ts', "import type { ErrorResponse } from '@beacon/contracts';"],
    ['shared/domain/src/x.spec.ts', "import { readFileSync } from 'node:fs';"],
    ['backend/src/x.ts', "import { Injectable } from '@nestjs/common';"],
    ['backend/src/modules/audit/x.ts', "import { SECURITY_EVENTS } from '../../platform/auth/security-events';"],
    ['backend/src/platform/auth/x.ts', "import { AppConfig } from '../config/app-config';"],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
