/**
 * Loads one planned table: stages the mapped rows in SQL, reports rejects (with source line
 * numbers, also written to a CSV file) and duplicate keys, then inserts the good rows, keeping the
 * first record of each key and, in append mode, only keys the table does not have yet.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type CanonicalTableName, canonicalTable, createTableSql } from '../../canonical/canonical-schema.ts';
import { countLines, recordLines } from './csv-lines.ts';
import { ATTRIBUTES_TABLE } from './mapping-load.ts';
import { type ProgressListener, runWithProgress } from './progress.ts';
import type { PositionKind, RejectedRow, TableReport } from './report.ts';
import { ident, literal, slug } from './sql-text.ts';
import type { TablePlan } from './table-plan.ts';
import { labelVariants, unexpectedValues } from './value-findings.ts';

const REPORTED_REJECTS = 1000;
const REPORTED_DUPLICATES = 20;
const NUMERIC = new Set(['INTEGER', 'BIGINT', 'DOUBLE']);

export interface LoadOptions {
  mode: 'replace' | 'append';
  /** Folder for `<table>.csv` reject files; none written when undefined. */
  rejectsDir?: string;
  onProgress?: ProgressListener;
}

type LoadResult = Omit<TableReport, 'tableRows' | 'nulls' | 'dateRanges' | 'findings'>;

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

function attributesDdl(plan: TablePlan): string {
  const cols = plan.columns.map((c) => `  ${ident(c.name)} ${c.type}`);
  return `(\n${cols.join(',\n')}\n)`;
}

/** Creates (replace) or ensures (append) the target table with the columns this mapping writes. */
async function prepareTarget(
  con: DuckDBConnection,
  plan: TablePlan,
  mode: LoadOptions['mode'],
): Promise<void> {
  if (plan.table !== ATTRIBUTES_TABLE) {
    await con.run(createTableSql(canonicalTable(plan.table as CanonicalTableName), mode === 'append'));
    return;
  }
  const target = ident(ATTRIBUTES_TABLE);
  if (mode === 'replace') {
    await con.run(`CREATE OR REPLACE TABLE ${target} ${attributesDdl(plan)}`);
    return;
  }
  await con.run(`CREATE TABLE IF NOT EXISTS ${target} ${attributesDdl(plan)}`);
  for (const c of plan.columns)
    await con.run(`ALTER TABLE ${target} ADD COLUMN IF NOT EXISTS ${ident(c.name)} ${c.type}`);
}

interface Positions {
  /** SQL for the position of staged row `s`, with `join` added to its FROM. */
  expr: string;
  join: string;
  /** When positions are `__row + offset`, no join is needed. */
  offset?: number;
  malformed: { line: number; reason: string }[];
}

/**
 * SQL for the source position of a staged row. CSV rows get their file line; where the file is
 * irregular (blank lines, multi-line fields, malformed rows) only the rows the report names are
 * located by scanning the file.
 */
async function positionSql(con: DuckDBConnection, plan: TablePlan, stage: string): Promise<Positions> {
  const src = plan.main;
  const malformed = src.malformed;
  const plain = { expr: 's.__row', join: '', offset: 0, malformed };
  if (src.kind !== 'csv' || !src.path) return plain;
  const headerLines = src.header ? 1 : 0;
  if (malformed.length === 0 && countLines(src.path) === src.rows + headerLines)
    return { expr: `s.__row + ${headerLines}`, join: '', offset: headerLines, malformed };
  const needed = await rows(
    con,
    `SELECT __row FROM ${stage} WHERE __reason IS NOT NULL
     UNION SELECT unnest(rows) FROM ${stage}_dups`,
  );
  const wanted = new Set(needed.map((r) => Number(r.__row)));
  const lines = recordLines(src.path, wanted, src.header ?? true, new Set(malformed.map((m) => m.line)));
  const posTable = `${stage}_pos`;
  await con.run(`CREATE OR REPLACE TEMP TABLE ${posTable} (row BIGINT, line BIGINT)`);
  const appender = await con.createAppender(posTable, 'main', 'temp');
  for (const [row, line] of lines.ordinals) {
    appender.appendBigInt(BigInt(row));
    appender.appendBigInt(BigInt(line));
    appender.endRow();
  }
  appender.closeSync();
  return {
    expr: 'COALESCE(p.line, s.__row)',
    join: `LEFT JOIN ${posTable} p ON p.row = s.__row`,
    malformed: malformed.map((m) => ({ line: lines.malformed.get(m.line) ?? m.line, reason: m.reason })),
  };
}

/** Loads one table and returns its load figures (quality findings are added afterwards). */
export async function loadTable(
  con: DuckDBConnection,
  plan: TablePlan,
  options: LoadOptions,
): Promise<LoadResult> {
  const started = performance.now();
  const progress = options.onProgress;
  const stage = `__stage_${slug(plan.table)}`;
  const keyCols = plan.key.map(ident);
  const keyTextOf = (prefix: string) =>
    plan.key.length === 1
      ? `CAST(${prefix}${keyCols[0]} AS VARCHAR)`
      : `concat_ws('|', ${keyCols.map((k) => prefix + k).join(', ')})`;
  const keyText = keyTextOf('');

  await runWithProgress(
    con,
    `CREATE OR REPLACE TEMP TABLE ${stage} AS ${plan.stageSql}`,
    progress && ((percent) => progress({ table: plan.table, phase: 'stage', percent })),
  );
  const blankCols = plan.columns.filter((c) => c.fromColumn && !c.required && NUMERIC.has(c.type));
  const [stats] = await rows(
    con,
    `SELECT count(*) AS read, count(__reason) AS rejected
     ${blankCols.map((c, i) => `, count(*) FILTER (WHERE __reason IS NULL AND ${ident(c.name)} IS NULL) AS b${i}`).join('')}
     FROM ${stage}`,
  );
  const rejectedCount = Number(stats!.rejected);
  // Duplicates: group without building lists (cheap on millions of keys), then find the few
  // later rows of duplicated keys with a join against that small table.
  const keyMatch = plan.key.map((k) => `s.${ident(k)} = d.${ident(k)}`).join(' AND ');
  await con.run(
    `CREATE OR REPLACE TEMP TABLE ${stage}_dupkeys AS
     SELECT ${keyCols.join(', ')}, count(*) AS n
     FROM ${stage} WHERE __reason IS NULL GROUP BY ALL HAVING count(*) > 1`,
  );
  const [dupStats] = await rows(con, `SELECT coalesce(sum(n - 1), 0) AS extra FROM ${stage}_dupkeys`);
  const duplicateCount = Number(dupStats!.extra);
  if (duplicateCount > 0)
    await con.run(
      `CREATE OR REPLACE TEMP TABLE ${stage}_dups AS
       SELECT ${keyTextOf('s.')} AS key, min(s.__row) AS first, list(s.__row ORDER BY s.__row) AS rows
       FROM ${stage} s JOIN ${stage}_dupkeys d ON ${keyMatch}
       WHERE s.__reason IS NULL GROUP BY ${keyCols.map((k) => `s.${k}`).join(', ')}`,
    );
  else await con.run(`CREATE OR REPLACE TEMP TABLE ${stage}_dups (key VARCHAR, first BIGINT, rows BIGINT[])`);

  progress?.({ table: plan.table, phase: 'rejects' });
  const positionKind: PositionKind = plan.main.kind === 'csv' ? 'line' : 'record';
  const pos =
    rejectedCount + duplicateCount + plan.main.malformed.length > 0
      ? await positionSql(con, plan, stage)
      : { expr: 's.__row', join: '', offset: 0, malformed: [] };
  const malformed = pos.malformed;
  const rejectsSql = `SELECT ${pos.expr} AS line, ${keyText} AS key, __reason AS reason
      FROM ${stage} s ${pos.join} WHERE __reason IS NOT NULL
    ${malformed.length > 0 ? `UNION ALL SELECT * FROM (VALUES ${malformed.map((m) => `(${m.line}, NULL, ${literal(m.reason)})`).join(', ')})` : ''}`;
  const rejects: RejectedRow[] =
    rejectedCount + malformed.length > 0
      ? (
          await rows(con, `SELECT line, reason FROM (${rejectsSql}) ORDER BY line LIMIT ${REPORTED_REJECTS}`)
        ).map((r) => ({
          line: Number(r.line),
          reason: String(r.reason),
        }))
      : [];
  let rejectsFile: string | undefined;
  if (options.rejectsDir) {
    const file = join(options.rejectsDir, `${plan.table}.csv`);
    rmSync(file, { force: true });
    if (rejects.length > 0) {
      mkdirSync(options.rejectsDir, { recursive: true });
      await con.run(
        `COPY (SELECT * FROM (${rejectsSql}) ORDER BY line) TO ${literal(file)} (HEADER, DELIMITER ',')`,
      );
      rejectsFile = file;
    }
  }
  const duplicateExamples = async () => {
    if (pos.offset !== undefined) {
      const found = await rows(
        con,
        `SELECT key, rows FROM ${stage}_dups ORDER BY first LIMIT ${REPORTED_DUPLICATES}`,
      );
      return found.map((r) => ({
        key: String(r.key),
        lines: (r.rows as unknown[]).map((x) => Number(x) + pos.offset!),
      }));
    }
    const found = await rows(
      con,
      `SELECT key, list(line ORDER BY r) AS lines FROM (
         SELECT d.key, d.r, ${pos.expr} AS line
         FROM (SELECT key, unnest(rows) AS r
               FROM (SELECT key, rows FROM ${stage}_dups ORDER BY first LIMIT ${REPORTED_DUPLICATES})) d
         JOIN ${stage} s ON s.__row = d.r ${pos.join}
       ) GROUP BY key ORDER BY min(r)`,
    );
    return found.map((r) => ({ key: String(r.key), lines: (r.lines as unknown[]).map(Number) }));
  };
  const duplicates = { count: duplicateCount, examples: duplicateCount > 0 ? await duplicateExamples() : [] };

  const unexpected = rejectedCount > 0 ? await unexpectedValues(con, stage, plan.columns) : [];
  const variants = await labelVariants(con, stage, plan.columns, plan.key);

  progress?.({ table: plan.table, phase: 'load' });
  await prepareTarget(con, plan, options.mode);
  const target = ident(plan.table);
  const cols = plan.columns.map((c) => ident(c.name)).join(', ');
  const existing =
    options.mode === 'append'
      ? `AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${plan.key.map((k) => `t.${ident(k)} = s.${ident(k)}`).join(' AND ')})`
      : '';
  // The first record of a duplicated key wins; the later ones are few, so an anti join drops them.
  const firstOfKey =
    duplicateCount > 0 ? `AND __row NOT IN (SELECT unnest(rows[2:]) FROM ${stage}_dups)` : '';
  const inserted = await con.runAndReadAll(
    `INSERT INTO ${target} (${cols}) SELECT ${cols} FROM ${stage} s WHERE __reason IS NULL ${existing} ${firstOfKey}`,
  );
  const loaded = Number(inserted.getRowObjectsJson()[0]?.Count ?? 0);
  const rowsRead = Number(stats!.read) + malformed.length;
  for (const t of [stage, `${stage}_dups`, `${stage}_dupkeys`, `${stage}_pos`])
    await con.run(`DROP TABLE IF EXISTS ${t}`);

  const seconds = (performance.now() - started) / 1000;
  const rowsPerSecond = seconds > 0 ? rowsRead / seconds : 0;
  progress?.({ table: plan.table, phase: 'done', rows: rowsRead, seconds, rowsPerSecond });
  return {
    table: plan.table,
    source: plan.main.name,
    positionKind,
    rowsRead,
    loaded,
    rejected: rejectedCount + malformed.length,
    rejects,
    rejectsFile,
    duplicates,
    skippedExisting: Number(stats!.read) - rejectedCount - duplicateCount - loaded,
    blankToNull: Object.fromEntries(blankCols.map((c, i) => [c.name, Number(stats![`b${i}`])])),
    unexpectedValues: unexpected,
    labelVariants: variants,
    seconds,
    rowsPerSecond,
  };
}
