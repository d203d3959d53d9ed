import type { Column, Table } from '../answer/answer-schema.ts';
import { formatValue, type ValueFormat } from '../answer/format.ts';

/** East Asian wide characters take two terminal columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** Prints an answer's table with aligned columns (formatted values when the row carries them). */
export function printTable(table: Table, lang: 'zh' | 'en', maxRows = 30): void {
  const header = table.columns.map((c) => c.label);
  const rows = table.rows.slice(0, maxRows).map((r) => table.columns.map((c) => cell(r, c, lang)));
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => `  ${cells.map((c, i) => pad(c, widths[i]!)).join('  ')}`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  if (table.rows.length > maxRows) console.log(`  … ${table.rows.length - maxRows} more rows`);
}

function cell(row: Record<string, unknown>, column: Column, lang: 'zh' | 'en'): string {
  const v = row[column.name];
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return formatValue(v, column.format as ValueFormat | undefined, lang);
  return String(v);
}
