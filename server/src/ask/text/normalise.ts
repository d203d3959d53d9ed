/**
 * Text normalisation for matching. Every output character remembers the index of the original
 * character it came from, so a match found in normalised text can be named back exactly as the
 * user wrote it.
 */

/** Normalised text plus, for each of its characters, the index of the source character. */
export interface NormalisedText {
  text: string;
  map: number[];
}

/** Full-width ASCII and the ideographic space become half-width; English becomes lower case. */
export function foldWidthAndCase(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out.toLowerCase();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Folds width and case, turns punctuation into spaces and collapses runs of spaces; length of the
 * folded text equals the original's for the BMP characters we care about, so the map stays exact.
 * @example normaliseForMatch('Month-to-month 客户').text === 'month to month 客户'
 */
export function normaliseForMatch(original: string): NormalisedText {
  const folded = foldWidthAndCase(original);
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    const keep = WORD_CHAR.test(ch) || ch === '%';
    if (keep) {
      text += ch;
      map.push(i);
    } else if (text.length > 0 && text[text.length - 1] !== ' ') {
      text += ' ';
      map.push(i);
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    map.pop();
  }
  return { text, map };
}

/** Normalises a dictionary key the same way as the text it will be searched in. */
export function normaliseKey(key: string): string {
  return normaliseForMatch(key).text;
}

/** True for an ASCII letter or digit: English words need boundaries, Chinese does not. */
export function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}

/** True for a CJK ideograph. */
export function isCjk(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}
