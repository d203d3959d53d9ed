/**
 * The files of a dated log with several rows per customer: customers from the first row, one order per row,
 * inactivity churn over spells, orders, buyers and (with an amount column) revenue and lost revenue.
 */
import { ident } from '../ingest/sql-text.ts';
import { churnMetrics, customersMetric, metric, modelYaml, yaml } from './definition-parts.ts';
import type { ScaffoldPlan } from './guess-model.ts';
import type { ScaffoldFiles, WriteOptions } from './model-files.ts';

export function logFiles(plan: ScaffoldPlan, opts: WriteOptions): ScaffoldFiles {
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
