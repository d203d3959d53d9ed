import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { Table } from '../answer/answer-schema.ts';
import { formatValue, type ValueFormat } from '../answer/format.ts';

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

/**
 * An answer table as CSV with its numbers formatted as the screen shows them (percent, money with the
 * model's currency, grouped counts), for exports read by people rather than programs.
 */
export function formattedTableCsv(table: Table, lang: Lang, currency?: string): string {
  const formatted = table.rows.map((row) =>
    Object.fromEntries(
      table.columns.map((c) => [
        c.name,
        c.format && typeof row[c.name] === 'number'
          ? formatValue(row[c.name], c.format as ValueFormat, lang, currency ? { currency } : {})
          : row[c.name],
      ]),
    ),
  );
  return tableToCsv({ ...table, rows: formatted });
}
