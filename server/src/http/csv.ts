import type { Table } from '../answer/answer-schema.ts';

/** A cell as CSV: quoted when needed; a leading = + - @ is neutralised so spreadsheets never run it. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** An answer table as CSV with labelled headers and a UTF-8 BOM (so Excel reads Chinese correctly). */
export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => cell(c.label)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell(row[c.name])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
