import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { normalizeEmail } from './auth.service';
import { ARGON2_OPTIONS } from './passwords';

export interface PlatformAdminSettings {
  email: string;
  name: string;
  password: string;
}

/**
 * Creates (idempotently) the platform organization and its administrator from configuration.
 * Run as the owner role by `cli.js create-admin`; the password is set only when the user is new.
 */
export async function ensurePlatformAdmin(dataSource: DataSource, settings: PlatformAdminSettings): Promise<{ created: boolean; userId: string }> {
  if (settings.password.length < 12) throw new Error('PLATFORM_ADMIN_PASSWORD must have at least 12 characters');
  const email = normalizeEmail(settings.email);
  const passwordHash = await hash(settings.password, ARGON2_OPTIONS);
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('beacon.platform-admin'))`);
    let [organization] = await manager.query<{ id: string }[]>(`SELECT id FROM organizations WHERE type = 'platform' ORDER BY created_at LIMIT 1`);
    if (!organization) {
      [organization] = await manager.query<{ id: string }[]>(`INSERT INTO organizations (name, type) VALUES ('Beacon platform', 'platform') RETURNING id`);
    }
    const existing = await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [email]);
    const created = existing.length === 0;
    const userId = created
      ? (await manager.query<{ id: string }[]>(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, settings.name, passwordHash]))[0]!.id
      : existing[0]!.id;
    await manager.query(`SELECT set_config('app.organization_id', $1, true)`, [organization!.id]);
    await manager.query(
      `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'admin') ON CONFLICT DO NOTHING`,
      [organization!.id, userId],
    );
    return { created, userId };
  });
}
