import type { Column, Table } from './answer-schema.ts';
import { toNumber } from './format.ts';
import type { PresentationInput } from './presentation-input.ts';
import { columnFormat, columnLabel, valueLabel } from './result-shape.ts';

function columnType(input: PresentationInput, name: string, kind: string): Column['type'] {
  if (kind === 'time') return 'date';
  if (kind === 'metric' || kind === 'comparison') return 'number';
  const sample = input.rows.find((r) => r[name] !== null && r[name] !== undefined)?.[name];
  if (typeof sample === 'number' || typeof sample === 'bigint') return 'number';
  if (typeof sample === 'boolean') return 'boolean';
  return 'string';
}

/**
 * The answer's table: headers in the question's language with their type and format; values stay raw
 * (numbers as numbers, so the client formats and sorts them) except dimension codes, which show as labels.
 * Column `format` is a MemberFormat id or `percent_points` (a change in a percent metric, as a fraction).
 */
export function tableFor(input: PresentationInput): Table {
  const columns: Column[] = input.columns.map((c) => {
    const format = columnFormat(input, c);
    return {
      name: c.name,
      label: columnLabel(input, c),
      type: columnType(input, c.name, c.kind),
      ...(format ? { format } : {}),
    };
  });
  const labelled = input.columns.filter((c) => c.kind === 'dimension' && input.members[c.member]?.values);
  const numeric = input.columns.filter((c) => c.kind === 'metric' || c.kind === 'comparison');
  const rows = input.rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const c of labelled) {
      if (row[c.name] !== null && row[c.name] !== undefined)
        out[c.name] = valueLabel(input, c.member, row[c.name]);
    }
    // DuckDB's JSON rows carry BIGINT counts as strings; the table promises numbers.
    for (const c of numeric) if (typeof row[c.name] === 'string') out[c.name] = toNumber(row[c.name]);
    return out;
  });
  return { columns, rows };
}
