/**
 * Reading the audit log for admins: filters (action or action prefix, user, time range) and keyset
 * pagination on the entry id, newest first, so pages stay stable while new entries arrive.
 */
import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { Store } from '../store/open-store.ts';
import { auditLog, users } from '../store/schema.ts';

/** Filters of an audit query. */
export interface AuditFilter {
  /** Exact action (`model.approve`) or a prefix ending in `*` (`model.*`). */
  action?: string;
  userId?: string;
  /** Inclusive lower bound on the time. */
  from?: Date;
  /** Exclusive upper bound on the time. */
  to?: Date;
  /** Entries older than this id (the previous page's `nextCursor`). */
  before?: number;
  limit?: number;
}

/** An audit entry as admins read it (with the username). */
export interface AuditRow {
  id: number;
  ts: Date;
  action: string;
  userId: string | null;
  username: string | null;
  target: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}

/** One page of entries and the cursor of the next one (null on the last page). */
export interface AuditPage {
  entries: AuditRow[];
  nextCursor: number | null;
}

/**
 * Queries the audit log.
 * @example await queryAudit(store, { action: 'model.*', from: new Date('2026-10-01'), limit: 50 })
 */
export async function queryAudit(store: Store, filter: AuditFilter): Promise<AuditPage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const conditions: (SQL | undefined)[] = [
    filter.action?.endsWith('*')
      ? like(auditLog.action, `${escapeLike(filter.action.slice(0, -1))}%`)
      : filter.action
        ? eq(auditLog.action, filter.action)
        : undefined,
    filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
    filter.from ? gte(auditLog.ts, filter.from) : undefined,
    filter.to ? lt(auditLog.ts, filter.to) : undefined,
    filter.before !== undefined ? lt(auditLog.id, filter.before) : undefined,
  ];
  const rows = await store.db
    .select({
      id: auditLog.id,
      ts: auditLog.ts,
      action: auditLog.action,
      userId: auditLog.userId,
      username: users.username,
      target: auditLog.target,
      details: auditLog.details,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  return { entries, nextCursor: rows.length > limit ? entries.at(-1)!.id : null };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
