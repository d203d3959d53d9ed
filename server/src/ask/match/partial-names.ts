import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { normaliseKey } from '../text/normalise.ts';
import { type MatchTarget, RANK } from './catalog-index.ts';
import type { CatalogMatch } from './match-catalog.ts';

/** More members than this sharing a word: the word is too vague to offer them. */
const MAX_READINGS = 3;

const namesOf = (m: { label: { zh: string; en: string }; synonyms: { zh: string[]; en: string[] } }) =>
  [m.label.zh, m.label.en, ...m.synonyms.zh, ...m.synonyms.en].map(normaliseKey);

/** True when a name holds the word: inside Chinese text, or as whole English words. */
function holds(name: string, word: string): boolean {
  if (/[a-z0-9]/.test(word[0])) return ` ${name} `.includes(` ${word} `);
  return name.includes(word);
}

/**
 * Members (non-time dimensions, and metrics when asked) one of whose names contains a word the
 * catalog does not know on its own: "渠道" is in 获客渠道 and 销售渠道, "value" in Value tier, Average
 * order value and Customer lifetime value. Empty when none or too many share it.
 */
export function membersNamedInPart(word: string, catalog: Catalog, withMetrics: boolean): MatchTarget[] {
  const key = normaliseKey(word);
  if (key.length < 2 || /^[\d\s]+$/.test(key)) return [];
  const found: MatchTarget[] = [];
  if (withMetrics)
    for (const m of catalog.metrics)
      if (namesOf(m).some((n) => holds(n, key))) found.push({ kind: 'metric', id: m.id });
  // Tags are narrow segments named after broader members ("高价值老客户"): never a reading of a part word.
  for (const d of catalog.dimensions)
    if (d.type !== 'time' && !d.tag && namesOf(d).some((n) => holds(n, key)))
      found.push({ kind: 'dimension', id: d.id });
  return found.length <= MAX_READINGS ? found : [];
}

/** A match standing for the members a partial word may mean (several targets = ambiguous). */
export function partialMatch(
  span: { start: number; end: number },
  original: string,
  targets: MatchTarget[],
): CatalogMatch {
  const text = original.slice(span.start, span.end);
  const rank = (t: MatchTarget) => (t.kind === 'metric' ? RANK.metric : RANK.dimension);
  return {
    start: span.start,
    end: span.end,
    text,
    key: normaliseKey(text),
    targets: targets.map((target) => ({ target, rank: rank(target) })),
    partial: true,
  };
}
