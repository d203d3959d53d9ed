/** Browser sessions: the cookie carries a random token, the table only its hash. */
import { and, eq, gt, lte, ne } from 'drizzle-orm';
import { type AppDb, hashSecret, randomSecret } from './db.ts';
import { sessions, users } from './schema.ts';
import type { User } from './users.ts';

/** A stored session. */
export type Session = typeof sessions.$inferSelect;

/** A new session: `token` goes into the cookie and is never stored. */
export interface IssuedSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Repository of {@link Session}s. Times come from the caller's clock so expiry is testable. */
export function sessionsRepository(db: AppDb) {
  return {
    /** Starts a session for `userId` lasting `ttlMs`. */
    async create(userId: string, ttlMs: number, now = new Date()): Promise<IssuedSession> {
      const token = randomSecret();
      const csrfToken = randomSecret();
      const id = hashSecret(token);
      const expiresAt = new Date(now.getTime() + ttlMs);
      await db.insert(sessions).values({ id, userId, csrfToken, expiresAt });
      return { id, token, csrfToken, expiresAt };
    },

    /** The unexpired session for a cookie token with its enabled user, or null. */
    async findValid(token: string, now = new Date()): Promise<{ session: Session; user: User } | null> {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(eq(sessions.id, hashSecret(token)), gt(sessions.expiresAt, now), eq(users.disabled, false)),
        );
      return row ?? null;
    },

    /** Ends the session with this id (a token hash); true when one existed. */
    async delete(id: string): Promise<boolean> {
      const rows = await db.delete(sessions).where(eq(sessions.id, id)).returning({ id: sessions.id });
      return rows.length === 1;
    },

    /** Ends every session of a user, except `keepId` (e.g. the one that just changed the password). */
    async deleteForUser(userId: string, keepId?: string): Promise<number> {
      const where = keepId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepId))
        : eq(sessions.userId, userId);
      const rows = await db.delete(sessions).where(where).returning({ id: sessions.id });
      return rows.length;
    },

    /** Removes expired sessions; returns how many. */
    async purgeExpired(now = new Date()): Promise<number> {
      const rows = await db
        .delete(sessions)
        .where(lte(sessions.expiresAt, now))
        .returning({ id: sessions.id });
      return rows.length;
    },
  };
}
