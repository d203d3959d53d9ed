/**
 * The canonical churn data model (DOMAIN.md §2): what the demo generator and every ingest produce,
 * and what the semantic layer's sources read. One definition, used to create tables in DuckDB,
 * to validate ingest mappings and to document the model (`describeCanonicalModel`).
 *
 * Source-specific customer attributes that the canonical model has no column for (a telco's
 * contract, payment method, churn category…) go to one extension table, `customer_attributes`
 * (customer_id + typed columns declared by the ingest mapping); semantic models may read it.
 *
 * Conventions: ids are VARCHAR (CRM ids are rarely numeric end to end); timestamps are
 * TIMESTAMP in the business's local time (the model's time zone says which); money is DOUBLE
 * in the model's currency; enumerations are lower-case codes, labels live in the semantic layer.
 */

export type CanonicalType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';

export interface CanonicalColumn {
  name: string;
  type: CanonicalType;
  /** Required columns must be present in every row; a row without one is rejected. */
  required?: boolean;
  /** Allowed values for enumerations; anything else is rejected at ingest. */
  values?: readonly string[];
  /** Inclusive numeric range checked at ingest. */
  range?: readonly [number, number];
  description: string;
}

export interface CanonicalTable {
  name: CanonicalTableName;
  grain: string;
  primaryKey: readonly string[];
  /** Foreign keys: column → table whose primary key it references (orphans are reported). */
  references?: Readonly<Record<string, CanonicalTableName>>;
  optional?: boolean;
  columns: readonly CanonicalColumn[];
}

export const REASON_CODES = [
  'product_quality',
  'price',
  'service',
  'logistics',
  'competitor',
  'billing',
  'technical',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const CANONICAL_TABLE_NAMES = [
  'customers',
  'orders',
  'interactions',
  'tickets',
  'campaign_touches',
  'feedback',
  'communications',
  'subscriptions',
] as const;
export type CanonicalTableName = (typeof CANONICAL_TABLE_NAMES)[number];

const customerId: CanonicalColumn = {
  name: 'customer_id',
  type: 'VARCHAR',
  required: true,
  description: 'the customer this row belongs to',
};

export const CANONICAL_TABLES: readonly CanonicalTable[] = [
  {
    name: 'customers',
    grain: 'one row per customer',
    primaryKey: ['customer_id'],
    columns: [
      { ...customerId, description: 'stable customer id from the CRM' },
      { name: 'name', type: 'VARCHAR', description: 'display name (may be masked)' },
      { name: 'gender', type: 'VARCHAR', values: ['female', 'male', 'unknown'], description: 'gender' },
      { name: 'birth_year', type: 'INTEGER', range: [1900, 2030], description: 'year of birth' },
      {
        name: 'region',
        type: 'VARCHAR',
        description: 'sales region (华东, 华南, …; or a state for US data)',
      },
      { name: 'city', type: 'VARCHAR', description: 'city' },
      { name: 'acquisition_channel', type: 'VARCHAR', description: 'how the customer was acquired' },
      { name: 'signup_date', type: 'DATE', description: 'date the customer was acquired' },
      { name: 'customer_type', type: 'VARCHAR', values: ['B2C', 'B2B'], description: 'consumer or business' },
      { name: 'industry', type: 'VARCHAR', description: 'industry, for B2B customers' },
      {
        name: 'churn_label',
        type: 'BOOLEAN',
        description: 'label churn for snapshot data (e.g. IBM Telco); NULL where churn is derived',
      },
    ],
  },
  {
    name: 'orders',
    grain: 'one row per order',
    primaryKey: ['order_id'],
    references: { customer_id: 'customers' },
    columns: [
      { name: 'order_id', type: 'VARCHAR', required: true, description: 'order id' },
      customerId,
      { name: 'order_ts', type: 'TIMESTAMP', required: true, description: 'when the order was placed' },
      { name: 'amount', type: 'DOUBLE', required: true, description: 'net amount paid (after discount)' },
      { name: 'discount_amount', type: 'DOUBLE', description: 'discount or coupon value applied' },
      { name: 'category', type: 'VARCHAR', description: 'main product category of the order' },
      {
        name: 'sales_channel',
        type: 'VARCHAR',
        values: ['online', 'store', 'app'],
        description: 'where it was sold',
      },
      {
        name: 'status',
        type: 'VARCHAR',
        required: true,
        values: ['completed', 'refunded', 'cancelled'],
        description: 'only completed orders count as activity and revenue',
      },
      { name: 'delivery_days', type: 'DOUBLE', range: [0, 365], description: 'days from order to delivery' },
    ],
  },
  {
    name: 'interactions',
    grain: 'one row per touch',
    primaryKey: ['interaction_id'],
    references: { customer_id: 'customers' },
    columns: [
      { name: 'interaction_id', type: 'VARCHAR', required: true, description: 'interaction id' },
      customerId,
      { name: 'ts', type: 'TIMESTAMP', required: true, description: 'when it happened' },
      {
        name: 'type',
        type: 'VARCHAR',
        values: ['login', 'visit', 'call', 'email', 'chat', 'social'],
        description: 'kind of touch',
      },
      { name: 'direction', type: 'VARCHAR', values: ['inbound', 'outbound'], description: 'who initiated' },
    ],
  },
  {
    name: 'tickets',
    grain: 'one row per service request',
    primaryKey: ['ticket_id'],
    references: { customer_id: 'customers' },
    columns: [
      { name: 'ticket_id', type: 'VARCHAR', required: true, description: 'ticket id' },
      customerId,
      { name: 'created_ts', type: 'TIMESTAMP', required: true, description: 'when it was opened' },
      { name: 'resolved_ts', type: 'TIMESTAMP', description: 'when it was resolved; NULL while open' },
      { name: 'category', type: 'VARCHAR', values: REASON_CODES, description: 'reason taxonomy code' },
      {
        name: 'priority',
        type: 'VARCHAR',
        values: ['low', 'normal', 'high', 'urgent'],
        description: 'priority',
      },
      { name: 'first_contact_resolved', type: 'BOOLEAN', description: 'resolved at first contact' },
      { name: 'reopened_count', type: 'INTEGER', range: [0, 100], description: 'times reopened' },
      { name: 'satisfaction', type: 'INTEGER', range: [1, 5], description: 'post-ticket satisfaction 1-5' },
      { name: 'text', type: 'VARCHAR', description: 'what the customer wrote' },
    ],
  },
  {
    name: 'campaign_touches',
    grain: 'one row per customer per campaign',
    primaryKey: ['campaign_id', 'customer_id'],
    references: { customer_id: 'customers' },
    columns: [
      { name: 'campaign_id', type: 'VARCHAR', required: true, description: 'campaign id' },
      customerId,
      { name: 'campaign_name', type: 'VARCHAR', description: 'campaign name' },
      {
        name: 'channel',
        type: 'VARCHAR',
        values: ['email', 'sms', 'wecom', 'app_push', 'call'],
        description: 'channel',
      },
      { name: 'sent_ts', type: 'TIMESTAMP', required: true, description: 'when it was sent' },
      { name: 'opened', type: 'BOOLEAN', description: 'opened' },
      { name: 'responded', type: 'BOOLEAN', description: 'clicked or replied' },
      { name: 'converted', type: 'BOOLEAN', description: 'ordered because of it' },
      { name: 'coupon_used', type: 'BOOLEAN', description: 'redeemed the campaign coupon' },
      { name: 'is_control', type: 'BOOLEAN', description: 'held out as control (not actually sent)' },
    ],
  },
  {
    name: 'feedback',
    grain: 'one row per survey answer or review',
    primaryKey: ['feedback_id'],
    references: { customer_id: 'customers' },
    columns: [
      { name: 'feedback_id', type: 'VARCHAR', required: true, description: 'feedback id' },
      customerId,
      { name: 'ts', type: 'TIMESTAMP', required: true, description: 'when it was given' },
      {
        name: 'source',
        type: 'VARCHAR',
        values: ['survey', 'review', 'ticket', 'social'],
        description: 'where it came from',
      },
      { name: 'nps', type: 'INTEGER', range: [0, 10], description: 'likelihood to recommend 0-10' },
      { name: 'csat', type: 'INTEGER', range: [1, 5], description: 'satisfaction 1-5' },
      { name: 'text', type: 'VARCHAR', description: 'verbatim' },
      { name: 'language', type: 'VARCHAR', values: ['zh', 'en'], description: 'language of the text' },
      {
        name: 'topic',
        type: 'VARCHAR',
        values: REASON_CODES,
        description: 'reason taxonomy code (classified)',
      },
      {
        name: 'sentiment',
        type: 'VARCHAR',
        values: ['positive', 'neutral', 'negative'],
        description: 'sentiment (classified)',
      },
    ],
  },
  {
    name: 'communications',
    grain: 'one row per outbound message the product sends',
    primaryKey: ['message_id'],
    references: { customer_id: 'customers' },
    columns: [
      { name: 'message_id', type: 'VARCHAR', required: true, description: 'message id' },
      customerId,
      {
        name: 'channel',
        type: 'VARCHAR',
        values: ['email', 'sms', 'wecom', 'call_task'],
        description: 'channel',
      },
      { name: 'template', type: 'VARCHAR', description: 'message template id' },
      { name: 'action_id', type: 'VARCHAR', description: 'playbook action that triggered it' },
      { name: 'campaign_id', type: 'VARCHAR', description: 'retention campaign it belongs to' },
      { name: 'sent_ts', type: 'TIMESTAMP', required: true, description: 'when it was sent' },
      {
        name: 'status',
        type: 'VARCHAR',
        values: ['queued', 'sent', 'delivered', 'failed', 'held_out'],
        description: 'delivery status; held_out = control group',
      },
      {
        name: 'outcome',
        type: 'VARCHAR',
        values: ['none', 'opened', 'responded', 'returned', 'saved'],
        description: 'what followed',
      },
    ],
  },
  {
    name: 'subscriptions',
    grain: 'one row per contract',
    primaryKey: ['customer_id', 'plan', 'start_date'],
    references: { customer_id: 'customers' },
    optional: true,
    columns: [
      customerId,
      { name: 'plan', type: 'VARCHAR', required: true, description: 'plan or contract type' },
      { name: 'start_date', type: 'DATE', required: true, description: 'contract start' },
      { name: 'end_date', type: 'DATE', description: 'contract end (term)' },
      { name: 'canceled_date', type: 'DATE', description: 'date the customer cancelled' },
      { name: 'mrr', type: 'DOUBLE', description: 'monthly recurring revenue' },
    ],
  },
];

/** Looks up a canonical table by name; throws for names outside the model (a bug, not user input). */
export function canonicalTable(name: CanonicalTableName): CanonicalTable {
  const table = CANONICAL_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown canonical table ${name}`);
  return table;
}

/** `CREATE TABLE` statement for one canonical table (DuckDB and PostgreSQL accept the same text). */
export function createTableSql(table: CanonicalTable, ifNotExists = true): string {
  const cols = table.columns.map((c) => `  ${c.name} ${c.type}`);
  return `CREATE ${ifNotExists ? 'TABLE IF NOT EXISTS' : 'OR REPLACE TABLE'} ${table.name} (\n${cols.join(',\n')}\n)`;
}
