/** What authentication puts in the Hono context. */
import type { Context } from 'hono';
import type { Role, UserAttributes } from '../../store/schema.ts';
import type { User } from '../../store/users.ts';
import { clientAddress } from '../client-address.ts';

/** The signed-in user as request handlers see it (no secrets). */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  attributes: UserAttributes;
  mustChangePassword: boolean;
  /** Links Slack accounts with the same e-mail (channels). */
  email: string | null;
  /** Links the WeCom account with this userid (channels). */
  wecomUserId: string | null;
}

/** How the request proved who it is. */
export type AuthMethod =
  | { kind: 'session'; sessionId: string; csrfToken: string; expiresAt: Date }
  | { kind: 'token'; tokenId: string };

/** Hono environment for routes behind `authenticate`: `c.get('user')`, `c.get('auth')`. */
export type AuthEnv = { Variables: { user: AuthUser; auth: AuthMethod } };

/** The public view of a stored user. */
export function toAuthUser(user: User): AuthUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    attributes: user.attributes,
    mustChangePassword: user.mustChangePassword,
    email: user.email ?? null,
    wecomUserId: user.wecomUserId ?? null,
  };
}

/** The client address for the audit log (`X-Forwarded-For` only behind a trusted proxy: client-address.ts). */
export function clientIp(c: Context): string | null {
  return clientAddress(c);
}
