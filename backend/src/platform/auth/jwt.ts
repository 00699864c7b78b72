import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/** Claims of a Beacon access token. */
export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  /** Active organization id, or null when the user has none. */
  org: string | null;
  /** The user's session version when the token was issued. */
  ver: number;
  /** The session (refresh-token family) the token belongs to: revoking it ends the token too. */
  sid: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
}

export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** The one algorithm Beacon signs and accepts; the header is compared byte for byte. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

export function signAccessToken(
  claims: Pick<AccessTokenClaims, 'sub' | 'org' | 'ver' | 'sid'>,
  settings: JwtSettings,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const payload: AccessTokenClaims = {
    ...claims,
    iss: settings.issuer,
    aud: settings.audience,
    iat,
    exp: iat + settings.ttlSeconds,
    jti: randomUUID(),
  };
  const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${sign(body, settings.secret).toString('base64url')}`;
}

export class InvalidTokenError extends Error {}

/**
 * Verifies signature, algorithm (HS256 only: `alg: none` or any other header is refused), issuer,
 * audience and expiry. Throws `InvalidTokenError` with the reason.
 */
export function verifyAccessToken(token: string, settings: JwtSettings, now = Date.now()): AccessTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('malformed token');
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER) throw new InvalidTokenError('unexpected header or algorithm');
  // Compared as text in its one canonical base64url form: decoding first would also accept
  // padding, stray characters or other spellings of the same bytes.
  const expected = Buffer.from(sign(`${header}.${payload}`, settings.secret).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidTokenError('bad signature');
  let claims: Partial<AccessTokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<AccessTokenClaims>;
  } catch {
    throw new InvalidTokenError('malformed payload');
  }
  if (claims.iss !== settings.issuer) throw new InvalidTokenError('wrong issuer');
  if (claims.aud !== settings.audience) throw new InvalidTokenError('wrong audience');
  const seconds = Math.floor(now / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= seconds) throw new InvalidTokenError('expired');
  if (typeof claims.iat !== 'number' || claims.iat > seconds + 60) throw new InvalidTokenError('issued in the future');
  if (
    typeof claims.sub !== 'string' ||
    typeof claims.ver !== 'number' ||
    typeof claims.sid !== 'string' ||
    (claims.org !== null && typeof claims.org !== 'string')
  ) {
    throw new InvalidTokenError('missing claims');
  }
  return claims as AccessTokenClaims;
}
