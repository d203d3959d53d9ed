/** Win-back timing text in zh/en (one catalog per language, the same keys; server/src/i18n/message-catalog.ts). */
import { messageCatalog } from '../../i18n/message-catalog.ts';

const EN = {
  no_data:
    'No churned customer has been observed for a full month after churn yet, so win-back timing cannot be measured.',
  narrative:
    'Of {events} churn events, returns are most likely in month {best} after churn: {rate} of those still away at its start came back in that month ({returned} of {atRisk}, 95% CI {low}-{high}). Within 3 months {by3} had returned, within 6 months {by6}, within 12 months {by12} (Kaplan-Meier, customers not yet observed that long are censored). {window}',
  window_early:
    'Contact churned customers in months 1-{end} after churn, while the chance of return is highest.',
  window_late:
    'The return rate peaks later than the usual 1-3 month window; the counts above show how many returns each month rests on.',
  assumption_months:
    'Month k after churn = days (k-1)×30.44 to k×30.44 after the churn date (last order + the churn window); a month counts only for churn months observed to its end by {asOf}',
  assumption_period: 'Win-back timing uses every churn event in the data, not only the period asked',
  month_label: 'Month after churn',
  month_value: 'Month {k}',
  return_rate: 'Return rate in the month (of those still away)',
  returned: 'Returned in the month',
  at_risk: 'Still away at the month start (observed)',
  cumulative: 'Returned by the end of the month (cumulative)',
} as const;

const ZH: Record<keyof typeof EN, string> = {
  no_data: '还没有流失后被完整观察满一个月的客户，无法衡量挽回时机。',
  narrative:
    '在 {events} 次流失中，流失后第 {best} 个月回流的可能性最高：当月初仍未回来的客户中有 {rate} 在当月回流（{atRisk} 位中 {returned} 位，95% 置信区间 {low}-{high}）。流失后 3 个月内累计回流 {by3}，6 个月内 {by6}，12 个月内 {by12}（Kaplan-Meier，观察期不足的客户按删失处理）。{window}',
  window_early: '建议在流失后第 1-{end} 个月内联系流失客户，这段时间回流机会最高。',
  window_late: '回流率的高峰晚于常见的 1-3 个月窗口；上表给出每个月所依据的回流人数。',
  assumption_months:
    '流失后第 k 个月 = 流失日（最后一单 + 流失窗口）后第 (k-1)×30.44 至 k×30.44 天；只统计截至 {asOf} 已被完整观察到该月的流失月份',
  assumption_period: '挽回时机使用数据中的全部流失事件，不限于所问期间',
  month_label: '流失后月数',
  month_value: '第 {k} 个月',
  return_rate: '当月回流率（占仍未回流者）',
  returned: '当月回流数',
  at_risk: '月初仍未回流（已观察）',
  cumulative: '截至月末累计回流率',
};

export const winbackMessage = messageCatalog({ en: EN, zh: ZH });
