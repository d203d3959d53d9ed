import { ApiError, api, setCsrfToken } from './api/client.ts';
import type { AuthUser, DemoUser, Role } from './api/types.ts';

/** Who is signed in (null before sign-in). */
let user: AuthUser | null = null;

interface SessionReply {
  user: AuthUser;
  csrfToken?: string;
}

function accept(reply: SessionReply): AuthUser {
  user = reply.user;
  setCsrfToken(reply.csrfToken ?? null);
  return reply.user;
}

/** The signed-in user, or null. */
export function currentUser(): AuthUser | null {
  return user;
}

/** Whether the user's role is at least `role` (viewer < analyst < admin). */
export function hasRole(role: Role): boolean {
  const order: Role[] = ['viewer', 'analyst', 'admin'];
  return user !== null && order.indexOf(user.role) >= order.indexOf(role);
}

/**
 * Restores the session from the cookie (GET /api/auth/session, which answers `user: null` when signed out, so
 * a signed-out load logs no failed request); null when signed out.
 */
export async function restoreSession(): Promise<AuthUser | null> {
  const reply = await api<{ user: AuthUser | null; csrfToken?: string }>('GET', '/api/auth/session');
  if (reply.user === null) {
    forgetSession();
    return null;
  }
  return accept({ user: reply.user, ...(reply.csrfToken ? { csrfToken: reply.csrfToken } : {}) });
}

/** Signs in with a password. */
export async function signIn(username: string, password: string): Promise<AuthUser> {
  return accept(await api<SessionReply>('POST', '/api/auth/login', { username, password }));
}

/** Signs in as a demo user (demo mode only). */
export async function demoSignIn(username: string): Promise<AuthUser> {
  return accept(await api<SessionReply>('POST', '/api/auth/demo-login', { username }));
}

/** The one-click demo accounts, or an empty list when the server is not in demo mode. */
export async function demoUsers(): Promise<DemoUser[]> {
  try {
    return (await api<{ users: DemoUser[] }>('GET', '/api/auth/demo-users')).users;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

/** Changes the password (required on first sign-in of the generated admin). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api('POST', '/api/auth/password', { currentPassword, newPassword });
  if (user) user = { ...user, mustChangePassword: false };
}

/** Signs out on the server and forgets the session here. */
export async function signOut(): Promise<void> {
  try {
    await api('POST', '/api/auth/logout', {});
  } finally {
    forgetSession();
  }
}

/** Forgets the session locally (after a 401). */
export function forgetSession(): void {
  user = null;
  setCsrfToken(null);
}
