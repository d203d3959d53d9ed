/**
 * Sparse features of a normalised text for the n-gram model (feedback-model.ts): Chinese character 1-3 grams
 * inside runs of CJK characters; English words, word pairs and character 3-grams of longer words (so "crash",
 * "crashed" and "crashes" share evidence); digits collapse to 0 ("$45" and "$30" are one feature).
 * The build script (evals/feedback/build-model.ts) and the classifier both read texts through
 * {@link forEachFeature}, so training and use see the same features. Chinese n-grams travel as numbers (the
 * characters' codes packed into one number, no string per n-gram), which keeps the classifier fast; the
 * model file stores them as keys "c " + the characters ({@link cjkKey}).
 */

const isCjk = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
const isLatin = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39;
/** Punctuation that ends a phrase: word pairs do not cross it. */
const BREAKS = new Set([...'，,。.!！?？;；~～\n、…:：()（）"“”']);
/** The longest Chinese n-gram. */
export const MAX_GRAM = 3;

/** Receives a text's features: English and punctuation keys, and each run of Chinese characters [start, end). */
export interface FeatureVisitor {
  key(key: string): void;
  cjkRun(text: string, start: number, end: number): void;
}

/** The distinct feature keys of a text (lower case, NFKC, simplified characters), as the model file names them. */
export function textFeatures(text: string): string[] {
  const out = new Set<string>();
  forEachFeature(text, { key: (k) => out.add(k), cjkRun: (t, start, end) => cjkGrams(t, start, end, out) });
  return [...out];
}

/** The 1-3 grams of a run of Chinese characters, as keys "c " + the characters. */
export function cjkGrams(text: string, start: number, end: number, out: Set<string>): void {
  for (let k = start; k < end; k++)
    for (let n = 1; n <= MAX_GRAM && k + n <= end; n++) out.add(`c ${text.slice(k, k + n)}`);
}

/** Visits each feature of the text in reading order; a feature may come more than once. */
export function forEachFeature(text: string, visit: FeatureVisitor): void {
  let previousWord = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) {
      let end = i;
      while (end < text.length && isCjk(text.charCodeAt(end))) end++;
      visit.cjkRun(text, i, end);
      previousWord = '';
      i = end;
    } else if (isLatin(code)) {
      let end = i;
      while (end < text.length && isLatin(text.charCodeAt(end))) end++;
      const word = text
        .slice(i, end)
        .replace(/[0-9]+/g, '0')
        .replace(/^'+|'+$/g, '');
      if (word) {
        visit.key(`w ${word}`);
        if (previousWord) visit.key(`b ${previousWord} ${word}`);
        if (word.length >= 4) {
          const padded = `<${word}>`;
          for (let k = 0; k + 3 <= padded.length; k++) visit.key(`g ${padded.slice(k, k + 3)}`);
        }
        previousWord = word;
      }
      i = end;
    } else {
      if (BREAKS.has(text[i])) previousWord = '';
      if (text[i] === '!' || text[i] === '！') visit.key('p !');
      else if (text[i] === '?' || text[i] === '？') visit.key('p ?');
      i++;
    }
  }
}

/** A feature made of whole words or Chinese characters (not letter 3-grams or punctuation). */
export function isWordFeature(feature: string): boolean {
  return feature[0] === 'w' || feature[0] === 'b' || feature[0] === 'c';
}
