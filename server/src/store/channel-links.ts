/** Slack / WeCom accounts linked to product users, and the one-time codes that link them. */
import { randomInt } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { type AppDb, hashSecret, isUuid } from './db.ts';
import { type ChannelProvider, channelLinkCodes, channelLinks } from './schema.ts';

/** A stored link. */
export type ChannelLink = typeof channelLinks.$inferSelect;

/** Letters and digits that cannot be mistaken for each other when typed from a phone (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Length of a one-time link code (31^8 ≈ 8.5e11 values; codes live minutes and are single-use). */
export const LINK_CODE_LENGTH = 8;

/** How long a one-time link code from the web app lasts. */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;

/** Normalises what a user typed (`abcd-2345`, ` ABCD2345 `) to the stored form. */
export function normaliseLinkCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Repository of {@link ChannelLink}s and link codes. Times come from the caller's clock. */
export function channelLinksRepository(db: AppDb) {
  return {
    /** A new one-time code for `userId`, valid for `ttlMs`; only its hash is stored. */
    async createCode(
      userId: string,
      ttlMs: number,
      now = new Date(),
    ): Promise<{ code: string; expiresAt: Date }> {
      let code = '';
      for (let i = 0; i < LINK_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      const expiresAt = new Date(now.getTime() + ttlMs);
      await db
        .insert(channelLinkCodes)
        .values({ codeHash: hashSecret(code), userId, expiresAt, createdAt: now });
      return { code, expiresAt };
    },

    /** Uses a code once: the user it was issued to, or null when unknown, used or expired. */
    async redeemCode(typed: string, now = new Date()): Promise<string | null> {
      const [row] = await db
        .update(channelLinkCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(channelLinkCodes.codeHash, hashSecret(normaliseLinkCode(typed))),
            isNull(channelLinkCodes.usedAt),
            gt(channelLinkCodes.expiresAt, now),
          ),
        )
        .returning({ userId: channelLinkCodes.userId });
      return row?.userId ?? null;
    },

    /** Links (or re-links) an external account to a user. */
    async link(input: {
      provider: ChannelProvider;
      team: string;
      externalUserId: string;
      userId: string;
      method: ChannelLink['method'];
    }): Promise<ChannelLink> {
      const [row] = await db
        .insert(channelLinks)
        .values(input)
        .onConflictDoUpdate({
          target: [channelLinks.provider, channelLinks.team, channelLinks.externalUserId],
          set: { userId: input.userId, method: input.method },
        })
        .returning();
      return row!;
    },

    /** The link of an external account, or null. */
    async find(provider: ChannelProvider, team: string, externalUserId: string): Promise<ChannelLink | null> {
      const [row] = await db
        .select()
        .from(channelLinks)
        .where(
          and(
            eq(channelLinks.provider, provider),
            eq(channelLinks.team, team),
            eq(channelLinks.externalUserId, externalUserId),
          ),
        );
      return row ?? null;
    },

    /** A user's linked accounts, oldest first. */
    async listForUser(userId: string): Promise<ChannelLink[]> {
      return db
        .select()
        .from(channelLinks)
        .where(eq(channelLinks.userId, userId))
        .orderBy(asc(channelLinks.createdAt));
    },

    /** Removes one of the user's links; false when it is not theirs or does not exist. */
    async unlink(id: string, userId: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      const rows = await db
        .delete(channelLinks)
        .where(and(eq(channelLinks.id, id), eq(channelLinks.userId, userId)))
        .returning({ id: channelLinks.id });
      return rows.length === 1;
    },
  };
}
