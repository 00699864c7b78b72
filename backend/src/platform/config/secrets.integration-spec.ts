import type { INestApplication } from '@nestjs/common';
import type { SigningKeyResponse } from '@beacon/contracts';
import { createHmac } from 'node:crypto';
import { signUp } from '../../../test/identity-fixtures';
import { http, startApi } from '../../../test/harness';
import { EnvironmentError } from './environment';

/**
 * Values that were once written in the source as development fallbacks, so known to anyone who
 * has read it: a token signed with that JWT secret, or a report sealed with that key, must never
 * be trusted again.
 */
const OLD_SOURCE_JWT_SECRET = 'development-only-secret-never-used-in-production';
const OLD_DEVELOPMENT_SIGNING_KEY_ID = '88d0faa4022dd5f26aca4c1ff76dc3a020ac2f5bdc3536e47bf0c6d491c5a916';

/** The same claims as `token`, signed again with `secret`. */
function resign(token: string, secret: string): string {
  const [header, payload] = token.split('.') as [string, string];
  return `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
}

describe('no known secret (real PostgreSQL and Redis)', () => {
  let api: INestApplication;
  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses an access token signed with the secret the source once held, in development too', async () => {
    const owner = await signUp(api, 'forged');
    await http(api).get('/api/v1/me').set('authorization', `Bearer ${owner.accessToken}`).expect(200);
    await http(api).get('/api/v1/me').set('authorization', `Bearer ${resign(owner.accessToken, OLD_SOURCE_JWT_SECRET)}`).expect(401);
  });

  it('does not sign reports with the development key the source once held', async () => {
    const keys = (await http(api).get('/api/v1/reports/signing-keys').expect(200)).body as SigningKeyResponse[];
    expect(keys.filter((k) => k.current)).toHaveLength(1);
    expect(keys.map((k) => k.keyId)).not.toContain(OLD_DEVELOPMENT_SIGNING_KEY_ID);
  });

  it('does not start without a JWT secret and a report signing key, whatever the mode', async () => {
    for (const missing of ['JWT_SECRET', 'REPORT_SIGNING_KEY']) {
      for (const mode of ['development', 'test']) {
        const outcome = await startApi({ NODE_ENV: mode, [missing]: '' }).then(
          async (started) => started.close(),
          (error: unknown) => error,
        );
        expect(outcome).toBeInstanceOf(EnvironmentError);
      }
    }
  });
});
