/** CSV export of a table, readable by Excel with Chinese text (UTF-8 with BOM). */

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Cells starting with = + - @ could run as formulas in a spreadsheet: prefix them (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The CSV text of rows under labelled columns (raw values, so numbers stay numbers).
 * @example toCsv([{ name: 'region', label: '区域' }], [{ region: '华南' }]) // "区域\r\n华南\r\n"
 */
export function toCsv(columns: { name: string; label: string }[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c.name])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves text as a file download. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(filename, new Blob([type.startsWith('text/csv') ? '\ufeff' : '', text], { type }));
}

/** Saves a blob (a CSV, a PNG…) as a download named `filename`. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a title: safe characters, Chinese kept. */
export function fileNameFor(title: string, extension = 'csv'): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'export';
  return `${base}.${extension}`;
}
