import type { Catalog, CatalogEvent, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';

/**
 * "去年双11期间的营业额？" then "前年那次呢？" / "and in 2024?": after a question about a calendar event, a
 * follow-up naming only a whole year asks about the same event in that year (its window, or its day when the
 * day was asked), never the whole year. Returns the occurrence's range and how it was read, or undefined.
 */
export function sameEventInYear(
  catalog: Catalog,
  previousRange: TimeRange | undefined,
  range: TimeRange | undefined,
  lang: Lang,
): { range: TimeRange; reading: string } | undefined {
  if (!previousRange || !range || !isWholeYear(range)) return undefined;
  for (const event of catalog.calendar ?? []) {
    for (const o of event.occurrences) {
      const part = same(o.window, previousRange) ? 'window' : same(o.day, previousRange) ? 'day' : undefined;
      if (!part) continue;
      const next = occurrenceIn(event, range.start.slice(0, 4));
      if (!next) return undefined;
      return { range: next[part], reading: say(event, next[part], lang) };
    }
  }
  return undefined;
}

const same = (a: TimeRange, b: TimeRange) => a.start === b.start && a.end === b.end;
const isWholeYear = (r: TimeRange) =>
  r.start.endsWith('-01-01') &&
  r.end.endsWith('-01-01') &&
  Number(r.end.slice(0, 4)) - Number(r.start.slice(0, 4)) === 1;
const occurrenceIn = (event: CatalogEvent, year: string) =>
  event.occurrences.find((o) => o.window.start.startsWith(year));

function say(event: CatalogEvent, range: TimeRange, lang: Lang): string {
  const last = new Date(Date.parse(range.end) - 86_400_000).toISOString().slice(0, 10);
  return lang === 'zh'
    ? `沿用上一个问题的${event.label.zh}，按 ${range.start.slice(0, 4)}年${event.label.zh}（${range.start} 至 ${last}）计算`
    : `Same event as before: ${event.label.en} ${range.start.slice(0, 4)} (${range.start} to ${last})`;
}
