/**
 * Sparse features of a normalised text for the n-gram model (feedback-model.ts): Chinese character 1-3 grams
 * inside runs of CJK characters; English words, word pairs and character 3-grams of longer words (so "crash",
 * "crashed" and "crashes" share evidence); digits collapse to 0 ("$45" and "$30" are one feature).
 * The build script (scripts/build-feedback-model.ts) and the classifier both call this, so training and use
 * see the same features.
 */

const isCjk = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
const isLatin = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39;
/** Punctuation that ends a phrase: word pairs do not cross it. */
const BREAKS = new Set([...'，,。.!！?？;；~～\n、…:：()（）"“”']);

/** The distinct feature keys of a text (lower case, NFKC, simplified characters). */
export function textFeatures(text: string): string[] {
  const out = new Set<string>();
  let previousWord = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) {
      let end = i;
      while (end < text.length && isCjk(text.charCodeAt(end))) end++;
      cjkGrams(text.slice(i, end), out);
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
        out.add(`w ${word}`);
        if (previousWord) out.add(`b ${previousWord} ${word}`);
        if (word.length >= 4) {
          const padded = `<${word}>`;
          for (let k = 0; k + 3 <= padded.length; k++) out.add(`g ${padded.slice(k, k + 3)}`);
        }
        previousWord = word;
      }
      i = end;
    } else {
      if (BREAKS.has(text[i])) previousWord = '';
      if (text[i] === '!' || text[i] === '！') out.add('p !');
      else if (text[i] === '?' || text[i] === '？') out.add('p ?');
      i++;
    }
  }
  return [...out];
}

function cjkGrams(run: string, out: Set<string>): void {
  for (let k = 0; k < run.length; k++) {
    out.add(`c ${run[k]}`);
    if (k + 2 <= run.length) out.add(`c ${run.slice(k, k + 2)}`);
    if (k + 3 <= run.length) out.add(`c ${run.slice(k, k + 3)}`);
  }
}

/** A feature made of whole words or Chinese characters (not letter 3-grams or punctuation). */
export function isWordFeature(feature: string): boolean {
  return feature[0] === 'w' || feature[0] === 'b' || feature[0] === 'c';
}
