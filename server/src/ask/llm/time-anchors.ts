import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';

/** A named date range, [start, end) in ISO dates. */
export interface Anchor {
  words: string;
  start: string;
  end: string;
}

const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const utc = (y: number, m: number, d = 1): number => Date.UTC(y, m, d);

/**
 * The CONVENTIONS.md time table computed for one as-of date: language models are unreliable at
 * calendar arithmetic, so the prompt hands them the ranges instead of the rules alone.
 */
export function timeAnchors(asOf: string): Anchor[] {
  const t = Date.parse(`${asOf}T00:00:00Z`);
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const q0 = m - (m % 3);
  const monday = t - ((d.getUTCDay() + 6) % 7) * DAY;
  const h1Complete = t >= utc(y, 6);
  const a = (words: string, start: number, end: number): Anchor => ({
    words,
    start: iso(start),
    end: iso(end),
  });
  return [
    a('上个季度 / last quarter (the last complete quarter)', utc(y, q0 - 3), utc(y, q0)),
    a('本季度 / this quarter, QTD', utc(y, q0), t),
    a('上个月 / last month', utc(y, m - 1), utc(y, m)),
    a('本月 / this month, MTD', utc(y, m), t),
    a('近三个月 / past 3 months (whole months)', utc(y, m - 3), utc(y, m)),
    a('近90天 / past 90 days', t - 90 * DAY, t),
    a('今年 / this year, YTD', utc(y, 0), t),
    a('去年 / last year', utc(y - 1, 0), utc(y, 0)),
    a('上半年 / H1', h1Complete ? utc(y, 0) : utc(y - 1, 0), h1Complete ? utc(y, 6) : utc(y - 1, 6)),
    a('下半年 / H2 (latest complete)', utc(y - 1, 6), utc(y, 0)),
    a('trend by month, no range (last 12 complete months)', utc(y, m - 12), utc(y, m)),
    a('trend by quarter, no range (last 8 quarters)', utc(y, q0 - 24), utc(y, q0)),
    a('trend by week, no range (last 13 weeks, Monday-aligned)', monday - 91 * DAY, monday),
    a('trend by year, no range', utc(y - 2, 0), t),
  ];
}

/** True when some metric or dimension of the model has time (telco's does not). */
export function catalogHasTime(catalog: Catalog): boolean {
  return (
    catalog.dimensions.some((d) => d.type === 'time') ||
    catalog.metrics.some((m) => m.timeDimensions.length > 0)
  );
}

/** The `{{conventions}}` text: computed ranges, or the rule for a model without time. */
export function renderTimeConventions(catalog: Catalog, asOf: string): string {
  if (!catalogHasTime(catalog))
    return (
      'This model has no time: never set `timeRange`, `time` or `compare`. If the question has time words, ' +
      'answer without them and add an assumption naming them as not applicable.'
    );
  const lines = timeAnchors(asOf).map((x) =>
    x.start === x.end
      ? `- ${x.words}: empty (${x.start} .. ${x.end}) → call \`clarify\` offering the previous complete period`
      : `- ${x.words}: ${x.start} .. ${x.end}`,
  );
  return [...lines, ...calendarLines(catalog, asOf)].join('\n');
}

/**
 * The model's business calendar (model.yaml `calendar`): for each named date, the latest occurrence begun
 * by the as-of date, its window (the bare name, 期间, 大促) and its day (当天, 那天); other years shift.
 */
function calendarLines(catalog: Catalog, asOf: string): string[] {
  const events = (catalog.calendar ?? []).flatMap((e) => {
    const begun = e.occurrences.filter((o) => o.window.start < asOf);
    const o = begun[begun.length - 1];
    if (!o) return [];
    const names = [e.label.zh, e.label.en, ...e.synonyms.zh, ...e.synonyms.en].slice(0, 6).join(' / ');
    const years = e.occurrences.map(
      (x) => `${x.day.start.slice(0, 4)}: ${x.window.start} .. ${x.window.end}`,
    );
    return [
      `- ${names}: window ${o.window.start} .. ${o.window.end}; the day itself (当天, 那天) ${o.day.start} .. ${o.day.end}` +
        ` (other years, windows: ${years.join('; ')})`,
    ];
  });
  if (events.length === 0) return [];
  return [
    'Business calendar of this model (a name alone or with 期间/大促 = the window; say which you used):',
    ...events,
  ];
}
