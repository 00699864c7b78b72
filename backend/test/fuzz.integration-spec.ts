import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, ParameterObject } from '@nestjs/swagger';
import type { AssessmentResponse, EvidenceResponse, InvitationResponse } from '@beacon/contracts';
import { emptyServiceFeatures, type ServiceProfile } from '@beacon/domain';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  type Caller,
  changedFor,
  describeBody,
  type Finding,
  type FuzzCase,
  type FuzzRoute,
  hostileSegment,
  isErrorShape,
  malformedBody,
  malformedQuery,
  malformedUpload,
  resolveSchema,
  rightCaller,
  routesOf,
  send,
  tenantChecksums,
  validValue,
} from './fuzz';
import { adminDataSource, http, startApi, importShippedCatalog } from './harness';
import { addMember, type Session, signInOperator, signUp } from './identity-fixtures';

// CI runs a fixed seed and a bounded number of cases; `npm run fuzz` a random seed, FUZZ_SCALE times more.
const SEED = process.env['FUZZ_SEED'] === 'random' ? Date.now() % 2_147_483_647 : Number(process.env['FUZZ_SEED'] ?? 20261204);
const SCALE = Number(process.env['FUZZ_SCALE'] ?? 1);
const BUDGET = {
  bodiesAsRightRole: 200 * SCALE,
  bodiesAsOtherTenant: 30 * SCALE,
  pathCases: 20 * SCALE,
  queryCases: 20 * SCALE,
};

const FRAMEWORKS = [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }];
const PROFILE: ServiceProfile = {
  features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true },
  sizeBand: 'medium',
  jurisdictions: ['FR', 'CA'],
  languages: ['en', 'fr'],
  sector: 'social-media',
};
/** Well-formed values for fields whose rules live outside the schema (checked by @beacon/domain). */
const OVERRIDES = { profile: PROFILE, frameworks: FRAMEWORKS, requirementKey: 'MSM-1', value: 'yes' };

interface Tenant {
  owner: Session;
  assessmentId: string;
  evidenceId: string;
}

describe('schema-driven fuzzing (real PostgreSQL and Redis)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let document: OpenAPIObject;
  let a: Tenant;
  let b: Tenant;
  let memberOfA: Session;
  let operator: Session;
  let invitationToken: string;

  const as = (s: Session) => ({ authorization: `Bearer ${s.accessToken}` });

  async function tenant(label: string): Promise<Tenant> {
    const owner = await signUp(api, label);
    const assessment = (await http(api).post('/api/v1/assessments').set(as(owner)).send({ title: `Fuzz ${label}`, frameworks: FRAMEWORKS, profile: PROFILE }).expect(201))
      .body as AssessmentResponse;
    const base = `/api/v1/assessments/${assessment.id}`;
    await http(api).put(`${base}/answers/MSM-1-q1`).set(as(owner)).send({ value: 'yes', expectedVersion: 0 }).expect(200);
    await http(api).post(`${base}/requirements/MSM-1/comments`).set(as(owner)).send({ body: 'A comment to keep.' }).expect(201);
    const evidence = (await http(api).post(`${base}/evidence/links`).set(as(owner)).send({ requirementKey: 'MSM-1', url: 'https://example.org/p', title: 'Policy' }).expect(201))
      .body as EvidenceResponse;
    return { owner, assessmentId: assessment.id, evidenceId: evidence.id };
  }

  beforeAll(async () => {
    await importShippedCatalog();
    // Its own key prefix: the fuzzer's failed sign-ins must not count against the next spec's.
    api = await startApi({ QUEUE_PREFIX: `${process.env['QUEUE_PREFIX']}-fuzz` });
    admin = await adminDataSource();
    a = await tenant('fuzz-a');
    b = await tenant('fuzz-b');
    memberOfA = await addMember(api, a.owner, 'assessor');
    await http(api).put(`/api/v1/assessments/${a.assessmentId}/requirements/MSM-1/assignee`).set(as(a.owner)).send({ userId: memberOfA.userId }).expect(200);
    const invitation = await http(api).post(`/api/v1/organizations/${a.owner.organizationId}/invitations`).set(as(a.owner)).send({ email: 'invitee@example.test', role: 'viewer' }).expect(201);
    invitationToken = (invitation.body as InvitationResponse).token!;
    operator = await signInOperator(api);
    document = (await http(api).get('/api/docs/openapi.json').expect(200)).body as OpenAPIObject;
  });
  afterAll(async () => {
    await admin?.destroy();
    await api?.close();
  });

  /** Well-formed path values of tenant A's data, by parameter name (and path, where names repeat). */
  function pathValues(path: string): Record<string, string> {
    const id = path.startsWith('/api/v1/organizations/') ? a.owner.organizationId : path.startsWith('/api/v1/assessments/') ? a.assessmentId : '6f1c7f7e-6d0a-4d43-9a51-6f0d9d1c2b3a';
    return {
      id,
      userId: memberOfA.userId,
      evidenceId: a.evidenceId,
      questionKey: 'MSM-1-q1',
      requirementKey: 'MSM-1',
      token: invitationToken,
      slug: FRAMEWORKS[0]!.slug,
      version: '1.0.0',
      other: '1.0.0',
    };
  }

  /** Every value of tenant B that could be swapped into a path (another tenant's ids). */
  const otherTenantIds = () => [b.assessmentId, b.evidenceId, b.owner.organizationId, b.owner.userId];

  function casesFor(route: FuzzRoute, seed: number): { rightRole: FuzzCase[]; otherTenant: FuzzCase[] } {
    const parameters = (route.operation.parameters ?? []) as ParameterObject[];
    const pathNames = parameters.filter((p) => p.in === 'path').map((p) => p.name);
    const valid = pathValues(route.path);
    const content = (route.operation.requestBody as { content?: Record<string, { schema: never }> } | undefined)?.content;
    const jsonSchema = content?.['application/json']?.schema;
    const multipart = content?.['multipart/form-data']?.schema;
    const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, offset: number) => fc.sample(arbitrary, { seed: seed + offset, numRuns });

    const bodies = jsonSchema
      ? malformedBody(document, jsonSchema, OVERRIDES)
      : multipart
        ? malformedUpload(Object.keys(resolveSchema(document, multipart).properties ?? {}))
        : route.method === 'get'
          ? undefined
          : malformedBody(document, { type: 'object', properties: {} }, OVERRIDES);
    const wellFormed = jsonSchema ? sample(validValue(document, jsonSchema, OVERRIDES), 1, 1)[0] : undefined;
    const rightRole: FuzzCase[] = [];
    const otherTenant: FuzzCase[] = [];
    if (bodies) {
      for (const c of sample(bodies, BUDGET.bodiesAsRightRole, 2)) rightRole.push({ kind: c.kind, path: valid, body: c.body });
      for (const c of sample(bodies, BUDGET.bodiesAsOtherTenant, 3)) otherTenant.push({ kind: `${c.kind} (another tenant's caller)`, path: valid, body: c.body });
    }
    if (pathNames.length > 0) {
      const segment = fc.oneof(hostileSegment, fc.constantFrom(...otherTenantIds()));
      for (const [name, value] of sample(fc.tuple(fc.constantFrom(...pathNames), segment), BUDGET.pathCases, 4)) {
        rightRole.push({ kind: `malformed path {${name}}`, path: { ...valid, [name]: value }, body: wellFormed === undefined ? undefined : { json: wellFormed } });
      }
    }
    if (route.method === 'get') {
      for (const c of sample(malformedQuery(parameters), BUDGET.queryCases, 5)) rightRole.push({ kind: c.kind, path: valid, query: c.query });
      if (pathNames.length > 0) otherTenant.push({ kind: 'read (another tenant\'s caller)', path: valid });
    }
    return { rightRole, otherTenant };
  }

  it('notices a change to a tenant\'s rows in its checksums (the fuzzer\'s isolation check works)', async () => {
    const before = await tenantChecksums(admin);
    await http(api).post(`/api/v1/assessments/${b.assessmentId}/requirements/MSM-1/comments`).set(as(b.owner)).send({ body: 'Checksum probe.' }).expect(201);
    const after = await tenantChecksums(admin);
    expect(changedFor(before, after, [b.owner.organizationId])).toContain(`${b.owner.organizationId} requirement_comments`);
    expect(changedFor(before, after, [a.owner.organizationId])).toEqual([]);
  });

  it(
    'answers every malformed request with a 4xx in the error shape, never 5xx, and leaves other tenants untouched',
    async () => {
      const callers: Caller[] = [
        { label: 'owner of A', token: a.owner.accessToken, role: 'owner' },
        { label: 'platform operator', token: operator.accessToken, role: 'admin' },
      ];
      const intruder: Caller = { label: 'owner of B', token: b.owner.accessToken, role: 'owner' };
      const findings: Finding[] = [];
      const covered = new Set<string>();
      let requests = 0;
      const started = Date.now();

      // Writes that end the fixtures' usefulness (submission, removals) go last.
      const order = (r: FuzzRoute) => (r.method === 'delete' ? 2 : /submit|new-cycle|logout/.test(r.path) ? 1 : 0);
      const routes = routesOf(document).sort((x, y) => order(x) - order(y));
      for (const route of routes) {
        const key = `${route.method.toUpperCase()} ${route.path}`;
        const caller = rightCaller(route.operation, callers);
        if (!caller) throw new Error(`No fuzz caller holds a permission of ${key}`);
        const routeSeed = SEED + [...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_003, 0);
        const { rightRole, otherTenant } = casesFor(route, routeSeed);

        for (const [cases, who, protectedOrgs] of [
          [rightRole, caller, [b.owner.organizationId]],
          [otherTenant, route.operation.security ? intruder : undefined, [a.owner.organizationId]],
        ] as const) {
          if (!who || cases.length === 0) continue;
          const before = await tenantChecksums(admin);
          for (const fuzzCase of cases) {
            const answer = await send(api, route, fuzzCase, who);
            requests += 1;
            const record = (status: Finding['status'], text: string) =>
              findings.push({ route: key, as: who.label, kind: fuzzCase.kind, url: answer.url, body: describeBody(fuzzCase.body), status, answer: text.slice(0, 300) });
            if (answer.status === 'no answer' || answer.status >= 500) record(answer.status, answer.text);
            else if (answer.status >= 400 && !isErrorShape(answer.body)) record(answer.status, `not in the error shape: ${answer.text}`);
          }
          covered.add(key);
          const changed = changedFor(before, await tenantChecksums(admin), [...protectedOrgs]);
          if (changed.length > 0) {
            findings.push({ route: key, as: who.label, kind: 'other tenant data changed', url: '', body: '', status: 200, answer: changed.join(', ') });
          }
        }
      }

      const summary = {
        seed: SEED,
        scale: SCALE,
        requests,
        routesCovered: covered.size,
        routes: routesOf(document).length,
        seconds: Math.round((Date.now() - started) / 1000),
        findings: findings.length,
      };
      const byCause = new Map<string, Finding[]>();
      for (const f of findings) byCause.set(`${f.status} ${f.route} — ${f.kind}`, [...(byCause.get(`${f.status} ${f.route} — ${f.kind}`) ?? []), f]);
      const report = [...byCause.entries()].map(([cause, list]) => ({ cause, count: list.length, example: list[0] }));
      const dir = join(__dirname, '../../tmp');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'fuzz-report.json'), JSON.stringify({ summary, report, findings }, null, 2));
      process.stdout.write(`\n[fuzz] ${JSON.stringify(summary)} (details: tmp/fuzz-report.json)\n`);
      for (const { cause, count, example } of report) process.stdout.write(`[fuzz] ${count}× ${cause}: ${example!.url} ${example!.body} → ${example!.answer}\n`);

      expect(covered.size).toBe(routesOf(document).length);
      expect(report.map(({ cause, count, example }) => `${count}× ${cause}: ${example!.url} ${example!.body}`)).toEqual([]);
    },
    40 * 60_000,
  );
});
