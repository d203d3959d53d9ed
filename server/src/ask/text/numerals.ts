/** Numbers written with digits, Chinese numerals (一…十, 两, up to 亿) or English words. */

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
  if (t in ZH_DIGITS) return ZH_DIGITS[t];
  return t === '百' ? 100 : parseChineseNumber(t);
}

const DIGIT = ZH_DIGITS;
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** One section below 万 (三千五百, 九十, 十二); undefined when the characters are no number. */
function parseSection(s: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000;
  let afterZero = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      afterZero ||= DIGIT[ch] === 0;
      if (digit !== undefined && digit !== 0 && DIGIT[ch] !== 0) return undefined; // 二三: no number
      digit = DIGIT[ch];
    } else {
      const unit = SMALL_UNIT[ch];
      if (!unit || unit >= lastUnit) return undefined;
      if (digit === undefined && unit !== 10) return undefined; // 百 alone is not 100 here
      total += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = undefined;
    }
  }
  // 三千五 = 3500, 两百五 = 250: a last digit right after a unit above ten counts in the unit below
  if (digit !== undefined && !afterZero && lastUnit > 10 && lastUnit < 10_000)
    return total + (digit * lastUnit) / 10;
  return total + (digit ?? 0);
}

/**
 * A Chinese number with at least one unit character (十/百/千/万/亿).
 * @example parseChineseNumber('一万五千') === 15000; parseChineseNumber('九十') === 90
 */
export function parseChineseNumber(s: string): number | undefined {
  if (!/[十百千万亿]/.test(s) || !/^[零〇一二两三四五六七八九十百千万亿]+$/.test(s)) return undefined;
  let total = 0;
  let rest = s;
  for (const big of ['亿', '万']) {
    const at = rest.indexOf(big);
    if (at < 0) continue;
    const head = parseSection(rest.slice(0, at));
    if (head === undefined || head === 0) return undefined;
    total += head * BIG_UNIT[big];
    rest = rest.slice(at + 1);
  }
  if (rest === '') return total;
  // 一万五 = 15000: one digit right after 万 counts in thousands
  if (/^[一二两三四五六七八九]$/.test(rest) && total > 0)
    return total + DIGIT[rest] * (s.includes('亿') && !s.includes('万') ? 10_000_000 : 1000);
  const tail = parseSection(rest.replace(/^[零〇]/, ''));
  return tail === undefined ? undefined : total + tail;
}
