/** API tokens for `Authorization: Bearer`: shown once at creation, stored as a hash. */
import { and, desc, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { type AppDb, hashSecret, isUuid, randomSecret } from './db.ts';
import { apiTokens, users } from './schema.ts';
import type { User } from './users.ts';

/** A stored token (hash only). */
export type ApiToken = typeof apiTokens.$inferSelect;

/** A token as listed to its owner: never the hash. */
export type ApiTokenSummary = Pick<ApiToken, 'id' | 'name' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>;

/** Prefix that makes our tokens recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'cbi_';

// last_used_at is a hint, so it is refreshed at most once a minute rather than on every request.
const LAST_USED_RESOLUTION = sql`now() - interval '1 minute'`;

const summary = {
  id: apiTokens.id,
  name: apiTokens.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** Repository of {@link ApiToken}s. */
export function apiTokensRepository(db: AppDb) {
  return {
    /** Creates a random token for a user; the returned `token` is the only copy. */
    async create(userId: string, name: string): Promise<ApiTokenSummary & { token: string }> {
      const token = API_TOKEN_PREFIX + randomSecret();
      const [row] = await db
        .insert(apiTokens)
        .values({ userId, name, tokenHash: hashSecret(token) })
        .returning(summary);
      return { ...row!, token };
    },

    /**
     * Makes `token` (e.g. from `CHATBI_API_TOKEN`) valid for `userId`: idempotent, and it re-enables a revoked
     * copy because the environment is the authority for this token.
     */
    async provision(userId: string, name: string, token: string): Promise<ApiTokenSummary> {
      const [row] = await db
        .insert(apiTokens)
        .values({ userId, name, tokenHash: hashSecret(token) })
        .onConflictDoUpdate({ target: apiTokens.tokenHash, set: { userId, name, revokedAt: null } })
        .returning(summary);
      return row!;
    },

    /** The enabled user behind an unrevoked token, or null; records the use. */
    async verify(token: string): Promise<{ tokenId: string; user: User } | null> {
      const [row] = await db
        .select({ tokenId: apiTokens.id, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(
          and(
            eq(apiTokens.tokenHash, hashSecret(token)),
            isNull(apiTokens.revokedAt),
            eq(users.disabled, false),
          ),
        );
      if (!row) return null;
      await db
        .update(apiTokens)
        .set({ lastUsedAt: sql`now()` })
        .where(
          and(
            eq(apiTokens.id, row.tokenId),
            or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, LAST_USED_RESOLUTION)),
          ),
        );
      return row;
    },

    /**
     * Revokes every active token of a user except those named `keep` (the environment-provisioned token,
     * whose authority is the environment); returns how many were revoked.
     */
    async revokeAllForUser(userId: string, keep: string[] = []): Promise<number> {
      if (!isUuid(userId)) return 0;
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: sql`now()` })
        .where(
          and(
            eq(apiTokens.userId, userId),
            isNull(apiTokens.revokedAt),
            keep.length ? notInArray(apiTokens.name, keep) : undefined,
          ),
        )
        .returning({ id: apiTokens.id });
      return rows.length;
    },
    /** Revokes a token (only the owner's when `userId` is given); true when an active token was revoked. */
    async revoke(id: string, userId?: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      const owner = userId ? eq(apiTokens.userId, userId) : undefined;
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt), owner))
        .returning({ id: apiTokens.id });
      return rows.length === 1;
    },

    /** A user's tokens, newest first. */
    async listForUser(userId: string): Promise<ApiTokenSummary[]> {
      return db
        .select(summary)
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(desc(apiTokens.createdAt));
    },
  };
}
