import type { Request, Response } from 'express';
import type { IssuedSession } from './auth.service';

export const REFRESH_COOKIE = 'beacon_refresh';
/** The cookie travels only to the auth endpoints. */
const COOKIE_PATH = '/api/v1/auth';

export function readRefreshCookie(req: Request): string | undefined {
  const cookies: unknown = (req as { cookies?: unknown }).cookies;
  const value = typeof cookies === 'object' && cookies !== null ? (cookies as Record<string, unknown>)[REFRESH_COOKIE] : undefined;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function setRefreshCookie(res: Response, session: IssuedSession, secure: boolean): void {
  res.cookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: COOKIE_PATH,
    expires: session.refreshExpiresAt,
  });
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: COOKIE_PATH });
}
