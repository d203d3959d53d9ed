/** Numbers written with digits, Chinese numerals (一…十, 两) or English words, up to 999. */

/** Chinese digits (〇 and 零 are zero, 两 is two). */
export const ZH_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const EN_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

/** The regex source of a number token (digits, Chinese numerals or English number words). */
export const NUMBER_PATTERN = `\\d{1,3}|[零〇一二两三四五六七八九十百]{1,4}|${Object.keys(EN_WORDS).join('|')}`;

/**
 * Parses a number token; undefined when it is not one.
 * @example parseNumber('二十四') === 24; parseNumber('两') === 2; parseNumber('five') === 5
 */
export function parseNumber(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  if (t in EN_WORDS) return EN_WORDS[t];
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(t)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else {
      digit = ZH_DIGITS[ch];
    }
  }
  return total + digit;
}
