/**
 * Reads a table a user brings (CSV, Parquet, or a table of a DuckDB file) and describes each column:
 * its type, how many values are distinct or missing, the most frequent values, quantiles of numbers,
 * and whether text or integers are dates. `guess-model.ts` decides from this what the model should be.
 */
import { extname } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { ident, literal } from '../ingest/sql-text.ts';

export interface ColumnProfile {
  name: string;
  /** DuckDB type as read (`BIGINT`, `DOUBLE`, `VARCHAR`, `DATE`…). */
  type: string;
  nonNull: number;
  distinct: number;
  /** Most frequent values (as text) with their counts, when there are at most 60 distinct values. */
  top: Array<{ value: string; count: number }>;
  numeric: boolean;
  integer: boolean;
  min?: number;
  max?: number;
  /** 25th, 50th and 75th percentiles of numbers. */
  quartiles?: [number, number, number];
  /** A strptime format that parses every non-blank text or integer value as a date, when one does. */
  dateFormat?: string;
  /** The column is a date or timestamp type already. */
  temporal: boolean;
}

export interface TableProfile {
  /** Where it came from: the file, and the table inside a DuckDB file. */
  file: string;
  table?: string;
  kind: 'csv' | 'parquet' | 'duckdb';
  rows: number;
  columns: ColumnProfile[];
}

const DATE_FORMATS = [
  '%Y-%m-%d',
  '%Y%m%d',
  '%Y/%m/%d',
  '%d/%m/%Y',
  '%m/%d/%Y',
  '%d.%m.%Y',
  '%Y-%m-%d %H:%M:%S',
];
const TOP_LIMIT = 60;

export function sourceKind(file: string): TableProfile['kind'] {
  const ext = extname(file).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.duckdb' || ext === '.db') return 'duckdb';
  return 'csv';
}

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** The relation to read: a file function, or the chosen table of an attached DuckDB file. */
async function relationOf(
  con: DuckDBConnection,
  file: string,
  kind: TableProfile['kind'],
  table: string | undefined,
): Promise<{ rel: string; table?: string }> {
  if (kind === 'csv') return { rel: `read_csv_auto(${literal(file)})` };
  if (kind === 'parquet') return { rel: `read_parquet(${literal(file)})` };
  await con.run(`ATTACH ${literal(file)} AS src (READ_ONLY)`);
  const tables = await rows(
    con,
    `SELECT table_name AS name, estimated_size AS size FROM duckdb_tables() WHERE database_name = 'src' ORDER BY estimated_size DESC, table_name`,
  );
  const names = tables.map((t) => String(t.name));
  const chosen = table ?? names[0];
  if (!chosen || !names.includes(chosen))
    throw new Error(
      table
        ? `table ${table} is not in ${file}; its tables: ${names.join(', ') || 'none'}`
        : `${file} has no table`,
    );
  return { rel: `src.${ident(chosen)}`, table: chosen };
}

/** Profiles one table; the source is opened read-only in an in-memory DuckDB. */
export async function profileTable(file: string, opts: { table?: string } = {}): Promise<TableProfile> {
  const kind = sourceKind(file);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const { rel, table } = await relationOf(con, file, kind, opts.table);
    await con.run(`CREATE TEMP TABLE t AS SELECT * FROM ${rel}`);
    const described = await rows(con, 'DESCRIBE t');
    const [{ n }] = (await rows(con, 'SELECT count(*) AS n FROM t')) as [{ n: string }];
    const columns: ColumnProfile[] = [];
    for (const d of described)
      columns.push(await profileColumn(con, String(d.column_name), String(d.column_type)));
    return { file, table, kind, rows: Number(n), columns };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/;

async function profileColumn(con: DuckDBConnection, name: string, declared: string): Promise<ColumnProfile> {
  const raw = ident(name);
  // Numbers with blanks load as text (IBM Telco's TotalCharges): read them as numbers.
  const numericText = declared === 'VARCHAR' && (await allNumbers(con, raw));
  const type = numericText ? 'DOUBLE' : declared;
  const c = numericText ? `try_cast(nullif(trim(${raw}), '') AS DOUBLE)` : raw;
  const numeric = NUMERIC.test(type);
  const temporal = /^(DATE|TIMESTAMP.*)$/.test(type);
  const [stats] = await rows(
    con,
    `SELECT count(${c}) AS non_null, count(DISTINCT ${c}) AS distinct_count
       ${numeric ? `, min(${c})::DOUBLE AS min, max(${c})::DOUBLE AS max, quantile_cont(${c}, [0.25, 0.5, 0.75])::DOUBLE[] AS q` : ''}
     FROM t`,
  );
  const distinct = Number(stats!.distinct_count);
  const profile: ColumnProfile = {
    name,
    type,
    nonNull: Number(stats!.non_null),
    distinct,
    top: [],
    numeric,
    integer: INTEGER.test(type),
    temporal,
  };
  if (numeric && stats!.min !== null) {
    profile.min = Number(stats!.min);
    profile.max = Number(stats!.max);
    const q = stats!.q as number[];
    profile.quartiles = [Number(q[0]), Number(q[1]), Number(q[2])];
  }
  if (distinct <= TOP_LIMIT) {
    profile.top = (
      await rows(
        con,
        `SELECT ${c}::VARCHAR AS value, count(*) AS n FROM t WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
      )
    ).map((r) => ({ value: String(r.value), count: Number(r.n) }));
  }
  if (!temporal && (type === 'VARCHAR' || profile.integer))
    profile.dateFormat = await dateFormatOf(con, c, type);
  return profile;
}

/** Whether every non-blank text of a column reads as a number (and some are not blank). */
async function allNumbers(con: DuckDBConnection, c: string): Promise<boolean> {
  const [r] = await rows(
    con,
    `SELECT count(nullif(trim(${c}), '')) AS filled, count(try_cast(nullif(trim(${c}), '') AS DOUBLE)) AS numbers FROM t`,
  );
  return Number(r!.filled) > 0 && Number(r!.filled) === Number(r!.numbers);
}

/** The first format that parses every non-blank value into a plausible date (1900..2100). */
async function dateFormatOf(con: DuckDBConnection, c: string, type: string): Promise<string | undefined> {
  for (const format of type === 'VARCHAR' ? DATE_FORMATS : ['%Y%m%d']) {
    const [r] = await rows(
      con,
      `SELECT count(*) FILTER (WHERE trim(${c}::VARCHAR) <> '') AS filled,
              count(*) FILTER (WHERE year(try_strptime(trim(${c}::VARCHAR), ${literal(format)})) BETWEEN 1900 AND 2100) AS parsed
       FROM t`,
    );
    if (Number(r!.filled) > 0 && Number(r!.parsed) === Number(r!.filled)) return format;
  }
  return undefined;
}

/**
 * For a log: the latest date and the 80th percentile of the gap in days between a customer's
 * consecutive dated rows (what the inactivity window is guessed from).
 */
export async function measureLog(
  profile: TableProfile,
  key: string,
  column: string,
  format: string | undefined,
): Promise<{ maxDate?: string; gapP80?: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const { rel } = await relationOf(con, profile.file, profile.kind, profile.table);
    const day = format
      ? `try_strptime(trim(${ident(column)}::VARCHAR), ${literal(format)})::DATE`
      : `${ident(column)}::DATE`;
    const [r] = await rows(
      con,
      `WITH d AS (SELECT DISTINCT ${ident(key)} AS k, ${day} AS day FROM ${rel} WHERE ${day} IS NOT NULL),
            g AS (SELECT day - lag(day) OVER (PARTITION BY k ORDER BY day) AS gap FROM d)
       SELECT (SELECT max(day)::VARCHAR FROM d) AS max_date, quantile_cont(gap, 0.8)::DOUBLE AS p80 FROM g`,
    );
    return {
      maxDate: r?.max_date ? String(r.max_date) : undefined,
      gapP80: r?.p80 === null || r?.p80 === undefined ? undefined : Number(r.p80),
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/** Copies a DuckDB table to Parquet so an ingest mapping can read it (mappings read files). */
export async function exportTable(profile: TableProfile, target: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const { rel } = await relationOf(con, profile.file, profile.kind, profile.table);
    await con.run(`COPY (SELECT * FROM ${rel}) TO ${literal(target)} (FORMAT parquet)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
