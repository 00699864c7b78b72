import type { FieldProblem } from '@beacon/contracts';
import { escapeUnstorable, unstorableReason } from '../database/storable-text';

/**
 * The deepest nesting of arrays and objects a request may carry. class-transformer, class-validator
 * and Nest's prototype-key stripping all recurse, so a deeper body is refused before any of them runs.
 */
export const MAX_INPUT_DEPTH = 32;

/** Problems listed in one answer at most; the walk stops there. */
const MAX_PROBLEMS = 20;

/** Keys that reach an object's prototype when a body is merged or copied. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A key as it may be echoed in an error: invalid code units written `\uXXXX`, long keys shortened. */
function displayKey(key: string): string {
  return escapeUnstorable(key.length > 64 ? `${key.slice(0, 64)}…` : key);
}

/**
 * What makes a decoded request value (a JSON or form body, a query) unsafe to hand to validation:
 * nesting deeper than {@link MAX_INPUT_DEPTH}, a prototype key, or invalid Unicode in any key or
 * string. Fields are written as validation errors write them (`frameworks[0].slug`), under `root`.
 */
export function inputProblems(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: field || 'body', reasons: [reason] });

  const visit = (node: unknown, path: string, depth: number): void => {
    if (typeof node === 'string') {
      const reason = unstorableReason(node);
      if (reason) add(path, reason);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth > MAX_INPUT_DEPTH) {
      add(path, `is nested deeper than ${MAX_INPUT_DEPTH} levels`);
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && problems.length < MAX_PROBLEMS; i += 1) visit(node[i], `${path}[${i}]`, depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (problems.length >= MAX_PROBLEMS) return;
      const field = path ? `${path}.${displayKey(key)}` : displayKey(key);
      const keyReason = PROTOTYPE_KEYS.has(key) ? `the key "${key}" is not accepted` : unstorableReason(key);
      if (keyReason) add(field, PROTOTYPE_KEYS.has(key) ? keyReason : `key ${keyReason}`);
      else visit(child, field, depth + 1);
    }
  };

  visit(value, root, 1);
  return problems.slice(0, MAX_PROBLEMS);
}

/** Problems of a raw (percent-encoded) URL path: each segment must decode to storable Unicode. */
export function pathProblems(rawPath: string): FieldProblem[] {
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return [{ field: 'path', reasons: ['is not valid percent-encoded UTF-8'] }];
    }
    const reason = unstorableReason(decoded);
    if (reason) return [{ field: 'path', reasons: [reason] }];
  }
  return [];
}
