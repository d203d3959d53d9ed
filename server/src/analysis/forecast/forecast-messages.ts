/** Churn forecast text in zh/en (one catalog per language, the same keys; server/src/i18n/message-catalog.ts). */
import { messageCatalog } from '../../i18n/message-catalog.ts';

const EN = {
  no_customers: 'No active customer to forecast for.',
  narrative:
    'Next quarter ({quarter}) the risk model expects {expected} of {active} active customers to churn ({rate}), 95% interval {low}-{high} customers ({rateLow}-{rateHigh}) from the scores alone. {backtest}{widened}',
  backtest:
    'Back-test: the model trained on snapshots before {date} expected {predicted} churners in the 90 days after it (95% interval {low}-{high}); {actual} churned (actual vs expected {error}){inside}.',
  widened:
    ' Back-tested on {n} quarters (actual vs expected: {errors}); widening the interval by their root mean square error ({rms}) gives {low}-{high} customers ({rateLow}-{rateHigh}), the range to plan with.',
  list_separator: ', ',
  inside: ', inside the interval',
  outside:
    ', outside the interval: the interval covers who churns given the scores, not a change the history has not seen, so read it as a floor on the uncertainty',
  method:
    'Forecast = sum of the calibrated 90-day churn probabilities of the active customers now (the risk model: logistic regression on quarter snapshots {from} to {to}); interval from the Poisson-binomial variance Σp(1-p) (normal approximation)',
  period_note:
    'The forecast is for {quarter}, the quarter starting on the data date {asOf}, whatever period the question names',
  label_period: 'Period',
  label_expected: 'Churners (expected)',
  label_actual: 'Churners (actual)',
  label_low: '95% interval low',
  label_high: '95% interval high',
  label_rate: 'Churn rate (expected)',
  label_actual_rate: 'Churn rate (actual)',
  forecast_row: '{quarter} (forecast)',
  backtest_row: '{date} + 90 days (back-test)',
} as const;

const ZH: Record<keyof typeof EN, string> = {
  no_customers: '没有可预测的活跃客户。',
  narrative:
    '下个季度（{quarter}）风险模型预计 {active} 位活跃客户中有 {expected} 位流失（流失率 {rate}），仅按评分的 95% 区间 {low}-{high} 位（{rateLow}-{rateHigh}）。{backtest}{widened}',
  backtest:
    '回测：用 {date} 之前的快照训练的模型，预计其后 90 天流失 {predicted} 位（95% 区间 {low}-{high}），实际流失 {actual} 位（实际相对预测 {error}）{inside}。',
  widened:
    '在 {n} 个季度上回测（实际相对预测：{errors}）；按其均方根误差（{rms}）放宽区间后为 {low}-{high} 位（{rateLow}-{rateHigh}），规划时应以此为准。',
  list_separator: '，',
  inside: '，落在区间内',
  outside:
    '，落在区间外：区间只反映在给定评分下谁会流失的随机性，不包含历史中未出现过的变化，应视为不确定性的下限',
  method:
    '预测 = 当前活跃客户校准后的 90 天流失概率之和（风险模型：{from} 至 {to} 季度快照上的逻辑回归）；区间按泊松二项方差 Σp(1-p)（正态近似）',
  period_note: '预测的是 {quarter}（自数据截止日 {asOf} 起的下一个季度），与问题中的期间无关',
  label_period: '期间',
  label_expected: '流失客户数（预测）',
  label_actual: '流失客户数（实际）',
  label_low: '95% 区间下限',
  label_high: '95% 区间上限',
  label_rate: '流失率（预测）',
  label_actual_rate: '流失率（实际）',
  forecast_row: '{quarter}（预测）',
  backtest_row: '{date} 起 90 天（回测）',
};

export const forecastMessage = messageCatalog({ en: EN, zh: ZH });
