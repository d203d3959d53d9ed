import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter, SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import type { Interpretation } from '../interpretation.ts';
import { assembleQuery } from './draft.ts';
import { RETAINED } from './metric-choice.ts';

/** How a model names its per-customer churn label (a yes-no dimension's synonym): vocabulary of the model. */
const CHURN_STATUS_WORDS = ['churn status', '流失状态'];

/** The model's yes-no dimension that says whether each customer churned (telco's churn label), if any. */
function churnStatusDimension(catalog: Catalog) {
  return catalog.dimensions.find(
    (d) =>
      d.type === 'boolean' &&
      [...d.synonyms.en, ...d.synonyms.zh].some((s) => CHURN_STATUS_WORDS.includes(s.toLowerCase())),
  );
}

/**
 * "Average satisfaction of churned vs stayed customers" on a model whose data labels who churned: the
 * metric for both groups side by side (the churn label's two values, a comparison), said back. Undefined
 * when the model has no such label (retail: churn is an event in a period, so the split is asked back).
 */
export function splitByChurnLabel(
  catalog: Catalog,
  metric: string,
  filters: Filter[],
  lang: Lang,
  unknownTerms: string[],
): Pick<Interpretation, 'kind' | 'intent' | 'query' | 'assumptions' | 'unknownTerms'> | undefined {
  const label = churnStatusDimension(catalog);
  if (!label) return undefined;
  const values = label.values.map((v) => v.value);
  const query: SemanticQueryInput = assembleQuery({
    model: catalog.model,
    metrics: [metric],
    dimensions: [label.id],
    filters: [...filters, { member: label.id, op: 'in', values: values.length ? values : ['true', 'false'] }],
  });
  const said =
    lang === 'zh'
      ? `流失客户和留存客户按数据里的“${label.label.zh}”标签并排比较`
      : `Churned and stayed customers set side by side by the data's "${label.label.en}" label`;
  return {
    kind: 'query',
    intent: 'comparison',
    query,
    assumptions: [said],
    unknownTerms: unknownTerms.filter((t) => !RETAINED.test(t.toLowerCase())),
  };
}
