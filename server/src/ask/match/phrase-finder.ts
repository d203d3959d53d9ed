import { isAsciiWordChar } from '../text/normalise.ts';

/** One occurrence of a phrase in a text (end exclusive). */
export interface PhraseHit {
  start: number;
  end: number;
  phrase: string;
}

/** True when text[start, end) does not cut an English word or number in half. */
export function hasWordBoundaries(text: string, start: number, end: number): boolean {
  const first = text[start];
  const last = text[end - 1];
  if (isAsciiWordChar(first) && isAsciiWordChar(text[start - 1])) return false;
  if (isAsciiWordChar(last) && isAsciiWordChar(text[end])) return false;
  return true;
}

/**
 * Every occurrence of every phrase, respecting English word boundaries (Chinese needs none).
 * @example findPhrases('按月看', ['按月']) → [{ start: 0, end: 2, phrase: '按月' }]
 */
export function findPhrases(text: string, phrases: readonly string[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    let from = text.indexOf(phrase);
    while (from !== -1) {
      const end = from + phrase.length;
      if (hasWordBoundaries(text, from, end)) hits.push({ start: from, end, phrase });
      from = text.indexOf(phrase, from + 1);
    }
  }
  return hits;
}

/** Anything with a span. */
export interface Spanned {
  start: number;
  end: number;
}

/** Keeps the longest spans first, dropping any that overlap one already kept; result in text order. */
export function selectLongest<T extends Spanned>(candidates: T[], priority: (c: T) => number = () => 0): T[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || priority(b) - priority(a) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const c of sorted) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
