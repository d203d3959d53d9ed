/** Quotes an identifier for DuckDB/PostgreSQL (column names with spaces, quotes, anything). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL literal for a mapping constant (string, number, boolean or null). */
export function scalarLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return literal(value);
}

/** A name safe to embed in a temp table name. */
export function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}
