import type { CampaignMessageId } from './messages-en.ts';

/** 挽留活动的中文文案：对照组设计、周报中的待办（键与 messages-en.ts 相同）。 */
export const ZH: Record<CampaignMessageId, string> = {
  'tasks.mine': '我的待办：{open} 项未完成，其中 {overdue} 项已逾期',
  'tasks.next': '最近一项：{title}（{customer}，{due} 到期）',
  'tasks.none': '我的待办：没有未完成的任务',
  holdout:
    '随机留出 {share}% 作为对照组（按价值层分层），对照组不发送；在 {days} 天内比较实验组与对照组的挽回率',
};
