/**
 * Writes a scaffold plan as files: the ingest mapping (`ingest/<id>.yaml`) that loads the table into the
 * canonical tables, and the definition files (model, sources, dimensions, metrics, churn). Labels are
 * English only (allowed: they are shown in both languages); the analyst adds Chinese labels and synonyms.
 */
import { stringify } from 'yaml';
import { ident } from '../ingest/sql-text.ts';
import type { AttributePlan, ScaffoldPlan } from './guess-model.ts';
import { variantMap } from './label-variants.ts';

export interface ScaffoldFiles {
  /** Definition files by name (model.yaml, sources.yaml, …). */
  definitions: Record<string, string>;
  /** The ingest mapping, to be written as `ingest/<id>.yaml`. */
  mapping: string;
}

export interface WriteOptions {
  /** The table's file as the mapping refers to it (relative to the mapping, or `${CHATBI_SHARED_DATA}/…`). */
  sourceFile: string;
  currency: string;
  description: string;
}

const OWNER = 'analytics';
const yaml = (header: string, value: unknown) =>
  `${header
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n')}\n${stringify(value, { lineWidth: 110 })}`;

function metric(label: string, description: string, rest: Record<string, unknown>) {
  return { ...rest, label: { en: label }, description: { en: description }, owner: OWNER };
}

/** Distinct customers: every model has it. */
function customersMetric() {
  return metric('Customers', 'Distinct customers', {
    type: 'simple',
    measure: 'customer_count',
    synonyms: { en: ['customer count', 'number of customers'] },
    format: 'count',
    certified: true,
  });
}

/** Churned customers, churn rate (over `denominator`) and retention rate. */
function churnMetrics(denominator: string, churnedDescription: string, rateDescription: string) {
  return {
    churned_customers: metric('Churned customers', churnedDescription, {
      type: 'simple',
      measure: 'churned_count',
      synonyms: { en: ['churned', 'churners', 'lost customers', 'customers who left'] },
      format: 'count',
      lower_is_better: true,
      certified: true,
    }),
    churn_rate: metric('Churn rate', rateDescription, {
      type: 'ratio',
      numerator: 'churned_customers',
      denominator,
      synonyms: { en: ['churn', 'attrition', 'attrition rate', 'churn %'] },
      format: 'percent',
      lower_is_better: true,
      certified: true,
    }),
    retention_rate: metric('Retention rate', '1 − churn rate', {
      type: 'derived',
      expr: '1 - {churn_rate}',
      synonyms: { en: ['retention'] },
      format: 'percent',
    }),
  };
}

/** The files of a plan. */
export function scaffoldFiles(plan: ScaffoldPlan, opts: WriteOptions): ScaffoldFiles {
  return plan.shape === 'event_log' ? logFiles(plan, opts) : customerTableFiles(plan, opts);
}

function modelYaml(plan: ScaffoldPlan, opts: WriteOptions, asOf: unknown, defaultMetric: string): string {
  return yaml(
    `Scaffolded by \`npm run model -- init\`: ${opts.description}. Check it, then edit (MODELING.md).`,
    {
      id: plan.id,
      label: { en: plan.label },
      description: { en: opts.description },
      timezone: 'UTC',
      currency: opts.currency,
      as_of: asOf,
      default_metric: defaultMetric,
    },
  );
}

function attributeColumn(a: AttributePlan, clean: boolean): Record<string, unknown> {
  const col: Record<string, unknown> = { column: a.column, type: a.type };
  if (a.format && a.type === 'DATE') col.format = a.format;
  if (clean && a.variants.length) col.map = variantMap(a.variants);
  return col;
}

function customerTableFiles(plan: ScaffoldPlan, opts: WriteOptions): ScaffoldFiles {
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

  const dimensions: Record<string, unknown> = {};
  for (const a of kept) {
    const common = {
      source: 'customer_attributes',
      sql: a.name,
      label: { en: a.label },
      description: { en: `${a.column} (from the data)` },
      owner: OWNER,
    };
    if (a.role === 'categorical')
      dimensions[a.name] = {
        type: 'categorical',
        ...common,
        values: Object.fromEntries((a.values ?? []).map((v) => [v, { label: { en: v } }])),
      };
    else if (a.role === 'boolean') dimensions[a.name] = { type: 'boolean', ...common };
    else if (a.role === 'band' && a.bands)
      dimensions[`${a.name}_band`] = {
        type: 'numeric_band',
        ...common,
        label: { en: `${a.label} band` },
        synonyms: { en: [a.label.toLowerCase()] },
        bands: a.bands,
        values: Object.fromEntries(a.bands.map((b) => [b.value, { label: { en: b.value } }])),
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

function logFiles(plan: ScaffoldPlan, opts: WriteOptions): ScaffoldFiles {
  const churn = plan.churn?.kind === 'inactivity' ? plan.churn : undefined;
  const key = `log.${ident(plan.key)}`;
  const dateExpr = churn
    ? churn.format
      ? `strptime(trim(${ident(churn.column)}::VARCHAR), '${churn.format}')`
      : `${ident(churn.column)}::TIMESTAMP`
    : undefined;
  const sources: Record<string, unknown> = { log: { file: opts.sourceFile } };
  const customerColumns: Record<string, unknown> = { customer_id: plan.key };
  if (dateExpr) {
    sources.first_seen = {
      sql: `SELECT ${ident(plan.key)}, min(${dateExpr})::DATE AS first_date FROM log GROUP BY 1`,
    };
    customerColumns.signup_date = 'first_date';
  }
  const tables: Record<string, unknown> = {
    customers: { from: dateExpr ? 'first_seen' : 'log', columns: customerColumns },
  };
  if (churn) {
    tables.orders = {
      from: 'log',
      columns: {
        order_id: {
          expr: `${key} || '-' || row_number() OVER (PARTITION BY ${key} ORDER BY log.__row)`,
        },
        customer_id: plan.key,
        order_ts: churn.format ? { column: churn.column, format: churn.format } : churn.column,
        amount: churn.amount ? churn.amount : { const: 0 },
        status: { const: 'completed' },
      },
    };
  }
  const mapping = yaml(
    `Loads the log ${opts.sourceFile}: customers (first row = signup) and one order per row.`,
    {
      model: plan.id,
      description: opts.description,
      ...(churn ? { as_of: plan.asOf } : {}),
      sources,
      tables,
    },
  );

  const money = !!churn?.amount;
  const sourcesYaml: Record<string, unknown> = {
    customers: {
      table: 'customers',
      primary_key: ['customer_id'],
      measures: {
        customer_count: { agg: 'count_distinct', sql: 'customer_id' },
        ...(dateExpr
          ? { new_customer_count: { agg: 'count_distinct', sql: 'customer_id', time: 'signup_date' } }
          : {}),
      },
    },
  };
  const metrics: Record<string, unknown> = {
    customers: customersMetric(),
  };
  const dimensions: Record<string, unknown> = {};
  if (churn) {
    sourcesYaml.customer_spells = {
      table: 'customer_spells',
      primary_key: ['customer_id', 'spell_no'],
      time: 'churn_date',
      validity: { from: 'spell_start', to: 'churn_date', entity: 'customer_id' },
      joins: [{ to: 'customers', on: { customer_id: 'customer_id' }, relationship: 'many_to_one' }],
      measures: {
        active_count: { agg: 'count_distinct', sql: 'customer_id', at: 'period_start' },
        churned_count: {
          agg: 'count_distinct',
          sql: 'customer_id',
          at: 'period_start',
          ending_in_period: true,
        },
        ...(money
          ? {
              lost_revenue_sum: {
                agg: 'sum',
                sql: 'trailing_revenue',
                at: 'period_start',
                ending_in_period: true,
              },
            }
          : {}),
      },
    };
    sourcesYaml.orders = {
      table: 'orders',
      primary_key: ['order_id'],
      time: 'order_ts',
      joins: [{ to: 'customers', on: { customer_id: 'customer_id' }, relationship: 'many_to_one' }],
      measures: {
        order_count: { agg: 'count', sql: 'order_id' },
        buyer_count: { agg: 'count_distinct', sql: 'customer_id' },
        ...(money ? { revenue_sum: { agg: 'sum', sql: 'amount' } } : {}),
      },
    };
    const window = `${churn.windowDays} days`;
    Object.assign(metrics, {
      new_customers: metric('New customers', 'Customers whose first row falls in the period', {
        type: 'simple',
        measure: 'new_customer_count',
        synonyms: { en: ['new customer count', 'acquired customers'] },
        format: 'count',
      }),
      active_customers: metric(
        'Active customers',
        `Customers with a row in the ${window} before the period start`,
        {
          type: 'simple',
          measure: 'active_count',
          synonyms: { en: ['active customer count', 'active at start'] },
          format: 'count',
          certified: true,
        },
      ),
      ...churnMetrics(
        'active_customers',
        `Active customers whose last row was ${window} old during the period`,
        'Churned customers ÷ customers active at the period start',
      ),
      orders: metric('Orders', 'Rows of the log (one order each)', {
        type: 'simple',
        measure: 'order_count',
        synonyms: { en: ['order count', 'purchases', 'transactions'] },
        format: 'count',
      }),
      buyers: metric('Buyers', 'Customers with a row in the period', {
        type: 'simple',
        measure: 'buyer_count',
        synonyms: { en: ['purchasing customers'] },
        format: 'count',
      }),
    });
    if (money)
      Object.assign(metrics, {
        revenue: metric('Revenue', `Sum of ${churn.amount}`, {
          type: 'simple',
          measure: 'revenue_sum',
          synonyms: { en: ['sales', 'total sales'] },
          format: 'currency',
        }),
        lost_revenue: metric('Lost revenue', 'Revenue of the churned customers in their last year', {
          type: 'simple',
          measure: 'lost_revenue_sum',
          format: 'currency',
          lower_is_better: true,
        }),
      });
    Object.assign(dimensions, {
      order_date: {
        type: 'time',
        source: 'orders',
        sql: 'order_ts',
        label: { en: 'Order date' },
        description: { en: `${churn.column} (from the data)` },
        grains: ['day', 'week', 'month', 'quarter', 'year'],
      },
      signup_date: {
        type: 'time',
        source: 'customers',
        sql: 'signup_date',
        label: { en: 'Signup date' },
        synonyms: { en: ['first purchase date', 'acquisition date'] },
        description: { en: 'Date of the first row of the customer' },
        grains: ['month', 'quarter', 'year'],
      },
      churn_date: {
        type: 'time',
        source: 'customer_spells',
        sql: 'churn_date',
        label: { en: 'Churn date' },
        description: { en: `Last row + ${window}` },
        grains: ['month', 'quarter', 'year'],
      },
    });
  }
  const definitions: Record<string, string> = {
    'model.yaml': modelYaml(
      plan,
      opts,
      churn ? { after_max: { table: 'orders', column: 'order_ts' } } : plan.asOf,
      churn ? 'churn_rate' : 'customers',
    ),
    'sources.yaml': yaml('Sources: canonical tables and the spells derived from churn.yaml.', {
      sources: sourcesYaml,
    }),
    'dimensions.yaml': yaml('Time dimensions of the log (a log has no per-customer categories).', {
      dimensions,
    }),
    'metrics.yaml': yaml('Base metrics: customers, inactivity churn, orders and revenue.', { metrics }),
  };
  if (churn)
    definitions['churn.yaml'] = yaml(`Inactivity churn: no row for ${churn.windowDays} days.`, {
      churn: {
        type: 'inactivity',
        activity: {
          table: 'orders',
          customer: 'customer_id',
          time: 'order_ts',
          ...(money ? { amount: 'amount' } : {}),
        },
        window_days: churn.windowDays,
      },
    });
  return { definitions, mapping };
}
