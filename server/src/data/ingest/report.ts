/** The data-quality report of one ingest run: plain data, written as JSON and printed as a table. */
import { type LabelVariants, suggestedMap, type UnexpectedValues } from './value-findings.ts';

/** Where a source record sits: a file line for CSV, a 1-based record number otherwise. */
export type PositionKind = 'line' | 'record';

export interface RejectedRow {
  line: number;
  reason: string;
}

/** A data-quality finding on a loaded table (counted over the whole table, not just this run). */
export interface QualityFinding {
  check: string;
  kind: 'orphan_keys' | 'zombie_accounts' | 'broken_activity' | 'contradictory';
  description: string;
  count: number;
  /** A few keys of offending rows. */
  examples: string[];
}

export interface TableReport {
  table: string;
  source: string;
  positionKind: PositionKind;
  rowsRead: number;
  loaded: number;
  rejected: number;
  /** The first rejects, in source order (all of them are in `rejectsFile`). */
  rejects: RejectedRow[];
  rejectsFile?: string;
  duplicates: { count: number; examples: { key: string; lines: number[] }[] };
  /** Append mode: good rows whose key was already in the table. */
  skippedExisting: number;
  /** Rows in the table after the run. */
  tableRows: number;
  /** NULLs per column in the whole table after the run. */
  nulls: Record<string, number>;
  /** Optional numeric columns whose blank source values became NULL (rows loaded in this run). */
  blankToNull: Record<string, number>;
  dateRanges: Record<string, { min: string | null; max: string | null }>;
  /** Labels an enumerated column does not allow (the rows were rejected), with the values seen. */
  unexpectedValues?: UnexpectedValues[];
  /** Loaded labels of one column that differ only in case or spacing. */
  labelVariants?: LabelVariants[];
  findings: QualityFinding[];
  seconds: number;
  rowsPerSecond: number;
}

export interface IngestReport {
  model: string;
  mapping: string;
  db: string;
  mode: 'replace' | 'append';
  startedAt: string;
  seconds: number;
  /** "Now" for the in-the-future checks: the mapping's as_of, else the run time. */
  referenceDate: string;
  tables: TableReport[];
}

/** The console view of a report: a summary table, then what needs attention per table. */
export function formatReport(report: IngestReport): string {
  const head = ['table', 'read', 'loaded', 'rejected', 'dups', 'existing', 'rows now', 'findings', 'rows/s'];
  const rows = report.tables.map((t) => [
    t.table,
    String(t.rowsRead),
    String(t.loaded),
    String(t.rejected),
    String(t.duplicates.count),
    String(t.skippedExisting),
    String(t.tableRows),
    String(t.findings.reduce((n, f) => n + f.count, 0)),
    String(Math.round(t.rowsPerSecond)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `ingest ${report.model} (${report.mode}) → ${report.db} in ${report.seconds.toFixed(2)} s; reference date ${report.referenceDate}`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  for (const t of report.tables) {
    const notes: string[] = [];
    for (const r of t.rejects.slice(0, 10)) notes.push(`  rejected ${t.positionKind} ${r.line}: ${r.reason}`);
    if (t.rejected > 10) notes.push(`  … ${t.rejected - 10} more rejects`);
    if (t.rejectsFile) notes.push(`  rejects file: ${t.rejectsFile}`);
    if (t.rowsRead > 0 && t.loaded === 0 && t.rejected === t.rowsRead)
      notes.push(`  EVERY ROW WAS REJECTED: fix the mapping (see the reasons above) and ingest again`);
    for (const u of t.unexpectedValues ?? [])
      notes.push(
        `  ${u.column}: values seen that are not allowed: ${u.seen.map((s) => `${s.value} (${s.count})`).join(', ')}`,
        `    map them in the mapping, e.g. ${suggestedMap(u)}`,
      );
    for (const v of t.labelVariants ?? [])
      for (const g of v.groups)
        notes.push(
          `  ${v.column}: ${g.map((x) => JSON.stringify(x)).join(' / ')} differ only in case or spacing (map: them into one)`,
        );
    for (const d of t.duplicates.examples.slice(0, 5))
      notes.push(`  duplicate key ${d.key} at ${t.positionKind}s ${d.lines.join(', ')} (first kept)`);
    for (const [col, n] of Object.entries(t.blankToNull))
      if (n > 0) notes.push(`  ${col}: ${n} blank → NULL`);
    for (const f of t.findings)
      if (f.count > 0)
        notes.push(
          `  ${f.kind} ${f.check}: ${f.count} (${f.description}) e.g. ${f.examples.slice(0, 3).join(', ')}`,
        );
    for (const [col, r] of Object.entries(t.dateRanges))
      if (r.min) notes.push(`  ${col}: ${r.min} .. ${r.max}`);
    if (notes.length > 0) out.push('', `${t.table}:`, ...notes);
  }
  return out.join('\n');
}

/** Tables that read rows but loaded none because every one was rejected (the ingest must fail). */
export function everyRowRejected(report: IngestReport): string[] {
  return report.tables
    .filter((t) => t.rowsRead > 0 && t.loaded === 0 && t.rejected === t.rowsRead)
    .map((t) => t.table);
}
