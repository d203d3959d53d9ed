import type { Catalog } from '../../semantic-layer/src/catalog.ts';
import type { ExpectedValues } from './expected-values.ts';

/** The part of an answer's table the value check reads. */
export interface TableLike {
  rows: Record<string, unknown>[];
}

export interface ValueScore {
  pass: boolean;
  /** Expected rows found with every number within tolerance. */
  matched: number;
  reasons: string[];
}

/** Texts a table cell may show for a stored dimension value: the value itself and its zh/en labels. */
export type ValueTexts = (column: string, stored: string | number | boolean) => string[];

const NONE = ['（空）', '(none)'];
const BOOLEAN_TEXTS: Record<string, string[]> = {
  true: ['true', '是', 'Yes', 'yes'],
  false: ['false', '否', 'No', 'no'],
};

/** Labels from a model's catalog: a dimension value's zh and en labels; booleans as 是/否, Yes/No. */
export function catalogValueTexts(catalog: Catalog): ValueTexts {
  const byDimension = new Map(catalog.dimensions.map((d) => [d.id, d]));
  return (column, stored) => {
    const key = String(stored);
    const value = byDimension.get(column)?.values.find((v) => v.value === key);
    return [key, ...(value ? [value.label.zh, value.label.en] : []), ...(BOOLEAN_TEXTS[key] ?? [])];
  };
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}/.test(s);

function cellMatches(cell: unknown, want: unknown, texts: string[]): boolean {
  if (want === null) return cell === null || cell === undefined || NONE.includes(String(cell));
  if (cell === null || cell === undefined) return false;
  const got = String(cell);
  if (typeof want === 'string' && isDate(want) && isDate(got)) return got.slice(0, 10) === want.slice(0, 10);
  return texts.includes(got);
}

const show = (row: Record<string, unknown>, by: string[]) =>
  by.length
    ? `{${by.map((k) => `${k}: ${row[k] === null ? 'none' : String(row[k])}`).join(', ')}}`
    : 'the row';

/**
 * Checks an answer's table against expected values: the row count when given, then each expected
 * row, found by its `by` columns (at its position when `ordered`), with every other listed column a
 * number within `tolerance`. Passes only when every expected row agrees.
 */
export function scoreValues(
  expected: ExpectedValues,
  table: TableLike | null,
  texts: ValueTexts,
): ValueScore {
  if (!table) return { pass: false, matched: 0, reasons: ['values: the answer has no table'] };
  const reasons: string[] = [];
  const { by, tolerance } = expected;
  if (expected.rows !== undefined && table.rows.length !== expected.rows)
    reasons.push(`values: expected ${expected.rows} rows, got ${table.rows.length}`);
  const keysMatch = (row: Record<string, unknown>, want: Record<string, unknown>) =>
    by.every((k) => cellMatches(row[k], want[k], want[k] === null ? [] : texts(k, want[k] as string)));
  let matched = 0;
  expected.match.forEach((want, i) => {
    let row: Record<string, unknown> | undefined;
    if (expected.ordered) {
      row = table.rows[i];
      if (!row || !keysMatch(row, want)) {
        reasons.push(`values: row ${i + 1} should be ${show(want, by)}, got ${row ? show(row, by) : 'none'}`);
        return;
      }
    } else {
      const found = table.rows.filter((r) => keysMatch(r, want));
      if (found.length !== 1) {
        reasons.push(`values: ${found.length} rows for ${show(want, by)}`);
        return;
      }
      row = found[0]!;
    }
    const wrong = Object.entries(want)
      .filter(([k]) => !by.includes(k))
      .filter(([k, v]) => {
        const got = typeof row[k] === 'string' ? Number(row[k]) : row[k];
        return typeof got !== 'number' || !(Math.abs(got - (v as number)) <= tolerance);
      })
      .map(([k, v]) => `${k} expected ${v}, got ${row[k] === undefined ? 'no column' : String(row[k])}`);
    if (wrong.length) reasons.push(`values: ${show(want, by)} ${wrong.join('; ')}`);
    else matched++;
  });
  return { pass: reasons.length === 0, matched, reasons };
}
