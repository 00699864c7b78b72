import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { AuthResponse } from '@beacon/contracts';
import type { Role } from '@beacon/domain';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { ensurePlatformAdmin } from '../src/modules/identity/platform-admin';
import { ACCESS_METADATA, type RouteAccess } from '../src/platform/auth/auth.decorators';
import { adminDataSource, http, startApi, importShippedCatalog } from './harness';
import { addMember, type Session, signUp, STRONG_PASSWORD, uniqueEmail } from './identity-fixtures';
import { SAMPLE_BODIES, SAMPLE_QUERIES, SWEEP_PROFILE } from './route-samples';

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
}

describe('tenant isolation (real PostgreSQL)', () => {
  let api: INestApplication;
  let admin: DataSource;

  beforeAll(async () => {
    await importShippedCatalog();
    api = await startApi();
    admin = await adminDataSource();
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
  });

  it('declares public, authenticated or a permission on every route', () => {
    const scanner = new MetadataScanner();
    const reflector = new Reflector();
    const controllers = [...api.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
    const routes: string[] = [];
    const undeclared: string[] = [];
    for (const wrapper of controllers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const route = `${wrapper.metatype.name}.${name}`;
        routes.push(route);
        const access = reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [handler, wrapper.metatype]);
        if (!access) undeclared.push(route);
      }
    }
    expect(routes).toEqual(expect.arrayContaining(['AuthController.login', 'OrganizationsController.invite', 'AuditController.verify']));
    expect(undeclared).toEqual([]);
  });

  it('forces row-level security on every table with an organization column, and hides every row without an organization', async () => {
    const owner = await signUp(api, 'rls');
    await addMember(api, owner, 'viewer');
    const assessment = (await http(api)
      .post('/api/v1/assessments')
      .set('authorization', `Bearer ${owner.accessToken}`)
      .send({ title: 'RLS review', frameworks: [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }], profile: SWEEP_PROFILE })
      .expect(201)).body as { id: string };
    await http(api)
      .put(`/api/v1/assessments/${assessment.id}/answers/MSM-1-q1`)
      .set('authorization', `Bearer ${owner.accessToken}`)
      .send({ value: 'yes', expectedVersion: 0 })
      .expect(200);
    const tables = await admin.query<{ table: string; enabled: boolean; forced: boolean }[]>(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
         FROM information_schema.columns col
         JOIN pg_class c ON c.relname = col.table_name AND c.relnamespace = 'public'::regnamespace
        WHERE col.table_schema = 'public' AND col.column_name = 'organization_id' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(['audit_events', 'invitations', 'memberships', 'outbox_messages']));
    expect(tables.filter((t) => !t.enabled || !t.forced)).toEqual([]);

    const app = createDataSource({ url: process.env['DATABASE_URL']!, poolSize: 1 });
    await app.initialize();
    try {
      for (const { table } of tables) {
        const [visible] = await app.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
        const [all] = await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
        expect({ table, visible: visible!.n }).toEqual({ table, visible: 0 });
        // The data this test wrote is there, so the 0 above means hidden, not empty.
        if (['memberships', 'audit_events', 'assessments', 'assessment_frameworks', 'answers'].includes(table)) expect(all!.n).toBeGreaterThan(0);
      }
    } finally {
      await app.destroy();
    }
  });

  it('answers 403 or 404 to every role of other organizations on every route that takes an id, and changes no row', async () => {
    // Organization A: the victim.
    const victim = await signUp(api, 'victim');
    const victimMember = await addMember(api, victim, 'assessor');
    const victimAssessment = (await http(api)
      .post('/api/v1/assessments')
      .set('authorization', `Bearer ${victim.accessToken}`)
      .send({ title: 'Victim review', frameworks: [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }], profile: SWEEP_PROFILE })
      .expect(201)).body as { id: string };
    const victimEvidence = (await http(api)
      .post(`/api/v1/assessments/${victimAssessment.id}/evidence/links`)
      .set('authorization', `Bearer ${victim.accessToken}`)
      .send({ requirementKey: 'MSM-1', url: 'https://example.org/victim', title: 'Victim evidence' })
      .expect(201)).body as { id: string };
    const victimInvitation = (await http(api)
      .post(`/api/v1/organizations/${victim.organizationId}/invitations`)
      .set('authorization', `Bearer ${victim.accessToken}`)
      .send({ email: uniqueEmail('invited'), role: 'viewer' })
      .expect(201)).body as { token: string };
    /** Path parameter → the victim's value; `{id}` depends on the resource. */
    const fixtureFor = (path: string, name: string): string | undefined => {
      if (name === 'id') return path.startsWith('/api/v1/assessments') ? victimAssessment.id : victim.organizationId;
      return ({ userId: victimMember.userId, questionKey: 'MSM-1-q1', requirementKey: 'MSM-1', evidenceId: victimEvidence.id, token: victimInvitation.token } as Record<string, string>)[name];
    };

    // Every role of another company, of a regulator and of an NGO.
    const intruders: { role: Role; session: Session }[] = [];
    const company = await signUp(api, 'intruder');
    intruders.push({ role: 'owner', session: company });
    for (const role of ['approver', 'assessor', 'viewer'] as const) intruders.push({ role, session: await addMember(api, company, role) });
    const operatorEmail = uniqueEmail('operator');
    const owner = createDataSource({ url: process.env['DATABASE_OWNER_URL']!, poolSize: 1 });
    await owner.initialize();
    await ensurePlatformAdmin(owner, { email: operatorEmail, name: 'Operator', password: STRONG_PASSWORD });
    await owner.destroy();
    const operatorLogin = (await http(api).post('/api/v1/auth/login').send({ email: operatorEmail, password: STRONG_PASSWORD }).expect(200)).body as AuthResponse;
    const operator: Session = {
      accessToken: operatorLogin.accessToken,
      refreshCookie: '',
      userId: operatorLogin.me.user.id,
      organizationId: operatorLogin.me.activeOrganization!.organizationId,
      email: operatorEmail,
    };
    intruders.push({ role: 'admin', session: operator });
    for (const type of ['regulator', 'ngo'] as const) {
      const organization = (await http(api).post('/api/v1/organizations').set('authorization', `Bearer ${operator.accessToken}`).send({ name: `A ${type}`, type }).expect(201))
        .body as { id: string };
      const firstRole: Role = type === 'regulator' ? 'lead' : 'analyst';
      const first = await addMember(api, operator, firstRole, organization.id);
      intruders.push({ role: firstRole, session: first });
      if (type === 'regulator') intruders.push({ role: 'reviewer', session: await addMember(api, first, 'reviewer') });
    }

    const snapshot = async () => {
      const tables = await admin.query<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_events', 'schema_migrations') ORDER BY 1`,
      );
      const result: Record<string, string> = {};
      for (const { tablename } of tables) {
        const [row] = await admin.query<{ h: string }[]>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${tablename}" t`);
        result[tablename] = row!.h;
      }
      return result;
    };

    const spec = (await http(api).get('/api/docs/openapi.json').expect(200)).body as OpenApi;
    const before = await snapshot();
    const calls: string[] = [];
    const leaks: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const params = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        if (params.length === 0) continue;
        const access = await routeIsPublic(method, path);
        if (access) continue;
        const key = `${method} ${path}`;
        if (operation.requestBody && !(key in SAMPLE_BODIES)) throw new Error(`Add a sample body for ${key} to the cross-tenant sweep`);
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          const value = fixtureFor(path, name);
          if (!value) throw new Error(`Add a fixture for the path parameter {${name}} of ${key}`);
          return value;
        });
        for (const { role, session } of intruders) {
          const client = http(api);
          const res = await client[method as 'get' | 'post' | 'put' | 'delete'](url + (SAMPLE_QUERIES[key] ?? ''))
            .set('authorization', `Bearer ${session.accessToken}`)
            .send(SAMPLE_BODIES[key] as object | undefined);
          calls.push(`${key} as ${role}: ${res.status}`);
          if (res.status !== 403 && res.status !== 404) leaks.push(`${key} as ${role} answered ${res.status}`);
        }
      }
    }
    expect(calls.length).toBeGreaterThanOrEqual(5 * intruders.length);
    expect(leaks).toEqual([]);
    expect(await snapshot()).toEqual(before);

    async function routeIsPublic(method: string, path: string): Promise<boolean> {
      // Public routes take public ids (framework slugs, probe ids, invitation tokens), not tenant data.
      const res = await http(api)[method as 'get' | 'post' | 'put' | 'delete'](path.replace(/\{(\w+)\}/g, 'x'));
      return res.status !== 401;
    }
  });
});
