/**
 * The files of a one-row-per-customer table: the mapping fills customers and customer_attributes; every kept
 * column becomes a dimension (categories with values, bands, booleans, dates), numeric columns averages and
 * money columns totals; churn is the label column or a cancellation date (contract churn).
 */
import {
  attributeColumn,
  bilingual,
  churnMetrics,
  customersMetric,
  metric,
  modelYaml,
  OWNER,
  valueLabel,
  yaml,
} from './definition-parts.ts';
import type { ScaffoldPlan } from './guess-model.ts';
import type { ScaffoldFiles, WriteOptions } from './model-files.ts';

export function customerTableFiles(plan: ScaffoldPlan, opts: WriteOptions): ScaffoldFiles {
  const kept = plan.attributes.filter((a) => a.role !== 'skipped');
  const churn = plan.churn;
  const customerColumns: Record<string, unknown> = { customer_id: plan.key };
  if (churn?.kind === 'label') customerColumns.churn_label = { column: churn.column, type: 'BOOLEAN' };
  const attributeColumns: Record<string, unknown> = { customer_id: plan.key };
  for (const a of kept) attributeColumns[a.name] = attributeColumn(a, plan.clean);
  if (churn?.kind === 'contract')
    attributeColumns.churned_on = {
      column: churn.column,
      type: 'DATE',
      ...(churn.format ? { format: churn.format } : {}),
    };
  const mapping = yaml(`Loads ${opts.sourceFile} into the canonical tables (one row per customer).`, {
    model: plan.id,
    description: opts.description,
    sources: { data: { file: opts.sourceFile } },
    tables: {
      customers: { from: 'data', columns: customerColumns },
      customer_attributes: { from: 'data', columns: attributeColumns },
    },
  });

  const churnFilter =
    churn?.kind === 'label'
      ? 'churn_label'
      : churn?.kind === 'contract'
        ? 'churned_on IS NOT NULL'
        : undefined;
  const attributeMeasures: Record<string, unknown> = {};
  const metrics: Record<string, unknown> = {
    customers: customersMetric(),
  };
  if (churnFilter) {
    Object.assign(
      metrics,
      churnMetrics('customers', `Customers who churned (${churn!.column})`, 'Churned customers ÷ customers'),
    );
  }
  for (const a of kept.filter(
    (x) => x.role === 'band' || (x.role === 'categorical' && x.type === 'INTEGER'),
  )) {
    attributeMeasures[`${a.name}_avg`] = { agg: 'avg', sql: a.name };
    metrics[`avg_${a.name}`] = metric(`Average ${a.label.toLowerCase()}`, `Mean of ${a.column}`, {
      type: 'simple',
      measure: `${a.name}_avg`,
      format: a.money ? 'currency' : 'number',
    });
    if (a.money) {
      attributeMeasures[`${a.name}_sum`] = { agg: 'sum', sql: a.name };
      const totalId = a.name.startsWith('total_') ? `${a.name}_sum` : `total_${a.name}`;
      const totalLabel = a.name.startsWith('total_') ? `${a.label} (sum)` : `Total ${a.label.toLowerCase()}`;
      metrics[totalId] = metric(totalLabel, `Sum of ${a.column}`, {
        type: 'simple',
        measure: `${a.name}_sum`,
        format: 'currency',
      });
    }
  }
  const customerMeasures: Record<string, unknown> = {
    customer_count: { agg: 'count_distinct', sql: 'customer_id' },
  };
  if (churnFilter)
    customerMeasures.churned_count = { agg: 'count_distinct', sql: 'customer_id', filter: churnFilter };
  const sources = {
    sources: {
      customers: {
        table: 'customers',
        primary_key: ['customer_id'],
        joins: [
          { to: 'customer_attributes', on: { customer_id: 'customer_id' }, relationship: 'one_to_one' },
        ],
        measures: churn?.kind === 'contract' ? {} : customerMeasures,
      },
      customer_attributes: {
        table: 'customer_attributes',
        primary_key: ['customer_id'],
        measures:
          churn?.kind === 'contract' ? { ...customerMeasures, ...attributeMeasures } : attributeMeasures,
      },
    },
  };

  // The customer key as a dimension, for lists (the risk list names customers); not indexed as values.
  const dimensions: Record<string, unknown> = {
    customer_id: {
      type: 'categorical',
      source: 'customers',
      sql: 'customer_id',
      label: bilingual('Customer ID', '客户编号'),
      description: { en: `${plan.key} (the customer key, for lists)` },
      owner: OWNER,
      index_values: false,
    },
  };
  for (const a of kept) {
    const common = {
      source: 'customer_attributes',
      sql: a.name,
      label: bilingual(a.label, a.labelZh),
      description: { en: `${a.column} (from the data)` },
      owner: OWNER,
    };
    if (a.role === 'categorical')
      dimensions[a.name] = {
        type: 'categorical',
        ...common,
        values: Object.fromEntries((a.values ?? []).map((v) => [v, { label: valueLabel(a, v) }])),
      };
    else if (a.role === 'boolean') dimensions[a.name] = { type: 'boolean', ...common };
    else if (a.role === 'band' && a.bands)
      dimensions[`${a.name}_band`] = {
        type: 'numeric_band',
        ...common,
        label: bilingual(`${a.label} band`, a.labelZh && `${a.labelZh}分段`),
        synonyms: { en: [a.label.toLowerCase()] },
        bands: a.bands,
        values: Object.fromEntries(a.bands.map((b) => [b.value, { label: valueLabel(a, b.value) }])),
      };
    else if (a.role === 'time')
      dimensions[a.name] = { type: 'time', ...common, grains: ['month', 'quarter', 'year'] };
  }

  const definitions: Record<string, string> = {
    'model.yaml': modelYaml(plan, opts, plan.asOf, churnFilter ? 'churn_rate' : 'customers'),
    'sources.yaml': yaml(
      'Sources: the canonical tables the ingest fills; measures live with their source.',
      sources,
    ),
    'dimensions.yaml': yaml(
      'Dimensions guessed from the columns: categories, bands from quartiles, booleans, dates.',
      {
        dimensions,
      },
    ),
    'metrics.yaml': yaml('Base metrics: customers, churn, and averages / totals of numeric columns.', {
      metrics,
    }),
  };
  if (churn?.kind === 'label')
    definitions['churn.yaml'] = yaml('Label churn: the data says who churned.', {
      churn: { type: 'label', table: 'customers', customer: 'customer_id', column: 'churn_label' },
      ...(plan.reason
        ? { reasons: { label_column: { table: 'customer_attributes', column: plan.reason } } }
        : {}),
    });
  else if (churn?.kind === 'contract')
    definitions['churn.yaml'] = yaml(
      'Contract churn: a customer churned on the day their contract was cancelled.',
      {
        churn: {
          type: 'contract',
          table: 'customer_attributes',
          customer: 'customer_id',
          canceled: 'churned_on',
        },
      },
    );
  return { definitions, mapping };
}
