import { FORMAL_WORDS } from '../lexicon/formal-words.ts';
import { parseChineseNumber, ZH_DIGITS } from './numerals.ts';

/**
 * Chinese numerals written out (二〇二五年, 九十日, 两千, 一万五千, 百分之五) read as Arabic numerals, and
 * formal written wording (lexicon/formal-words.ts) read as plain Mandarin, before matching.
 */

const DIGIT = ZH_DIGITS;

/** Runs that are idioms, not numbers (千万 = by all means, 万一 = in case, 十分 = very, 百万 alone is a size word). */
const NOT_NUMBERS = /^(?:千万|万万|万一|一一|十分|百分|千百|万千)$/;

/**
 * Chinese numerals as Arabic numerals: a year written digit by digit before 年 (二〇二五年度 → 2025年度), a
 * percentage (百分之五 → 5%), and any number with a unit character (九十日 → 90日, 两千 → 2000, 三千五百元 →
 * 3500元). Single characters are left to the readers that know them (三月, 第三季度, 十天); a run inside a word
 * of the model or the language (`known`: 双十一, 十一黄金周, 六到十二个月) stays as written.
 */
export function readChineseNumerals(text: string, known: (start: number, end: number) => boolean): string {
  let out = text.replace(/[零〇一二三四五六七八九]{4}(?=\s*(?:年|财年))/g, (run, at: number) =>
    known(at, at + run.length) ? run : [...run].map((ch) => DIGIT[ch]).join(''),
  );
  out = out.replace(/百分之([零〇一二两三四五六七八九十百]+|\d+(?:\.\d+)?)/g, (all, n: string) => {
    const value = /^\d/.test(n) ? n : (parseChineseNumber(n) ?? DIGIT[n]);
    return value === undefined ? all : `${value}%`;
  });
  return out.replace(/[零〇一二两三四五六七八九十百千万亿]{2,}/g, (run, at: number) => {
    if (NOT_NUMBERS.test(run) || known(at, at + run.length)) return run;
    const value = parseChineseNumber(run);
    return value === undefined ? run : String(value);
  });
}

/** Formal written wording read as plain Mandarin (之 → 的, 几何 → 多少, 本年度迄今 → 今年至今). */
export function readFormalWords(text: string): string {
  let out = text;
  for (const [pattern, to] of FORMAL_WORDS) out = out.replace(pattern, to);
  return out;
}
