import {
  LOOKUP_LEADS_ZH,
  MENTION_LEAD,
  PEOPLE_VARIANTS_EN,
  PICTOGRAPHS,
  POLITE_TAIL_EN,
  PURPOSE_SENTENCE,
  REPORTED_ASK_ZH,
  THANKS_TAIL_ZH,
  TONE_AT_CLAUSE_END,
} from '../lexicon/harmless-words.ts';
import { SHORTHAND_WORDS } from '../lexicon/shorthand-words.ts';
import type { Correction } from './correct-question.ts';
import { isEnglishWord } from './english-words.ts';

/** At least two letters or digits: what must remain of a question after its wrapper is dropped. */
const SOMETHING_LEFT = /[\p{L}\p{N}].*[\p{L}\p{N}]/su;

/** Drops `pattern` from the text when a question remains. */
function drop(text: string, pattern: RegExp): string {
  const out = text.replace(pattern, '');
  return SOMETHING_LEFT.test(out) ? out : text;
}

/**
 * A line break inside a sentence (no sentence mark before it; a lower-case letter or a Chinese character
 * after it) is a clause break in Chinese and a space in English: the message is one question typed on two
 * lines, not two sentences.
 */
function joinBrokenLines(text: string): string {
  return text.replace(
    /([^\s。.!！?？;；:：,，])[ \t]*\r?\n+[ \t]*(?=([a-z]|\p{Script=Han}))/gu,
    (_, before: string, after: string) =>
      /\p{Script=Han}/u.test(before) || /\p{Script=Han}/u.test(after) ? `${before}，` : `${before} `,
  );
}

/**
 * A question in Title Case ("How Many New Customers Did We Acquire Last Quarter?"): its capitalised words
 * of the dictionary or of shorthand (Cnt, Rt) are read in lower case, so they are not taken for names. Only when nearly every word
 * is capitalised; acronyms (NPS, Q3) and words the dictionary lacks (names) are kept as written.
 */
function untitle(text: string): string {
  const words = text.match(/[A-Za-z][A-Za-z'-]+/g) ?? [];
  const capitalised = words.filter((w) => /^[A-Z][a-z'-]+$/.test(w));
  if (words.length < 4 || capitalised.length < words.length * 0.8) return text;
  const known = (w: string) => isEnglishWord(w.replace(/'.*$/, '')) || w in SHORTHAND_WORDS;
  return text.replace(/\b[A-Z][a-z'-]+\b/g, (w) => (known(w.toLowerCase()) ? w.toLowerCase() : w));
}

/**
 * Evens out wording that changes nothing of the question (lexicon/harmless-words.ts): pictographs, a line
 * break mid-sentence, an @mention, a polite lead-in or a reported ask (老板想知道，) opening it, thanks, laughter, tildes and repeated
 * question marks closing it, a closing sentence of purpose, Title Case, a space between digits and Chinese, "clients" for customers (named back).
 * @example evenOutWording('@数据助手 请问上季度流失率是多少哈？？谢谢🙏', []) === '上季度流失率是多少？'
 */
export function evenOutWording(question: string, corrections: Correction[]): string {
  let text = joinBrokenLines(question.replace(PICTOGRAPHS, ''));
  text = drop(text, MENTION_LEAD);
  text = drop(text, LOOKUP_LEADS_ZH);
  text = drop(text, REPORTED_ASK_ZH);
  text = drop(text, PURPOSE_SENTENCE);
  text = drop(text, THANKS_TAIL_ZH);
  text = drop(text, TONE_AT_CLAUSE_END);
  text = text.replace(/([?？])[?？]+/g, '$1');
  text = drop(text, POLITE_TAIL_EN);
  text = untitle(text);
  // digits are written against Chinese (25岁, 双11, 前5): a space between them ("双 11") is layout
  text = text.replace(/(\p{Script=Han}) +(?=\d)|(\d) +(?=\p{Script=Han})/gu, '$1$2');
  for (const [pattern, to] of PEOPLE_VARIANTS_EN)
    text = text.replace(pattern, (from) => {
      const read = /^[A-Z]/.test(from) ? to.replace(/^./, (c) => c.toUpperCase()) : to;
      corrections.push({ kind: 'shorthand', from, to: read });
      return read;
    });
  return text.trim();
}
