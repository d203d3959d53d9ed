/**
 * The ingest mapping file (YAML): which sources to read and how each canonical table is filled
 * from them. Zod checks the shape here; `mapping-load.ts` checks meaning against the canonical model.
 *
 * @example
 * model: cdnow
 * sources:
 *   elog: { file: ${CHATBI_SHARED_DATA}/cdnow_transactions/cdnowElog.csv }
 * tables:
 *   orders:
 *     from: elog
 *     columns:
 *       customer_id: masterid
 *       order_ts: { column: date, format: '%Y%m%d' }
 *       status: { const: completed }
 */
import { z } from 'zod';

const CANONICAL_TYPES = ['VARCHAR', 'INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP'] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const fileSource = z.strictObject({
  /** Path relative to the mapping file. */
  file: z.string().min(1),
  format: z.enum(['csv', 'parquet', 'json']).optional(),
  /** CSV only: field delimiter when the sniffer should not guess. */
  delimiter: z.string().min(1).max(2).optional(),
  header: z.boolean().optional(),
});

const postgresSource = z.strictObject({
  postgres: z.union([
    z.strictObject({ table: z.string().min(1) }),
    z.strictObject({ query: z.string().min(1) }),
  ]),
  /** Connection URL; else the `url_env` variable; else `--source-url`. */
  url: z.string().optional(),
  url_env: z.string().optional(),
});

/** A DuckDB query over other sources of the same mapping (aggregates, unions). */
const sqlSource = z.strictObject({ sql: z.string().min(1) });

export const sourceSpecSchema = z.union([fileSource, postgresSource, sqlSource]);

const columnObject = z
  .strictObject({
    /** Source column; `alias.column` picks a joined source. */
    column: z.string().min(1).optional(),
    /** DuckDB SQL expression over the source aliases (for what a column reference cannot say). */
    expr: z.string().min(1).optional(),
    const: scalar.nullable().optional(),
    /** Target type; required for `customer_attributes`, defaults to the canonical type. */
    type: z.enum(CANONICAL_TYPES).optional(),
    /** Source label → stored value; compared after trimming. */
    map: z.record(z.string(), scalar.nullable()).optional(),
    /** What an unmapped label becomes: kept as is (then checked) or NULL. */
    unmapped: z.enum(['keep', 'null']).optional(),
    /**
     * strptime format for DATE/TIMESTAMP text such as `%Y%m%d`; a list when a column mixes formats
     * (`["%Y-%m-%d", "%d/%m/%Y"]`): the first that reads a value wins.
     */
    format: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    required: z.boolean().optional(),
    values: z.array(z.string()).min(1).optional(),
    range: z.tuple([z.number(), z.number()]).optional(),
    description: z.string().optional(),
  })
  .refine(
    (c) => [c.column, c.expr, c.const].filter((x) => x !== undefined).length === 1,
    'give exactly one of column, expr, const',
  );

export const columnSpecSchema = z.union([z.string().min(1), columnObject]);

const joinSpec = z.strictObject({
  source: z.string().min(1),
  /** `[left column, right column]`, or one name present on both sides. */
  on: z.union([z.string().min(1), z.tuple([z.string().min(1), z.string().min(1)])]),
  type: z.enum(['left', 'inner']).optional(),
});

const checkSpec = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use snake_case'),
  kind: z.enum(['contradictory', 'broken_activity']),
  /** SQL condition over the loaded target table that marks a bad row. */
  where: z.string().min(1),
  description: z.string().optional(),
});

export const tableSpecSchema = z.strictObject({
  from: z.string().min(1),
  join: z.array(joinSpec).optional(),
  /** Target key for de-duplication and append; defaults to the canonical primary key. */
  key: z.array(z.string().min(1)).min(1).optional(),
  columns: z.record(z.string(), columnSpecSchema),
  checks: z.array(checkSpec).optional(),
});

export const mappingSchema = z.strictObject({
  model: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'use a lower-case model name'),
  description: z.string().optional(),
  /** The data's as-of date: activity after it is reported as in the future (default: now). */
  as_of: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, 'use YYYY-MM-DD')
    .optional(),
  sources: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use a plain identifier'), sourceSpecSchema),
  tables: z.record(z.string(), tableSpecSchema),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type SourceSpec = z.infer<typeof sourceSpecSchema>;
export type TableSpec = z.infer<typeof tableSpecSchema>;
export type ColumnSpec = z.infer<typeof columnSpecSchema>;
export type ColumnObject = z.infer<typeof columnObject>;
export type CheckSpec = z.infer<typeof checkSpec>;
export type JoinSpec = z.infer<typeof joinSpec>;

/** Normalises the `column: name` shorthand to the object form. */
export function columnObjectOf(spec: ColumnSpec): ColumnObject {
  return typeof spec === 'string' ? { column: spec } : spec;
}
