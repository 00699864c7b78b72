import { createHmac } from 'node:crypto';
import { InvalidTokenError, signAccessToken, verifyAccessToken } from './jwt';

const settings = { secret: 'a'.repeat(40), issuer: 'beacon', audience: 'beacon-api', ttlSeconds: 900 };
const claims = { sub: '11111111-1111-4111-8111-111111111111', org: null, ver: 0, sid: '22222222-2222-4222-8222-222222222222' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Another base64url character decoding to the same bits when only its top 4 bits are used (43-character HS256 signatures). */
function nonCanonicalTwin(last: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return alphabet[alphabet.indexOf(last) ^ 1]!;
}

function forge(header: unknown, payload: unknown, secret = settings.secret): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('access tokens', () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  const good = signAccessToken(claims, settings, now);
  const payload = JSON.parse(Buffer.from(good.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

  it('round-trips a valid token', () => {
    expect(verifyAccessToken(good, settings, now + 1000)).toMatchObject({ ...claims, iss: 'beacon', aud: 'beacon-api' });
  });

  it.each([
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`],
    ['another algorithm', forge({ alg: 'HS512', typ: 'JWT' }, payload)],
    ['the wrong key', forge({ alg: 'HS256', typ: 'JWT' }, payload, 'b'.repeat(40))],
    ['a wrong audience', forge({ alg: 'HS256', typ: 'JWT' }, { ...payload, aud: 'other' })],
    ['a wrong issuer', forge({ alg: 'HS256', typ: 'JWT' }, { ...payload, iss: 'evil' })],
    ['one byte changed', good.slice(0, 40) + (good[40] === 'A' ? 'B' : 'A') + good.slice(41)],
    ['garbage', 'not.a.token'],
    ['no session id', forge({ alg: 'HS256', typ: 'JWT' }, { ...payload, sid: undefined })],
    // The same signature bytes, spelled differently: base64url decoders ignore these.
    ['padding appended to the signature', `${good}==`],
    ['one padding character appended', `${good}=`],
    ['a non-alphabet character in the signature', `${good.slice(0, -10)}*${good.slice(-10)}`],
    ['the signature in standard base64', good.replace(/[^.]+$/, (sig) => Buffer.from(sig, 'base64url').toString('base64'))],
    ['a signature whose last character carries unused bits', good.replace(/.$/, (last) => nonCanonicalTwin(last))],
  ])('refuses %s', (_what, token) => {
    expect(() => verifyAccessToken(token, settings, now + 1000)).toThrow(InvalidTokenError);
  });

  it('refuses an expired token', () => {
    expect(() => verifyAccessToken(good, settings, now + 901_000)).toThrow('expired');
  });
});
