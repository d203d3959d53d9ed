/**
 * The pieces every scaffolded definition file is made of: YAML with a header comment, metrics with English
 * labels and an owner, the base customer and churn metrics, model.yaml, and an ingest column of an attribute.
 */
import { stringify } from 'yaml';
import type { AttributePlan, ScaffoldPlan } from './guess-model.ts';
import { variantMap } from './label-variants.ts';
import type { WriteOptions } from './model-files.ts';

export const OWNER = 'analytics';
export const yaml = (header: string, value: unknown) =>
  `${header
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n')}\n${stringify(value, { lineWidth: 110 })}`;

/** A label in English, with Chinese when given. */
export function bilingual(en: string, zh?: string): { en: string; zh?: string } {
  return zh?.trim() ? { en, zh: zh.trim() } : { en };
}

/** The label of one value of an attribute (the user's, else the value itself). */
export function valueLabel(a: AttributePlan, value: string): { en: string; zh?: string } {
  const given = a.valueLabels?.[value];
  return bilingual(given?.en?.trim() || value, given?.zh);
}

/** A metric with English labels (and the Chinese label of the base metrics every model has). */
export function metric(label: string, description: string, rest: Record<string, unknown>, zh?: string) {
  return { ...rest, label: bilingual(label, zh), description: { en: description }, owner: OWNER };
}

/** Distinct customers: every model has it. */
export function customersMetric() {
  return metric(
    'Customers',
    'Distinct customers',
    {
      type: 'simple',
      measure: 'customer_count',
      synonyms: { en: ['customer count', 'number of customers'], zh: ['客户数量', '顾客数'] },
      format: 'count',
      certified: true,
    },
    '客户数',
  );
}

/** Churned customers, churn rate (over `denominator`) and retention rate. */
export function churnMetrics(denominator: string, churnedDescription: string, rateDescription: string) {
  return {
    churned_customers: metric(
      'Churned customers',
      churnedDescription,
      {
        type: 'simple',
        measure: 'churned_count',
        synonyms: { en: ['churned', 'churners', 'lost customers', 'customers who left'], zh: ['流失人数'] },
        format: 'count',
        lower_is_better: true,
        certified: true,
      },
      '流失客户数',
    ),
    churn_rate: metric(
      'Churn rate',
      rateDescription,
      {
        type: 'ratio',
        numerator: 'churned_customers',
        denominator,
        synonyms: { en: ['churn', 'attrition', 'attrition rate', 'churn %'], zh: ['流失', '流失比例'] },
        format: 'percent',
        lower_is_better: true,
        certified: true,
      },
      '流失率',
    ),
    retention_rate: metric(
      'Retention rate',
      '1 − churn rate',
      {
        type: 'derived',
        expr: '1 - {churn_rate}',
        synonyms: { en: ['retention'], zh: ['留存'] },
        format: 'percent',
      },
      '留存率',
    ),
  };
}

export function modelYaml(
  plan: ScaffoldPlan,
  opts: WriteOptions,
  asOf: unknown,
  defaultMetric: string,
): string {
  return yaml(
    `Scaffolded by \`npm run model -- init\`: ${opts.description}. Check it, then edit (MODELING.md).`,
    {
      id: plan.id,
      label: bilingual(plan.label, plan.labelZh),
      description: { en: opts.description },
      timezone: 'UTC',
      currency: opts.currency,
      as_of: asOf,
      default_metric: defaultMetric,
    },
  );
}

export function attributeColumn(a: AttributePlan, clean: boolean): Record<string, unknown> {
  const col: Record<string, unknown> = { column: a.column, type: a.type };
  if (a.format && a.type === 'DATE') col.format = a.format;
  const map = { ...(clean ? variantMap(a.variants) : {}), ...a.merges };
  if (Object.keys(map).length) col.map = map;
  return col;
}
