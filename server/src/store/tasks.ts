/**
 * Tasks (call tasks and follow-ups) with an owner, a due date (ISO day) and a status. A task's dedupe key
 * makes creating it idempotent: a campaign step re-run after a restart never creates a second task.
 */
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { AppDb } from './db.ts';
import { isUuid } from './db.ts';
import { type TaskStatus, tasks } from './schema.ts';

/** A stored task. */
export type Task = typeof tasks.$inferSelect;
/** A task to create. */
export type NewTask = Omit<typeof tasks.$inferInsert, 'id' | 'createdAt' | 'doneAt' | 'status'>;

/** Repository of tasks. */
export function tasksRepository(db: AppDb) {
  return {
    /** Creates the task unless its dedupe key exists; returns the stored one either way. */
    async create(task: NewTask): Promise<{ task: Task; created: boolean }> {
      const [row] = await db.insert(tasks).values(task).onConflictDoNothing().returning();
      if (row) return { task: row, created: true };
      const [existing] = await db.select().from(tasks).where(eq(tasks.dedupeKey, task.dedupeKey));
      return { task: existing!, created: false };
    },

    async get(id: string): Promise<Task | null> {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
      return row ?? null;
    },

    /** Tasks of an owner, open first by due date. */
    async ofOwner(owner: string, statuses: TaskStatus[] = ['open']): Promise<Task[]> {
      return db
        .select()
        .from(tasks)
        .where(and(eq(tasks.owner, owner), inArray(tasks.status, statuses)))
        .orderBy(asc(tasks.dueDate), asc(tasks.createdAt));
    },

    /** Open tasks of some customers (the customer page). */
    async openFor(customerIds: string[]): Promise<Task[]> {
      if (customerIds.length === 0) return [];
      return db
        .select()
        .from(tasks)
        .where(and(inArray(tasks.customerId, customerIds), eq(tasks.status, 'open')))
        .orderBy(asc(tasks.dueDate));
    },

    /** Open tasks due before `day` (ISO date): overdue. */
    async overdue(day: string, owner?: string): Promise<Task[]> {
      return db
        .select()
        .from(tasks)
        .where(
          and(eq(tasks.status, 'open'), lt(tasks.dueDate, day), owner ? eq(tasks.owner, owner) : undefined),
        )
        .orderBy(asc(tasks.dueDate));
    },

    /** Sets a task's status; null when the task does not exist. */
    async setStatus(id: string, status: TaskStatus, now = new Date()): Promise<Task | null> {
      if (!isUuid(id)) return null;
      const [row] = await db
        .update(tasks)
        .set({ status, doneAt: status === 'open' ? null : now })
        .where(eq(tasks.id, id))
        .returning();
      return row ?? null;
    },
  };
}
