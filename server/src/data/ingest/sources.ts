/**
 * Registers each mapping source in DuckDB as a temp relation named after the source, with a
 * 1-based record ordinal `__row` (the position rejects are reported by). CSV is read as text so
 * coercion happens in the mapping, where a failure becomes a reject with a reason.
 */
import { extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MappingIssue } from './mapping-issue.ts';
import type { LoadedMapping } from './mapping-load.ts';
import type { SourceSpec } from './mapping-schema.ts';
import { copyPostgresSource } from './postgres-source.ts';
import { ident, literal } from './sql-text.ts';

export type SourceKind = 'csv' | 'parquet' | 'json' | 'postgres' | 'sql';

export interface SourceColumn {
  name: string;
  type: string;
}

/** A source ready to be selected from. */
export interface RegisteredSource {
  name: string;
  kind: SourceKind;
  columns: SourceColumn[];
  rows: number;
  /** CSV file path and whether it has a header line (line-number mapping needs both). */
  path?: string;
  header?: boolean;
  /** CSV rows DuckDB could not parse (wrong column count, broken quotes), with their file line. */
  malformed: { line: number; reason: string }[];
}

export interface SourceOptions {
  /** Fallback PostgreSQL URL for sources that name none (`--source-url`). */
  sourceUrl?: string;
}

function fileKind(spec: { file: string; format?: 'csv' | 'parquet' | 'json' }): SourceKind {
  if (spec.format) return spec.format;
  const ext = extname(spec.file).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  return 'csv';
}

async function registerOne(
  con: DuckDBConnection,
  loaded: LoadedMapping,
  name: string,
  spec: SourceSpec,
  options: SourceOptions,
): Promise<RegisteredSource> {
  const rel = ident(name);
  const malformed: RegisteredSource['malformed'] = [];
  let kind: SourceKind;
  let path: string | undefined;
  let header: boolean | undefined;
  if ('file' in spec) {
    kind = fileKind(spec);
    path = loaded.filePaths[name]!;
    if (kind === 'csv') {
      header = spec.header ?? true;
      const opts = [
        'all_varchar = true',
        `header = ${header}`,
        'store_rejects = true',
        `rejects_table = ${literal(`__rejects_${name}`)}`,
        `rejects_scan = ${literal(`__rejects_scan_${name}`)}`,
      ];
      if (spec.delimiter) opts.push(`delim = ${literal(spec.delimiter)}`);
      await con.run(
        `CREATE OR REPLACE TEMP TABLE ${rel} AS SELECT row_number() OVER () AS __row, * FROM read_csv(${literal(path)}, ${opts.join(', ')})`,
      );
      const bad = await con.runAndReadAll(
        `SELECT line, error_type || ': ' || error_message AS reason FROM ${ident(`__rejects_${name}`)} ORDER BY line`,
      );
      for (const r of bad.getRowObjectsJson())
        malformed.push({ line: Number(r.line), reason: `malformed CSV row (${r.reason})` });
    } else if (kind === 'parquet') {
      await con.run(
        `CREATE OR REPLACE TEMP VIEW ${rel} AS SELECT file_row_number + 1 AS __row, * EXCLUDE (file_row_number) FROM read_parquet(${literal(path)}, file_row_number = true)`,
      );
    } else {
      await con.run(
        `CREATE OR REPLACE TEMP TABLE ${rel} AS SELECT row_number() OVER () AS __row, * FROM read_json_auto(${literal(path)})`,
      );
    }
  } else if ('postgres' in spec) {
    kind = 'postgres';
    const url = spec.url ?? (spec.url_env ? process.env[spec.url_env] : undefined) ?? options.sourceUrl;
    if (!url) throw new SourceError('no PostgreSQL URL: set url, url_env or --source-url');
    await copyPostgresSource(con, name, { url, ...spec.postgres });
  } else {
    kind = 'sql';
    await con.run(
      `CREATE OR REPLACE TEMP VIEW ${rel} AS SELECT row_number() OVER () AS __row, * FROM (${spec.sql})`,
    );
  }
  const described = await con.runAndReadAll(`DESCRIBE ${rel}`);
  const columns = described
    .getRowObjectsJson()
    .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }))
    .filter((c) => c.name !== '__row');
  const count = await con.runAndReadAll(`SELECT count(*) AS n FROM ${rel}`);
  const rows = Number(count.getRowObjectsJson()[0]!.n);
  return { name, kind, columns, rows, path, header, malformed };
}

/** Marks a failure caused by the source itself (unreadable file, bad URL), reported as an issue. */
class SourceError extends Error {}

/** Registers every source in mapping order (sql sources may read earlier ones). */
export async function registerSources(
  con: DuckDBConnection,
  loaded: LoadedMapping,
  options: SourceOptions,
): Promise<{ ok: true; sources: Map<string, RegisteredSource> } | { ok: false; issues: MappingIssue[] }> {
  const sources = new Map<string, RegisteredSource>();
  const issues: MappingIssue[] = [];
  for (const [name, spec] of Object.entries(loaded.mapping.sources)) {
    try {
      sources.set(name, await registerOne(con, loaded, name, spec, options));
    } catch (err) {
      const path = ['sources', name];
      issues.push({
        code: 'source_unreadable',
        file: loaded.file,
        path: path.join('.'),
        line: loaded.lineOf(path),
        message: (err instanceof Error ? err.message : String(err)).split('\n')[0]!,
      });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, sources };
}
