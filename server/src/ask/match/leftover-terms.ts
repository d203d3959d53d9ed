import { EDGE_ONLY_FILLER_ZH, FILLER_EN, FILLER_ZH } from '../lexicon/filler-words.ts';
import { CONTRACTIONS_EN, HEDGE_WORDS_EN } from '../lexicon/hedge-words-en.ts';
import { STOP_WORDS_EN, STOP_WORDS_ZH } from '../lexicon/stop-words.ts';
import { isCjk } from '../text/normalise.ts';

// filler that is also part of names (哈 in 哈尔滨) is never masked inside a run: runs of one character are dropped anyway
const EDGE_ONLY = new Set(EDGE_ONLY_FILLER_ZH);
const ZH_STOPS = [...STOP_WORDS_ZH, ...FILLER_ZH.filter((w) => !EDGE_ONLY.has(w))].sort(
  (a, b) => b.length - a.length,
);
const EN_FILLER = new Set([...FILLER_EN, ...HEDGE_WORDS_EN]);
const CONTRACTIONS = new Set(CONTRACTIONS_EN);
const PUNCT_EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Whether original[start, end) lies inside a longer stop word ("分" of "分别是"): then it is no cue. */
export function insideStopWord(original: string, start: number, end: number): boolean {
  return ZH_STOPS.some((stop) => {
    if (stop.length <= end - start) return false;
    for (let from = Math.max(0, end - stop.length); from <= start; from++)
      if (original.startsWith(stop, from)) return true;
    return false;
  });
}

/** A word of the question nobody understood, with where it stands in the original text. */
export interface LeftoverTerm {
  text: string;
  start: number;
  end: number;
}

/** Content words in a Chinese run once particles and question words are removed (runs of 2+ characters). */
function chineseTerms(run: string, offset: number, original: string): LeftoverTerm[] {
  const mask = new Array(run.length).fill(false);
  for (const stop of ZH_STOPS) {
    for (let at = run.indexOf(stop); at !== -1; at = run.indexOf(stop, at + 1)) {
      if (mask.slice(at, at + stop.length).some(Boolean)) continue;
      for (let k = at; k < at + stop.length; k++) mask[k] = true;
    }
  }
  // a stop word is never split by a cue read inside it ("分别是": 分 read as a grouping cue leaves 别是)
  for (const stop of ZH_STOPS) {
    for (let cut = 1; cut < stop.length; cut++) {
      if (original.slice(offset - cut, offset - cut + stop.length) === stop)
        for (let k = 0; k < stop.length - cut && k < run.length; k++) mask[k] = true;
      if (original.slice(offset + run.length - stop.length + cut, offset + run.length + cut) === stop)
        for (let k = run.length - stop.length + cut; k < run.length; k++) if (k >= 0) mask[k] = true;
    }
  }
  const terms: LeftoverTerm[] = [];
  let start = -1;
  for (let i = 0; i <= run.length; i++) {
    const free = i < run.length && !mask[i];
    if (free && start < 0) start = i;
    if (!free && start >= 0) {
      if (i - start >= 2) terms.push({ text: run.slice(start, i), start: offset + start, end: offset + i });
      start = -1;
    }
  }
  return terms;
}

/**
 * What remains of a question once every understood span is removed, minus stop words: each item is
 * named back to the user as not understood.
 */
export function leftoverTerms(original: string, covered: boolean[]): LeftoverTerm[] {
  const terms: LeftoverTerm[] = [];
  const chunks = [...original.matchAll(/\S+/g)];
  for (const chunk of chunks) {
    // split a chunk into runs of uncovered characters, then into Chinese and non-Chinese pieces
    let i = chunk.index;
    const end = chunk.index + chunk[0].length;
    while (i < end) {
      if (covered[i]) {
        i++;
        continue;
      }
      const cjk = isCjk(original[i]);
      let j = i;
      while (j < end && !covered[j] && isCjk(original[j]) === cjk) j++;
      const piece = original.slice(i, j);
      if (cjk) terms.push(...chineseTerms(piece, i, original));
      else {
        const word = piece.replace(PUNCT_EDGES, '');
        const lower = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
        if (
          (lower.length > 1 || /\d/.test(lower)) &&
          !STOP_WORDS_EN.has(lower) &&
          !EN_FILLER.has(lower) &&
          !CONTRACTIONS.has(word.toLowerCase().replace(/’/g, "'")) &&
          !/^[\p{P}\p{S}]*$/u.test(word)
        ) {
          const at = i + piece.indexOf(word);
          terms.push({ text: word, start: at, end: at + word.length });
        }
      }
      i = j;
    }
  }
  return terms;
}
