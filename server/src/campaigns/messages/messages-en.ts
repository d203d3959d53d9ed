/** English text of campaign tasks in digests; `messages-zh.ts` has the same keys (the type checks it). */
export const EN = {
  'tasks.mine': 'My tasks: {open} open, {overdue} overdue',
  'tasks.next': 'Next: {title} ({customer}, due {due})',
  'tasks.none': 'My tasks: none open',
} as const;

export type TaskMessageId = keyof typeof EN;
