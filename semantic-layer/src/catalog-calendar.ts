import type { CalendarOccurrence, CatalogEvent } from './catalog.ts';
import { addDays } from './compile/periods.ts';
import type { SemanticModel } from './model.ts';

/** Years before the as-of date for which annual events are listed. */
const YEARS_BACK = 6;

/**
 * The model's calendar as the catalog offers it: each event with its occurrences (annual ones for the
 * years around the as-of date, moving ones as listed), day and window end-exclusive, in date order.
 */
export function catalogCalendar(model: SemanticModel, asOf: string): CatalogEvent[] {
  const year = Number(asOf.slice(0, 4));
  return Object.entries(model.calendar).map(([id, e]) => {
    const listed = e.dates.map((d) => occurrence(d.day, d.from, d.to));
    const annual = e.annual;
    const repeated = annual
      ? Array.from({ length: YEARS_BACK + 2 }, (_, k) => year - YEARS_BACK + k)
          .filter((y) => !listed.some((o) => o.day.start.startsWith(String(y))))
          .map((y) => occurrence(`${y}-${annual.day}`, `${y}-${annual.from}`, `${y}-${annual.to}`))
      : [];
    const occurrences = [...listed, ...repeated].sort((a, b) => a.day.start.localeCompare(b.day.start));
    return { id, label: e.label, synonyms: e.synonyms, occurrences };
  });
}

/** Inclusive dates → ranges with an exclusive end (a window whose end month-day precedes its start runs into the next year). */
function occurrence(day: string, from: string, to: string): CalendarOccurrence {
  const end = to < from ? `${Number(to.slice(0, 4)) + 1}${to.slice(4)}` : to;
  return { day: { start: day, end: addDays(day, 1) }, window: { start: from, end: addDays(end, 1) } };
}
