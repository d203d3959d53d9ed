/**
 * What each analysis needs from a model, and where a missing definition goes: an analysis on a model that
 * lacks it answers with the definitions to add and their file (the other analyses still run). The
 * ids are the conventional member names the analyses read (`semantic-layer/MODELING.md`).
 */
import { analysisMessage } from '../analysis-messages.ts';
export interface Requirement {
  /** Member id, or the churn.yaml part it needs. */
  id: string;
  file: string;
  /** How to provide it, in each language. */
  hint: { zh: string; en: string };
}

/** Where a member the analyses read is defined, with a hint for the conventional ones. */
const KNOWN: Record<string, Omit<Requirement, 'id'>> = {
  churn_reason: {
    file: 'dimensions.yaml + churn.yaml',
    hint: {
      zh: '流失原因维度：标签流失模型在 churn.yaml 的 reasons.label_column 指向原因列；不活跃流失模型用 reasons.signals（工单、负面反馈）',
      en: 'a churn reason dimension: for label churn point churn.yaml reasons.label_column at a reason column; for inactivity churn list reasons.signals (tickets, negative feedback)',
    },
  },
  at_risk_customers: {
    file: 'metrics.yaml + churn.yaml',
    hint: {
      zh: '风险客户数（customer_snapshot 的 at_risk），需要 churn.yaml 的 early_warning 规则',
      en: 'at-risk customers (at_risk of customer_snapshot), which needs early_warning rules in churn.yaml',
    },
  },
  spells: {
    file: 'metrics.yaml + sources.yaml',
    hint: {
      zh: '流失区间（customer_spells，需不活跃流失口径）',
      en: 'activity spells (customer_spells, needs inactivity churn)',
    },
  },
};

/** A missing member with its file: metrics in metrics.yaml, dimensions in dimensions.yaml, unless known. */
export function requirementOf(id: string, kind: 'metric' | 'dimension'): Requirement {
  const known = KNOWN[id];
  if (known) return { id, ...known };
  return {
    id,
    file: kind === 'metric' ? 'metrics.yaml' : 'dimensions.yaml',
    hint: kind === 'metric' ? { zh: '指标', en: 'a metric' } : { zh: '维度', en: 'a dimension' },
  };
}

/** "churn_reason (dimensions.yaml + churn.yaml: …)" lines for an answer. */
export function describeMissing(requirements: Requirement[], lang: 'zh' | 'en'): string {
  return requirements
    .map((r) => `${r.id} (${r.file}: ${r.hint[lang]})`)
    .join(analysisMessage('requirement_separator', lang));
}

/** The risk model needs inactivity churn (dated activity) and point-in-time history. */
export const RISK_REQUIREMENTS: Requirement[] = [
  {
    id: 'churn',
    file: 'churn.yaml',
    hint: {
      zh: 'type: inactivity（带日期的活动，如订单），风险模型按时间点快照训练',
      en: 'type: inactivity (dated activity such as orders): the risk model trains on point-in-time snapshots',
    },
  },
  {
    id: 'customer_history',
    file: 'sources.yaml',
    hint: {
      zh: '一个读取派生表 customer_history 的数据源（见 models/retail/sources.yaml）',
      en: 'a source over the derived table customer_history (see models/retail/sources.yaml)',
    },
  },
];

/** The label-churn risk list names customers: it needs the customer key as a dimension. */
export const LABEL_RISK_REQUIREMENTS: Requirement[] = [
  {
    id: 'customer_id',
    file: 'dimensions.yaml',
    hint: {
      zh: '客户编号维度（type: categorical，source: customers，sql: customer_id，index_values: false）',
      en: 'a customer id dimension (type: categorical, source: customers, sql: customer_id, index_values: false)',
    },
  },
];
