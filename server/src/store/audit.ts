/** The append-only audit log. */
import { and, desc, eq } from 'drizzle-orm';
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

/** Repository of {@link AuditEntry}s (no update or delete on purpose). */
export function auditRepository(db: AppDb) {
  return {
    /** Appends an entry. */
    async record(event: AuditEvent): Promise<AuditEntry> {
      const [row] = await db
        .insert(auditLog)
        .values({
          action: event.action,
          userId: event.userId ?? null,
          target: event.target ?? null,
          details: event.details ?? null,
          ip: event.ip ?? null,
        })
        .returning();
      return row!;
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
