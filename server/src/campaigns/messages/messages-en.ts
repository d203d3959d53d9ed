/** English text of campaigns (the holdout design, tasks in digests); `messages-zh.ts` has the same keys (the type checks it). */
export const EN = {
  'tasks.mine': 'My tasks: {open} open, {overdue} overdue',
  'tasks.next': 'Next: {title} ({customer}, due {due})',
  'tasks.none': 'My tasks: none open',
  holdout:
    '{share}% held out at random as a control group (stratified by value tier) and not contacted; retention is compared between treatment and control within {days} days',
} as const;

export type CampaignMessageId = keyof typeof EN;
