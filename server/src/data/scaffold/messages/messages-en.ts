/** English notes of what the scaffold guessed (CLI output, the web upload's proposal); keys are the message ids. */
export const EN = {
  key_customer_table: 'customer key: {key} (unique on all {rows} rows: one row per customer)',
  key_event_log: 'customer key: {key} ({customers} customers over {rows} rows: a log of events)',
  churn_label: 'churn: label column {column} (values {values}; true = churned)',
  churn_contract: 'churn: contract — a customer churned on {column} when it is filled',
  churn_none: 'churn: none found (no 0/1 churn column, no cancellation date): only counts and sums',
  churn_inactivity:
    'churn: inactivity — no row in {column} for {days} days{gaps}; change window_days in churn.yaml',
  churn_inactivity_gaps: ' (80% of repeat rows come within {days} days)',
  churn_log_undated: 'churn: a log without dates — no churn definition',
  churn_reasons: 'churn reasons: {column} (the reasons analysis reads it: churn.yaml reasons.label_column)',
  variants_cleaned:
    '{column}: {variants} look like variants of "{into}" — cleaned into it (map: in the ingest mapping)',
  variants_kept:
    '{column}: {variants} look like variants of "{into}" — kept apart; run with --clean to merge them',
  not_dimension: '{column}: {distinct} distinct texts — not a dimension (an id or free text?)',
} as const;

export type ScaffoldMessageId = keyof typeof EN;
