import type { INestApplication } from '@nestjs/common';
import type { AssessmentResponse, ErrorResponse, InvitationResponse } from '@beacon/contracts';
import { emptyServiceFeatures } from '@beacon/domain';
import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { adminDataSource, http, startApi, waitFor, importShippedCatalog } from '../../../test/harness';
import { addMember, type Session, signUp, STRONG_PASSWORD, uniqueEmail } from '../../../test/identity-fixtures';

const RACERS = 5;

/**
 * Unique-key races answered 409, never 500. Each race is made certain, not left to timing: the test
 * holds a SHARE lock on the contested table, so every request passes its own "does it exist yet?"
 * check and then waits to write; once all of them wait, the lock goes and exactly one write wins.
 */
describe('unique-key races (real PostgreSQL)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let owner: Session;
  const as = (s: Session) => ({ authorization: `Bearer ${s.accessToken}` });

  beforeAll(async () => {
    await importShippedCatalog();
    api = await startApi();
    admin = await adminDataSource();
    owner = await signUp(api, 'races');
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
  });

  /** Sends `RACERS` copies of a request while writers of `table` are held back, then lets them race. */
  async function race(table: string, send: () => PromiseLike<Response>): Promise<Response[]> {
    const lock = admin.createQueryRunner();
    await lock.connect();
    let answers: Promise<Response>[];
    try {
      await lock.startTransaction();
      await lock.query(`LOCK TABLE ${table} IN SHARE MODE`);
      answers = Array.from({ length: RACERS }, () => Promise.resolve(send()));
      await waitFor(
        async () => {
          const [row] = await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = $1::regclass AND NOT granted`, [table]);
          return row!.n >= RACERS;
        },
        30000,
        `${RACERS} writers waiting on ${table}`,
      );
    } finally {
      if (lock.isTransactionActive) await lock.commitTransaction();
      await lock.release();
    }
    return Promise.all(answers);
  }

  /** Exactly one success; every other racer gets 409 in the error shape, naming no table or constraint. */
  function expectOneWinner(answers: Response[], success: number): void {
    expect(answers.map((res) => res.status).sort()).toEqual([success, ...Array.from({ length: RACERS - 1 }, () => 409)]);
    for (const res of answers.filter((r) => r.status === 409)) {
      const body = res.body as ErrorResponse;
      expect(body).toMatchObject({ code: 'CONFLICT', correlationId: expect.any(String) as string });
      expect(JSON.stringify(body)).not.toMatch(/users|memberships|requirement_assignments|constraint|duplicate|_key|UQ_|IDX_/i);
    }
  }

  it('registers one email once when several sign-ups race', async () => {
    const email = uniqueEmail('race');
    const answers = await race('users', () =>
      http(api).post('/api/v1/auth/register').send({ email, password: STRONG_PASSWORD, name: 'Racer', organizationName: 'Race Co' }),
    );
    expectOneWinner(answers, 201);
    expect(await admin.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(1);
  });

  it('accepts one invitation once when several acceptances race', async () => {
    const email = uniqueEmail('invitee');
    const invitation = await http(api).post(`/api/v1/organizations/${owner.organizationId}/invitations`).set(as(owner)).send({ email, role: 'viewer' }).expect(201);
    const token = (invitation.body as InvitationResponse).token!;
    const answers = await race('users', () => http(api).post(`/api/v1/invitations/${token}/accept`).send({ name: 'Ina Vitee', password: STRONG_PASSWORD }));
    expectOneWinner(answers, 200);
    const members = await admin.query<unknown[]>(`SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [email]);
    expect(members).toHaveLength(1);
  });

  it('assigns one requirement once when several assignments race', async () => {
    const profile = { features: { ...emptyServiceFeatures(), userMedia: true }, sizeBand: 'medium', jurisdictions: ['FR'], languages: ['en'], sector: 'social-media' };
    const frameworks = [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }];
    const created = await http(api).post('/api/v1/assessments').set(as(owner)).send({ title: 'Race review', frameworks, profile }).expect(201);
    const assessment = created.body as AssessmentResponse;
    const assessor = await addMember(api, owner, 'assessor');
    const answers = await race('requirement_assignments', () =>
      http(api).put(`/api/v1/assessments/${assessment.id}/requirements/MSM-1/assignee`).set(as(owner)).send({ userId: assessor.userId }),
    );
    expectOneWinner(answers, 200);
    expect(await admin.query(`SELECT 1 FROM requirement_assignments WHERE assessment_id = $1`, [assessment.id])).toHaveLength(1);
  });
});
