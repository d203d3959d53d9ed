/**
 * "我的待办" of one user: their open tasks (call tasks of campaigns, playbook follow-ups) with the overdue
 * ones counted against the business day, and the words the weekly digest shows for them.
 */
import type { ModelRegistry } from '../models/model-registry.ts';
import type { Store } from '../store/open-store.ts';
import type { Task } from '../store/tasks.ts';
import { businessDay } from './campaign-days.ts';
import { campaignMessage as message } from './campaign-messages.ts';

export interface MyTasks {
  owner: string;
  today: string;
  open: number;
  overdue: number;
  /** Open tasks by due date, each marked overdue or not. */
  tasks: (Task & { overdue: boolean })[];
}

/** Today for tasks: the business day of the default model's data (see campaign-days.ts). */
export function taskDay(registry: ModelRegistry, now: Date): string {
  const id = registry.defaultModelId;
  const asOf = registry.has(id) ? registry.get(id).runtime.asOf : null;
  return asOf ? businessDay(now, asOf) : now.toISOString().slice(0, 10);
}

/** The owner's open tasks, overdue ones marked. */
export async function myTasks(store: Store, owner: string, today: string): Promise<MyTasks> {
  const tasks = (await store.tasks.ofOwner(owner)).map((t) => ({ ...t, overdue: t.dueDate < today }));
  return { owner, today, open: tasks.length, overdue: tasks.filter((t) => t.overdue).length, tasks };
}

/** The digest's lines: counts, then the first task due. */
export function myTasksLines(mine: MyTasks, lang: 'zh' | 'en'): string[] {
  if (mine.open === 0) return [message('tasks.none', lang)];
  const next = mine.tasks[0]!;
  return [
    message('tasks.mine', lang, { open: mine.open, overdue: mine.overdue }),
    message('tasks.next', lang, { title: next.title, customer: next.customerId, due: next.dueDate }),
  ];
}

/** What the weekly review shows of "我的待办" (the server wiring hands it to monitors' `weeklyDigest`). */
export function digestTasks(mine: MyTasks, lang: 'zh' | 'en') {
  return { open: mine.open, overdue: mine.overdue, today: mine.today, lines: myTasksLines(mine, lang) };
}
