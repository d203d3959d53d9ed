import { chartFor } from './chart.ts';
import { narrativeFor } from './narrative.ts';
import type { AvailableDimension, PresentationInput, PresentedResult } from './presentation-input.ts';
import { suggestionsFor } from './suggestions.ts';
import { tableFor } from './table.ts';

/**
 * The presentable parts of an `Answer` for one query or analysis result: table, chart, narrative and
 * follow-up suggestions, all in the question's language.
 * @example const parts = presentResult(input, catalog.dimensions.map((d) => ({ id: d.id, label: d.label[lang] })))
 */
export function presentResult(
  input: PresentationInput,
  availableDimensions: AvailableDimension[],
): PresentedResult {
  return {
    table: tableFor(input),
    chart: chartFor(input),
    narrative: narrativeFor(input),
    suggestions: suggestionsFor(input, availableDimensions),
  };
}
