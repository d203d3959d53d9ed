import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';

const namesOf = (m: { label: { zh: string; en: string }; synonyms: { zh: string[]; en: string[] } }) =>
  [m.label.zh, m.label.en, ...m.synonyms.zh, ...m.synonyms.en].map(normaliseKey);
/** Whole English words, or inside Chinese text. */
const holds = (name: string, word: string) =>
  /[a-z]/.test(word[0]!) ? ` ${name.replace(/[()]/g, ' ')} `.includes(` ${word} `) : name.includes(word);
/** A pronoun standing for the values right after the word ("the automatic ones"). */
const ONES_AFTER = /^\s+ones?\b/i;

/**
 * "just the automatic ones" (payment methods Bank transfer (automatic) and Credit card (automatic)): an
 * unknown word that is part of the names of two or more stored values of one dimension, and of no member's
 * own name, stands for those values together, one filter. The word and a following "ones" are understood.
 */
export function readSharedValueWords(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  lang: Lang,
): { filters: Filter[]; understood: { text: string; meaning: string }[] } {
  const filters: Filter[] = [];
  const understood: { text: string; meaning: string }[] = [];
  const used = new Set<(typeof analysis.unknown)[number]>();
  for (const term of analysis.unknown) {
    const key = normaliseKey(term.text);
    if (key.length < 4 && !/\p{Script=Han}{2}/u.test(key)) continue;
    if (catalog.metrics.some((m) => namesOf(m).some((n) => holds(n, key)))) continue;
    if (catalog.dimensions.some((d) => namesOf(d).some((n) => holds(n, key)))) continue;
    const hits = catalog.dimensions
      .filter((d) => d.type === 'categorical' && !d.tag)
      .map((d) => ({ d, values: d.values.filter((v) => namesOf(v).some((n) => holds(n, key))) }))
      // a word in every value's name ("rated 1…5", yes/no labels) names the dimension, not some of its values
      .filter((h) => h.values.length >= 2 && h.values.length < h.d.values.length);
    if (hits.length !== 1) continue;
    const { d, values } = hits[0]!;
    filters.push({ member: d.id, op: 'in', values: values.map((v) => v.value) });
    const labels = values.map((v) => v.label[lang]).join(lang === 'zh' ? '、' : ', ');
    understood.push({ text: term.text, meaning: `${d.label[lang]}: ${labels}` });
    used.add(term);
    const ones = ONES_AFTER.exec(analysis.original.slice(term.end));
    if (ones) {
      const end = term.end + ones[0].length;
      for (const t of analysis.unknown) if (t.start >= term.end && t.end <= end) used.add(t);
    }
  }
  if (used.size > 0) analysis.unknown = analysis.unknown.filter((t) => !used.has(t));
  return { filters, understood };
}
