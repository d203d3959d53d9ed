/** The append-only audit log. */
import { and, count, desc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { AppDb } from './db.ts';
import { auditLog } from './schema.ts';

/** A stored audit entry. */
export type AuditEntry = typeof auditLog.$inferSelect;

/** What to record: `action` is a stable verb such as `login`, `login_failed`, `model.publish`. */
export interface AuditEvent {
  action: string;
  userId?: string | null;
  target?: string | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
}

/** The row to insert for an event (also used inside another repository's transaction). */
export function auditValues(event: AuditEvent) {
  return {
    action: event.action,
    userId: event.userId ?? null,
    target: event.target ?? null,
    details: event.details ?? null,
    ip: event.ip ?? null,
  };
}

/** Repository of {@link AuditEntry}s (no update or delete on purpose). */
export function auditRepository(db: AppDb) {
  return {
    /** Appends an entry. */
    async record(event: AuditEvent): Promise<AuditEntry> {
      const [row] = await db.insert(auditLog).values(auditValues(event)).returning();
      return row!;
    },
    /**
     * How many `action` entries match (by target and/or ip) after `since` (or within the last `withinSeconds`),
     * the newest one's time, and the database's clock: what login throttling counts.
     */
    async countRecent(filter: {
      action: string;
      target?: string;
      ip?: string;
      since?: Date | null;
      withinSeconds?: number;
    }): Promise<{ count: number; latest: Date | null; now: Date }> {
      const [row] = await db
        .select({ n: count(), latest: max(auditLog.ts), now: sql<string>`now()` })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, filter.action),
            filter.target !== undefined ? eq(auditLog.target, filter.target) : undefined,
            filter.ip !== undefined ? eq(auditLog.ip, filter.ip) : undefined,
            filter.since ? gt(auditLog.ts, filter.since) : undefined,
            filter.withinSeconds
              ? sql`${auditLog.ts} > now() - make_interval(secs => ${filter.withinSeconds})`
              : undefined,
          ),
        );
      return {
        count: Number(row?.n ?? 0),
        latest: row?.latest ? new Date(row.latest) : null,
        now: new Date(row?.now ?? Date.now()),
      };
    },
    /** The time of the newest entry with one of `actions` for `target`, or null. */
    async latestAt(actions: string[], target: string): Promise<Date | null> {
      const [row] = await db
        .select({ latest: max(auditLog.ts) })
        .from(auditLog)
        .where(and(inArray(auditLog.action, actions), eq(auditLog.target, target)));
      return row?.latest ? new Date(row.latest) : null;
    },

    /** Entries, newest first, optionally filtered by action and user. */
    async list(options: { action?: string; userId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
      const where = and(
        options.action ? eq(auditLog.action, options.action) : undefined,
        options.userId ? eq(auditLog.userId, options.userId) : undefined,
      );
      return db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(options.limit ?? 100);
    },
  };
}
