import type { RiskMessageId } from './messages-en.ts';

/** 风险模型与风险客户名单的中文文本（键与 messages-en.ts 相同）。 */
export const ZH: Record<RiskMessageId, string> = {
  separator: '；',
  list_separator: '、',
  score_flag: '模型评分 {pct}',
  sort_risk: '按 90 天流失概率从高到低排序',
  sort_expected_loss: '按预期损失（流失概率×近12个月消费）从高到低排序',
  definition:
    '“有流失风险”= 触发至少一条预警规则（与“风险客户数”指标计数相同）；风险等级按校准后的 90 天流失概率：中 30%-50%、高 50%-70%、极高 ≥70%、低 <30%；风险模型用 {from} 至 {to} 的季度快照训练',
  ignored_filters: '名单不适用的条件已忽略：{members}',
  search_applied: '只列出匹配“{search}”的客户：{total} 位中的 {matching} 位',
  narrative_none: '在 {scored} 位活跃客户中，没有客户触发预警规则，因此没有风险客户。{quality}',
  narrative:
    '在 {scored} 位活跃客户中，{atRisk} 位有流失风险（触发预警规则）；按校准后的 90 天流失概率，{levels}；预期损失合计 {loss}。{shown}排在首位的是 {who}（流失概率 {pct}）{why}。{quality}',
  narrative_levels: '{high} 位≥50%，{medium} 位在 30%-50%，{low} 位低于 30%',
  narrative_shown: '下表列出第 {from}-{to} 位。',
  narrative_why: '，主要原因：{reasons}',
  narrative_score_only:
    '另有 {n} 位客户模型评分≥30% 但未触发任何预警规则，不计入风险客户（可按流失概率查询这些客户）。',
  too_many_rows: '数据量超过 {max} 行，请加筛选条件缩小范围。',
  too_little_history: '历史快照太少，无法按时间切分训练和评估风险模型（至少需要两个已知结果的季度快照）。',
  cannot_fit: '风险模型无法拟合：{why}',
  no_history:
    '这个模型没有按时间点的客户历史快照，无法训练流失风险模型。需要：{missing}。其他分析（驱动因素、细分、原因）照常可用。',
  method: '逻辑回归（IRLS，标准化特征，L2 λ=1），按季度快照时间切分',
  label: '快照后 90 天内流失',
  quality_single_class: '评估快照 {date} 只有一类结果，无法计算 AUC。',
  quality:
    '模型用 {date} 之前的快照训练、在 {date} 快照上检验：ROC AUC {auc}，评分最高的 10% 客户中 {top} 在 90 天内流失（整体 {base}）。',
  label_missing:
    '风险客户名单要列出客户，但这个模型没有客户编号维度。需要：{missing}。其他分析（驱动因素、细分、原因）照常可用。',
  label_no_features:
    '模型 {model} 没有取值在 2 到 {max} 个之间的维度可用来学习流失：请在 dimensions.yaml 中添加分类、分段或布尔维度。',
  label_one_class: '全部 {rows} 位客户的流失标签相同，无法据此学习风险评分。',
  label_definition:
    '标签流失没有日期，因此评分是“相似度概率”：具有这些属性的客户属于已流失客户的可能性（逻辑回归，L2 λ=1，特征：{dimensions}）。“有流失风险”= 尚未流失且评分≥{threshold} 的客户；风险等级按同一概率划分',
  label_left_out:
    '以下维度与流失结果同时记录（只有流失客户有值，或某个取值的客户全部流失且占流失客户一半以上），属于结果而非原因，未纳入模型：{members}',
  label_narrative:
    '在 {scored} 位现有客户中，{atRisk} 位评分≥{threshold}，有流失风险：{levels}。{shown}排在首位的是 {who}（评分 {pct}）{why}。{quality}',
  label_narrative_none: '在 {scored} 位现有客户中，没有客户评分≥{threshold}，因此没有风险客户。{quality}',
  label_levels: '{veryHigh} 位≥70%，{high} 位在 50%-70%，{medium} 位在 30%-50%',
  label_quality:
    '{folds} 折交叉验证 ROC AUC {auc}（{rows} 位客户，{events} 位已流失）；评分最高的 10% 客户中 {top} 已流失（整体 {base}）。',
  'feature.recency_days': '距上次购买 {n} 天',
  'feature.missed_orders': '按以往频率已错过约 {v} 次购买',
  'feature.orders_12m': '近12个月 {n} 单',
  'feature.spend_12m': '近12个月消费 {money}',
  'feature.tenure_days': '客龄 {n} 天',
  'feature.new_customer': '新客（首单不足90天）',
  'feature.not_new_customer': '非新客',
  'feature.activity_last_3w': '近3周活跃 {n} 次',
  'feature.activity_prev_3w': '前3周活跃 {n} 次',
  'feature.tickets_90d': '近90天 {n} 个工单',
  'feature.open_tickets_72h': '{n} 个工单超72小时未解决',
  'feature.group_value': '{group}：{value}',
};
