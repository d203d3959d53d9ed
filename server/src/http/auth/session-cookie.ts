/** The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure on https or in production. */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { requestScheme } from '../client-address.ts';

/** Name of the cookie that carries the session token. */
export const SESSION_COOKIE = 'chatbi_session';

/** True when cookies must be `Secure`: the request came over https (directly or via a trusted proxy) or we run in production. */
export function isSecureContext(c: Context): boolean {
  if (process.env.NODE_ENV === 'production') return true;
  return requestScheme(c) === 'https';
}

/** Sets the session cookie to expire with the session. */
export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureContext(c),
    path: '/',
    expires: expiresAt,
  });
}

/** The session token the browser sent, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isSecureContext(c) });
}
