/**
 * The chart's order for the answer's table: a bar chart sorted by value (`sort: '-y'`) or by an explicit
 * list puts the table's rows in the same order, so the table and the chart read alike.
 */
import { toNumber } from './format.ts';

type Spec = Record<string, unknown>;
interface Channel {
  field?: string;
  type?: string;
  sort?: unknown;
}

function findEncoding(spec: unknown, depth = 0): Record<string, Channel> | null {
  if (!spec || typeof spec !== 'object' || depth > 4) return null;
  const s = spec as Spec;
  const encoding = s.encoding as Record<string, Channel> | undefined;
  if (encoding && Object.values(encoding).some((c) => c && typeof c === 'object' && c.sort !== undefined))
    return encoding;
  for (const key of ['layer', 'spec', 'vconcat', 'hconcat', 'concat']) {
    const child = s[key];
    for (const item of Array.isArray(child) ? child : [child]) {
      const found = findEncoding(item, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** `rows` in the order the chart draws them (unchanged when the chart has no order of its own). */
export function rowsInChartOrder(
  spec: Spec | null | undefined,
  rows: Record<string, unknown>[],
): Record<string, unknown>[] {
  const encoding = findEncoding(spec);
  if (!encoding) return rows;
  for (const [channel, c] of Object.entries(encoding)) {
    if (!c?.field || c.sort === undefined || c.sort === null) continue;
    const field = c.field;
    if (Array.isArray(c.sort)) {
      const order = new Map(c.sort.map((v, i) => [String(v), i]));
      return [...rows].sort(
        (a, b) => (order.get(String(a[field])) ?? 1e9) - (order.get(String(b[field])) ?? 1e9),
      );
    }
    if (typeof c.sort === 'string' && /^-?[xy]$/.test(c.sort)) {
      const other = encoding[c.sort.replace('-', '')]?.field;
      if (!other || channel === c.sort.replace('-', '')) continue;
      const sign = c.sort.startsWith('-') ? -1 : 1;
      return [...rows].sort(
        (a, b) => sign * ((toNumber(a[other]) ?? -Infinity) - (toNumber(b[other]) ?? -Infinity)),
      );
    }
  }
  return rows;
}
