import type { IssueLog } from '../issues.ts';
import type { DimensionDef, SemanticModel } from '../model.ts';
import type { Filter, TimeRange } from '../query.ts';

/** Checks of a query's members and values before anything is resolved: names, arities, dates, types. */

export function unknownMessage(model: SemanticModel, id: string, kind: 'metric' | 'dimension'): string {
  const pool = kind === 'metric' ? Object.keys(model.metrics) : Object.keys(model.dimensions);
  const near = pool.filter((p) => p.includes(id) || id.includes(p)).slice(0, 3);
  return `unknown ${kind} ${id}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

export function asBoolean(v: string | number | boolean): string | number | boolean {
  if (v === 'true' || v === 1) return true;
  if (v === 'false' || v === 0) return false;
  return v;
}

export function checkFilterValues(f: Filter, at: string, log: IssueLog): void {
  const n = f.values.length;
  const want =
    f.op === 'is_null' || f.op === 'not_null'
      ? n === 0
      : f.op === 'between'
        ? n === 2
        : f.op === 'in' || f.op === 'not_in'
          ? true
          : n === 1;
  if (!want)
    log.error('invalid_filter', `filter op ${f.op} cannot take ${n} value(s)`, { path: `${at}.values` });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for a real calendar date (2026-02-30 and 2026-13-45 are not). */
function isCalendarDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

export function checkTimeRange(range: TimeRange | undefined, log: IssueLog): void {
  for (const side of ['start', 'end'] as const)
    if (range && !isCalendarDate(range[side]))
      log.error('invalid_time_range', `timeRange.${side} ${range[side]} is not a calendar date`, {
        path: `timeRange.${side}`,
      });
}

/** Values must fit the member before anything is compiled: numbers, calendar dates, booleans. */
export function checkValueTypes(
  f: Filter,
  type: DimensionDef['type'] | undefined,
  at: string,
  log: IssueLog,
): void {
  const fits = (v: string | number | boolean): boolean => {
    switch (type) {
      case 'numeric':
        return typeof v === 'number'
          ? Number.isFinite(v)
          : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);
      case 'time':
        return typeof v === 'string' && isCalendarDate(v);
      case 'boolean':
        return typeof v === 'boolean' || v === 'true' || v === 'false' || v === 1 || v === 0;
      default:
        return true;
    }
  };
  const want = { numeric: 'a number', time: 'a calendar date YYYY-MM-DD', boolean: 'true or false' } as const;
  f.values.forEach((v, j) => {
    if (!fits(v))
      log.error(
        'invalid_value',
        `${f.member} takes ${want[type as keyof typeof want]}, not ${JSON.stringify(v)}`,
        {
          path: `${at}.values.${j}`,
        },
      );
  });
}
