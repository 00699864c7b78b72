import type { INestApplication } from '@nestjs/common';
import type { AuthResponse, ErrorResponse } from '@beacon/contracts';
import { type Session, signUp, STRONG_PASSWORD } from '../../../test/identity-fixtures';
import { http, startApi } from '../../../test/harness';

const bearer = (s: Session | string) => `Bearer ${typeof s === 'string' ? s : s.accessToken}`;

/** Access tokens carry their session (refresh-token family): ending the session ends them at once. */
describe('access tokens of ended sessions (real PostgreSQL)', () => {
  let api: INestApplication;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('stop working at once after logout, while the same user’s other sessions go on', async () => {
    const owner = await signUp(api, 'logout');
    const other = (await http(api).post('/api/v1/auth/login').send({ email: owner.email, password: STRONG_PASSWORD }).expect(200)).body as AuthResponse;
    await http(api).get('/api/v1/me').set('authorization', bearer(owner)).expect(200);
    await http(api).post('/api/v1/auth/logout').set('cookie', owner.refreshCookie).expect(204);
    const ended = await http(api).get('/api/v1/me').set('authorization', bearer(owner)).expect(401);
    expect((ended.body as ErrorResponse).code).toBe('UNAUTHORIZED');
    await http(api).get('/api/v1/me').set('authorization', bearer(other.accessToken)).expect(200);
  });

  it('stop working at once when a reused refresh token revokes the family', async () => {
    const owner = await signUp(api, 'reuse');
    const rotated = await http(api).post('/api/v1/auth/refresh').set('cookie', owner.refreshCookie).expect(200);
    const current = (rotated.body as AuthResponse).accessToken;
    await http(api).get('/api/v1/me').set('authorization', bearer(current)).expect(200);
    await http(api).post('/api/v1/auth/refresh').set('cookie', owner.refreshCookie).expect(401);
    await http(api).get('/api/v1/me').set('authorization', bearer(current)).expect(401);
    await http(api).get('/api/v1/me').set('authorization', bearer(owner)).expect(401);
  });
});
