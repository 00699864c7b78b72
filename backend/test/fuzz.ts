// Schema-driven fuzzing of the HTTP API: from the published OpenAPI document, malformed bodies,
// path parameters and query strings for every route, sent as the right role and as another
// tenant. A finding is an answer >= 500, a 4xx outside the error shape, no answer at all, or a
// change to another tenant's rows. Deterministic for a given seed (fast-check's generator).
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { hasPermission, type Permission, type Role } from '@beacon/domain';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { http } from './harness';

export type Schema = SchemaObject | ReferenceObject;

/** A request body: JSON (serialized by the fuzzer, so `__proto__` keys survive), raw text, or multipart fields. */
export type Body = { json: unknown } | { raw: string; contentType: string } | { multipart: Record<string, string>; file?: { name: string; bytes: Buffer } };

export interface FuzzCase {
  kind: string;
  /** Path parameter values (already URL-encoded) by name. */
  path: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: Body;
}

export interface Caller {
  label: string;
  token?: string;
  role?: Role;
}

export interface Finding {
  route: string;
  as: string;
  kind: string;
  url: string;
  body: string;
  status: number | 'no answer';
  answer: string;
}

export interface FuzzRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operation: OperationObject;
}

const HOSTILE_STRINGS = [
  '\ud800',
  'a\udfffb',
  '\udc00\ud800',
  'nul\u0000byte',
  '\u0000',
  '\ufeff',
  '\u202eevil\u202c',
  '\uffff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '',
  ' ',
  'x'.repeat(100_000),
  '__proto__',
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
];
const HOSTILE_NUMBERS = [0, -0, -1, 0.5, 1e308, -1e308, 2147483647, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];
/** Raw (percent-encoded) path segments; `%ED%A0%80` is a UTF-8-encoded lone surrogate. */
const HOSTILE_SEGMENTS = [
  'not-a-uuid',
  '0',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  'c232ab00-9414-11ec-b3c8-9f6bdeced846',
  'x'.repeat(3000),
  '%00',
  '%ED%A0%80',
  '%FF',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '..%2F..%2Fetc',
  '__proto__',
  'constructor',
  'null',
  '1e308',
  '%27%3B%20DROP%20TABLE%20users%3B--',
  'a%20b',
];
/** Raw JSON texts no serializer would write. */
const RAW_BODIES = [
  '{"a":',
  '{',
  'nul',
  '\u0000',
  '{"x": 1e999}',
  '{"x": -1e999}',
  '{"x": 9007199254740993}',
  '"\\ud800"',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
  '\ufeff{}',
  '[]',
  'null',
  '42',
  '"text"',
];

/** Every operation of the document with its method and path. */
export function routesOf(document: OpenAPIObject): FuzzRoute[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => (item[method] ? [{ method, path, operation: item[method] }] : [])),
  );
}

export function resolveSchema(document: OpenAPIObject, schema: Schema | undefined): SchemaObject {
  if (!schema) return {};
  if ('$ref' in schema) return resolveSchema(document, document.components?.schemas?.[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return { ...resolveSchema(document, schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

/** Values that satisfy a schema: the well-formed base the malformations start from. */
export function validValue(document: OpenAPIObject, raw: Schema | undefined, overrides: Record<string, unknown>, name = ''): fc.Arbitrary<unknown> {
  if (name in overrides) return fc.constant(overrides[name]);
  const schema = resolveSchema(document, raw);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid({ version: 4 });
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'uri') return fc.webUrl();
      const bounds = { minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, Math.max(schema.minLength ?? 0, 40)) };
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= bounds.minLength && s.length <= (schema.maxLength ?? Infinity));
      return fc.string(bounds);
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(document, schema.items, overrides), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0) return fc.constant({});
      const required = schema.required ?? [];
      return fc.record(Object.fromEntries(properties.map(([key, value]) => [key, validValue(document, value, overrides, key)])), {
        requiredKeys: required,
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [{}], ...HOSTILE_NUMBERS, ...HOSTILE_STRINGS),
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.constantFrom(...PROTOTYPE_KEYS).map((key) => withKey({}, key, { polluted: true })),
  fc.array(fc.constant(0), { minLength: 20_000, maxLength: 20_000 }),
);

function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  // Defined, not assigned: `__proto__` must become an own (serialized) key, not the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

function without(source: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...source };
  delete copy[key];
  return copy;
}

/** Malformed JSON bodies for an object schema: each one breaks one rule of a well-formed body. */
export function malformedBody(document: OpenAPIObject, raw: Schema, overrides: Record<string, unknown>): fc.Arbitrary<{ kind: string; body: Body }> {
  const schema = resolveSchema(document, raw);
  const fields = Object.keys(schema.properties ?? {});
  const base = validValue(document, raw, overrides).map((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}));
  const field = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('field');
  const numeric = fields.filter((f) => ['integer', 'number'].includes(resolveSchema(document, schema.properties?.[f]).type as string));
  const textual = fields.filter((f) => resolveSchema(document, schema.properties?.[f]).type === 'string');
  const json = (kind: string) => (body: unknown) => ({ kind, body: { json: body } as Body });
  const arbitraries: fc.Arbitrary<{ kind: string; body: Body }>[] = [
    base.map(json('well-formed')),
    fc.tuple(base, field, hostileValue).map(([b, f, v]) => json('wrong type or value')(withKey({ ...b }, f, v))),
    fc.tuple(base, field).map(([b, f]) => json('missing field')(without(b, f))),
    fc.tuple(base, fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 12 })), hostileValue).map(([b, k, v]) =>
      json('extra or prototype key')(withKey({ ...b }, k, v)),
    ),
    fc.tuple(base, field, fc.constantFrom(...PROTOTYPE_KEYS)).map(([b, f, k]) => json('prototype key nested')(withKey({ ...b }, f, withKey({}, k, { polluted: true })))),
    fc.tuple(base, field, fc.integer({ min: 50, max: 5_000 })).map(([b, f, depth]) => ({
      kind: 'deep nesting',
      body: { raw: JSON.stringify(b).replace(/^\{/, `{${JSON.stringify(f)}:${'['.repeat(depth)}${']'.repeat(depth)},`).replace(/,\}$/, '}'), contentType: 'application/json' },
    })),
    fc.constantFrom(...RAW_BODIES).map((raw) => ({ kind: 'raw JSON text', body: { raw, contentType: 'application/json' } })),
    fc.constantFrom<unknown>([], 'text', 42, null, true, [{}]).map(json('not an object')),
    fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x').map((contentType) => ({
      kind: 'wrong content type',
      body: { raw: contentType.startsWith('application/x-www') ? '__proto__[polluted]=1&a=%ED%A0%80' : '{"a":1}', contentType },
    })),
  ];
  if (textual.length > 0) {
    arbitraries.push(
      fc.tuple(base, fc.constantFrom(...textual), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 8 })).map(([b, f, hostile, around]) =>
        json('invalid or hostile unicode')(withKey({ ...b }, f, `${around}${hostile}${around}`)),
      ),
    );
  }
  if (numeric.length > 0) {
    arbitraries.push(
      fc.tuple(base, fc.constantFrom(...numeric), fc.constantFrom<unknown>(...HOSTILE_NUMBERS, '1', '', null, 1.5, -2)).map(([b, f, n]) => json('boundary number')(withKey({ ...b }, f, n))),
      fc.tuple(base, fc.constantFrom(...numeric), fc.constantFrom('1e999', '-1e999', '9007199254740993', '-0', '1.0', '0x10', 'NaN')).map(([b, f, n]) => ({
        kind: 'number beyond JSON',
        body: { raw: JSON.stringify({ ...b, [f]: '@@N@@' }).replace('"@@N@@"', n), contentType: 'application/json' },
      })),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Malformed multipart uploads (the file part and the text fields). */
export function malformedUpload(fields: string[]): fc.Arbitrary<{ kind: string; body: Body }> {
  const field = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('file');
  return fc.oneof(
    fc.tuple(field, fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000))).map(([f, v]) => ({ kind: 'multipart hostile field', body: { multipart: { [f]: v } } })),
    fc.tuple(fc.constantFrom('a.txt', 'évidence.pdf', '\u202egnp.exe', 'x'.repeat(300), '../../x.txt', '\u0000.txt'), fc.uint8Array({ maxLength: 64 })).map(([name, bytes]) => ({
      kind: 'multipart odd file',
      body: { multipart: { requirementKey: 'MSM-1' }, file: { name, bytes: Buffer.from(bytes) } },
    })),
    fc.constant({ kind: 'multipart empty', body: { multipart: {} } }),
  );
}

/** Query strings with one hostile parameter. */
export function malformedQuery(parameters: ParameterObject[]): fc.Arbitrary<{ kind: string; query: Record<string, string | string[]> }> {
  const names = [...parameters.filter((p) => p.in === 'query').map((p) => p.name), '__proto__', 'constructor', 'unknown'];
  return fc.tuple(fc.constantFrom(...names), fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 5_000 && !/[\ud800-\udfff]/.test(s))), fc.string(), fc.array(fc.string(), { minLength: 2, maxLength: 3 }))).map(([name, value]) => ({
    kind: 'hostile query',
    query: { [name]: value },
  }));
}

export const hostileSegment: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...HOSTILE_SEGMENTS), fc.string({ maxLength: 20 }).map(encodeURIComponent));

/** Whether an answer is in the error shape `{ code, message, details?, correlationId }`. */
export function isErrorShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  const allowed = new Set(['code', 'message', 'details', 'correlationId']);
  return typeof b['code'] === 'string' && typeof b['message'] === 'string' && typeof b['correlationId'] === 'string' && Object.keys(b).every((k) => allowed.has(k));
}

/** The caller a route needs: none for public routes, else the first whose role holds one of its permissions. */
export function rightCaller(operation: OperationObject, callers: Caller[]): Caller | undefined {
  if (!operation.security) return { label: 'anonymous' };
  const permissions = (operation as { 'x-permissions'?: Permission[] })['x-permissions'];
  if (!permissions) return callers[0];
  return callers.find((c) => c.role && permissions.some((p) => hasPermission(c.role!, p)));
}

/** Sends one case; never throws (a client-side failure to send is reported as such). */
export async function send(api: INestApplication, route: FuzzRoute, fuzzCase: FuzzCase, caller: Caller): Promise<{ url: string; status: number | 'no answer'; body: unknown; text: string }> {
  const url = `/${route.path.replace(/^\//, '').replace(/\{(\w+)\}/g, (_m, name: string) => fuzzCase.path[name] ?? 'missing')}`;
  let request = http(api)[route.method](url).timeout(20_000);
  if (caller.token) request = request.set('authorization', `Bearer ${caller.token}`);
  if (fuzzCase.query) request = request.query(fuzzCase.query);
  const body = fuzzCase.body;
  if (body && 'json' in body) request = request.set('content-type', 'application/json').send(JSON.stringify(body.json));
  else if (body && 'raw' in body) request = request.set('content-type', body.contentType).send(body.raw);
  else if (body && 'multipart' in body) {
    for (const [name, value] of Object.entries(body.multipart)) request = request.field(name, value);
    if (body.file) request = request.attach('file', body.file.bytes, body.file.name);
  }
  try {
    const res = await request;
    return { url, status: res.status, body: res.body as unknown, text: res.text ?? '' };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (typeof status === 'number') return { url, status, body: undefined, text: '' };
    return { url, status: 'no answer', body: undefined, text: String(error) };
  }
}

export function describeBody(body: Body | undefined): string {
  if (!body) return '';
  const text = 'json' in body ? JSON.stringify(body.json) : 'raw' in body ? `(${body.contentType}) ${body.raw}` : `(multipart) ${JSON.stringify(body.multipart)}${body.file ? ` file=${JSON.stringify(body.file.name)}` : ''}`;
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

/** Per organization, an md5 of the rows of every table with an `organization_id` column. */
export async function tenantChecksums(admin: DataSource): Promise<Map<string, string>> {
  const tables = await admin.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name`,
  );
  const sums = new Map<string, string>();
  for (const { table_name: table } of tables) {
    const rows = await admin.query<{ org: string; h: string }[]>(
      `SELECT organization_id::text AS org, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table}" t WHERE organization_id IS NOT NULL GROUP BY organization_id`,
    );
    for (const { org, h } of rows) sums.set(`${org} ${table}`, h);
  }
  return sums;
}

/** Keys (`<org> <table>`) of the given organizations whose checksum changed. */
export function changedFor(before: Map<string, string>, after: Map<string, string>, organizations: string[]): string[] {
  const keys = new Set([...before.keys(), ...after.keys()].filter((k) => organizations.includes(k.split(' ')[0]!)));
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
