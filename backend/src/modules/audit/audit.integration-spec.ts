import type { INestApplication } from '@nestjs/common';
import type { AuditVerifyResponse } from '@beacon/contracts';
import type { DataSource } from 'typeorm';
import { adminDataSource, http, startApi } from '../../../test/harness';
import { addMember, type Session, signUp } from '../../../test/identity-fixtures';
import { AuditService } from './audit.service';

describe('audit chain (real PostgreSQL)', () => {
  let api: INestApplication;
  let admin: DataSource;

  beforeAll(async () => {
    api = await startApi();
    admin = await adminDataSource();
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
  });

  const verify = async (s: Session) =>
    (await http(api).get('/api/v1/audit/verify').set('authorization', `Bearer ${s.accessToken}`).expect(200)).body as AuditVerifyResponse;
  const eventsOf = (organizationId: string) =>
    admin.query<{ id: string; action: string; target_id: string | null; details: Record<string, unknown> | null }[]>(
      `SELECT id, action, target_id, details FROM audit_events WHERE organization_id = $1 ORDER BY id`,
      [organizationId],
    );

  it('hashes what PostgreSQL stores: text it cannot keep as sent (lone surrogates, U+0000) still verifies', async () => {
    const owner = await signUp(api, 'audit-text');
    // Reaches the audit log from inside the application, past the HTTP edge that refuses such input.
    const record = (action: string, targetId: string, details: Record<string, unknown> | null) =>
      api.get(AuditService).recordIndependently({ organizationId: owner.organizationId, actorUserId: owner.userId, action, targetType: 'user', targetId, details });
    // The driver sends a lone surrogate as U+FFFD: the hash must be of that, not of what was given.
    await record('test.odd-target', 'victim\udfff@example.test', null);
    expect(await verify(owner)).toEqual({ valid: true, checked: 2, firstBrokenEventId: null, brokenEvents: [] });
    // jsonb refuses lone surrogates and U+0000 outright: they are stored (and hashed) as U+FFFD too.
    await record('test.odd-details', 'x', { email: 'a\ud800b', 'key\udc00': ['nul\u0000', 1.5, 1e21, { nested: '🛡️' }], skipped: undefined });
    expect(await verify(owner)).toEqual({ valid: true, checked: 3, firstBrokenEventId: null, brokenEvents: [] });

    const stored = await eventsOf(owner.organizationId);
    expect(stored.find((e) => e.action === 'test.odd-target')!.target_id).toBe('victim\ufffd@example.test');
    expect(stored.find((e) => e.action === 'test.odd-details')!.details).toEqual({ email: 'a\ufffdb', 'key\ufffd': ['nul\ufffd', 1.5, 1e21, { nested: '🛡️' }] });
  });

  it('reports every broken event with its reason, not only the first', async () => {
    const owner = await signUp(api, 'audit-tamper');
    await addMember(api, owner, 'viewer');
    await addMember(api, owner, 'assessor');
    const events = await eventsOf(owner.organizationId);
    expect(events.length).toBeGreaterThanOrEqual(5);
    const [, edited, , removed, afterRemoved] = events;
    await admin.query(`UPDATE audit_events SET action = 'nothing.happened' WHERE id = $1`, [edited!.id]);
    await admin.query(`DELETE FROM audit_events WHERE id = $1`, [removed!.id]);

    expect(await verify(owner)).toEqual({
      valid: false,
      checked: events.length - 1,
      firstBrokenEventId: edited!.id,
      brokenEvents: [
        { eventId: edited!.id, reasons: ['content-altered'] },
        { eventId: afterRemoved!.id, reasons: ['link-broken'] },
      ],
    });
  });
});
