import type { ScaffoldMessageId } from './messages-en.ts';

/** 建模脚手架推断说明的中文文本（键与 messages-en.ts 相同）。 */
export const ZH: Record<ScaffoldMessageId, string> = {
  key_customer_table: '客户主键：{key}（{rows} 行全部唯一：每位客户一行）',
  key_event_log: '客户主键：{key}（{rows} 行中共 {customers} 位客户：事件日志）',
  churn_label: '流失：标签列 {column}（取值 {values}；true = 已流失）',
  churn_contract: '流失：合约型——{column} 有值的客户在该日流失',
  churn_none: '流失：未找到（没有 0/1 流失列，也没有取消日期）：只提供计数与求和',
  churn_inactivity:
    '流失：不活跃——{column} 连续 {days} 天没有记录即为流失{gaps}；可在 churn.yaml 修改 window_days',
  churn_inactivity_gaps: '（80% 的重复记录间隔在 {days} 天以内）',
  churn_log_undated: '流失：日志没有日期，无法定义流失',
  churn_reasons: '流失原因：{column}（原因分析读取它：churn.yaml 的 reasons.label_column）',
  variants_cleaned: '{column}：{variants} 看起来是“{into}”的变体——已合并（写入导入映射的 map:）',
  variants_kept: '{column}：{variants} 看起来是“{into}”的变体——暂不合并；用 --clean（网页上用“合并到”）合并',
  not_dimension: '{column}：{distinct} 个不同文本——不作为维度（可能是编号或自由文本）',
};
