import { isEnglishWord } from '../text/english-words.ts';
import type { NormalisedText } from '../text/normalise.ts';
import type { CatalogIndex, RankedTarget } from './catalog-index.ts';
import { editDistance } from './edit-distance.ts';
import { hasWordBoundaries } from './phrase-finder.ts';

/** Catalog words found in a question: span in the ORIGINAL text, the dictionary key, the candidates. */
export interface CatalogMatch {
  start: number;
  end: number;
  /** The words as the user wrote them. */
  text: string;
  key: string;
  /** Candidates of the best rank (several means the words are ambiguous). */
  targets: RankedTarget[];
  /** Found by tolerating a typo. */
  fuzzy?: boolean;
  /** A word that is only part of member names ("渠道"): its targets are the members it may mean. */
  partial?: boolean;
}

/** The best-ranked candidates of a key. */
function best(targets: RankedTarget[]): RankedTarget[] {
  const top = Math.max(...targets.map((t) => t.rank));
  return targets.filter((t) => t.rank === top);
}

function toOriginal(norm: NormalisedText, original: string, start: number, end: number) {
  const s = norm.map[start];
  const e = norm.map[end - 1] + 1;
  return { start: s, end: e, text: original.slice(s, e) };
}

/** Every dictionary word occurring in the normalised text (overlaps included; the caller selects). */
export function findCatalogWords(
  norm: NormalisedText,
  original: string,
  index: CatalogIndex,
): CatalogMatch[] {
  const found: CatalogMatch[] = [];
  const { text } = norm;
  for (let i = 0; i < text.length; i++) {
    const lengths = index.lengthsByPrefix.get(text.slice(i, i + 2));
    if (!lengths) continue;
    for (const length of lengths) {
      const key = text.slice(i, i + length);
      const targets = key.length === length ? index.keys.get(key) : undefined;
      if (!targets || !hasWordBoundaries(text, i, i + length)) continue;
      found.push({ ...toOriginal(norm, original, i, i + length), key, targets: best(targets) });
    }
  }
  return found;
}

/**
 * English words not otherwise understood, matched against English keys with one typo per word of
 * five letters or more ("chrun rate" → churn rate). `covered` marks original characters already used.
 * A word of the English dictionary is never a typo of another ("break" is not the city "Brea").
 */
export function findFuzzyWords(
  norm: NormalisedText,
  original: string,
  index: CatalogIndex,
  covered: boolean[],
): CatalogMatch[] {
  const words: { word: string; start: number; end: number }[] = [];
  for (const m of norm.text.matchAll(/[a-z0-9]+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const o = toOriginal(norm, original, start, end);
    if (!covered.slice(o.start, o.end).some(Boolean)) words.push({ word: m[0], start, end });
  }
  const found: CatalogMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const { key, words: keyWords } of index.englishKeys.get(words[i].word[0]) ?? []) {
      if (i + keyWords.length > words.length) continue;
      let typos = 0;
      let ok = true;
      for (let k = 0; k < keyWords.length && ok; k++) {
        const w = words[i + k].word;
        const kw = keyWords[k];
        if (w === kw) continue;
        if (Math.abs(w.length - kw.length) > 1 || (w[0] !== kw[0] && w[1] !== kw[1])) {
          ok = false;
          break;
        }
        if (w.length >= 5 && kw.length >= 5 && !isEnglishWord(w) && editDistance(w, kw, 1) <= 1) typos++;
        else ok = false;
      }
      const contiguous = words[i + keyWords.length - 1].start - words[i].start <= key.length + 2;
      if (!ok || typos === 0 || !contiguous) continue;
      const span = toOriginal(norm, original, words[i].start, words[i + keyWords.length - 1].end);
      found.push({ ...span, key, targets: best(index.keys.get(key)!), fuzzy: true });
    }
  }
  return found;
}
