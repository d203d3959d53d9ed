import type { TaskMessageId } from './messages-en.ts';

/** 活动任务在周报中的中文文案（键与 messages-en.ts 相同）。 */
export const ZH: Record<TaskMessageId, string> = {
  'tasks.mine': '我的待办：{open} 项未完成，其中 {overdue} 项已逾期',
  'tasks.next': '最近一项：{title}（{customer}，{due} 到期）',
  'tasks.none': '我的待办：没有未完成的任务',
};
