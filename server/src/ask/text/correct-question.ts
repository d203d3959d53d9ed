import { distance } from 'fastest-levenshtein';
import { pinyin } from 'pinyin-pro';
import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import {
  CANTONESE_GRAMMAR_WORDS,
  CANTONESE_MARKERS,
  CANTONESE_MORE_WORDS,
  CANTONESE_WORDS,
  MISHEARD_WORDS,
  REGIONAL_WORDS,
} from '../lexicon/dialect-words.ts';
import { LETTER_COURTESIES_EN, SIGN_OFF_EN } from '../lexicon/filler-words.ts';
import {
  FORWARD_PREFIXES,
  MIN_TYPO_LENGTH,
  SHORTHAND_PHRASES,
  SHORTHAND_WORDS,
} from '../lexicon/shorthand-words.ts';
import { ONE_CHARACTER_JOINERS } from '../lexicon/stop-words-zh.ts';
import { correctionMessages } from './correction-messages.ts';
import { readOneCharacterHeads } from './dimension-heads.ts';
import { isEnglishWord } from './english-words.ts';
import { evenOutWording } from './harmless-wording.ts';
import { readLearnerEnglish } from './learner-english.ts';
import { initialsIndex, wordForInitials } from './pinyin-initials.ts';
import { simplifyQuestion } from './simplify-question.ts';
import { languageVocabulary, modelVocabulary } from './vocabulary.ts';
import { readChineseNumerals, readFormalWords } from './written-register.ts';

/** One change made to the question before matching, named back to the user. */
export interface Correction {
  kind: 'traditional' | 'dialect' | 'regional' | 'homophone' | 'typo' | 'shorthand' | 'initials';
  from: string;
  to: string;
}

export interface CorrectedQuestion {
  text: string;
  corrections: Correction[];
}

interface Dictionary {
  /** Chinese words, by their toneless pinyin. */
  byPinyin: Map<string, string[]>;
  /** The same words by their pinyin with zh/ch/sh, -ng and l/n folded (near-homophones: 投述 → 投诉). */
  byLoosePinyin: Map<string, string[]>;
  /** The model's Chinese words by their pinyin initials ("lsl" → 流失率). */
  byInitials: Map<string, string[]>;
  /** Chinese words (2+ characters) of the model and time words: never rewritten. */
  zhWords: Set<string>;
  /** Other words of the language (cues, stop words): a window wholly inside one is left alone. */
  zhLexicon: Set<string>;
  /** Two- and three-character pieces of the model's words (渠道 of 获客渠道): a correction never cuts one. */
  zhPieces: Set<string>;
  zhLengths: number[];
  /** English words a typo may be corrected to. */
  enTargets: string[];
  /** English words known as they are. */
  enKnown: Set<string>;
}

const CJK_RUN = /\p{Script=Han}+/gu;

const toneless = (text: string) => pinyin(text, { toneType: 'none', type: 'array' }).join(' ');
/** Toneless pinyin with the retroflex initials many speakers merge folded (sh/s, zh/z, ch/c: 投述 → 投诉). */
const loose = (key: string) => key.replace(/\b([zcs])h/g, '$1');

function buildDictionary(catalog: Catalog): Dictionary {
  const model = modelVocabulary(catalog);
  const language = languageVocabulary();
  const zhTargets = [...model.zh, ...language.zhTargets].filter((w) => /^\p{Script=Han}{2,8}$/u.test(w));
  const byPinyin = new Map<string, string[]>();
  const byLoosePinyin = new Map<string, string[]>();
  for (const w of new Set(zhTargets)) {
    const key = toneless(w);
    byPinyin.set(key, [...(byPinyin.get(key) ?? []), w]);
    byLoosePinyin.set(loose(key), [...(byLoosePinyin.get(loose(key)) ?? []), w]);
  }
  const byInitials = initialsIndex(model.zh);
  const han = (w: string) => /^\p{Script=Han}{2,}$/u.test(w);
  const zhWords = new Set([...model.zh, ...language.zhTime].filter(han));
  const zhLexicon = new Set([...language.zhTargets, ...language.zhKnown].filter(han));
  const zhLengths = [...new Set([...byPinyin.values()].flat().map((w) => w.length))].sort((a, b) => b - a);
  const enKnown = new Set([...model.enAll, ...language.enKnown, ...model.enTargets, ...language.enTargets]);
  const enTargets = [...new Set([...model.enTargets, ...language.enTargets])].filter(
    (w) => w.length >= MIN_TYPO_LENGTH,
  );
  const zhPieces = new Set(
    [...zhWords].flatMap((w) =>
      [2, 3].flatMap((n) => [...w].slice(0, 1 - n).map((_, i) => w.slice(i, i + n))),
    ),
  );
  return { byPinyin, byLoosePinyin, byInitials, zhWords, zhLexicon, zhPieces, zhLengths, enTargets, enKnown };
}

const cache = new WeakMap<Catalog, Dictionary>();
function dictionary(catalog: Catalog): Dictionary {
  let d = cache.get(catalog);
  if (!d) {
    d = buildDictionary(catalog);
    cache.set(catalog, d);
  }
  return d;
}

/** Cantonese wording read as Mandarin (lexicon/dialect-words.ts), only in a question marked as Cantonese. */
function readCantonese(text: string, corrections: Correction[]): string {
  if (!CANTONESE_MARKERS.test(text)) return text;
  return readWords(
    text,
    [...CANTONESE_MORE_WORDS, ...CANTONESE_WORDS, ...CANTONESE_GRAMMAR_WORDS],
    'dialect',
    corrections,
  );
}

/** Each word of a list rewritten, the change named back as `kind`. */
function readWords(
  text: string,
  words: [RegExp, string][],
  kind: Correction['kind'],
  corrections: Correction[],
): string {
  let out = text;
  for (const [pattern, to] of words) {
    out = out.replace(pattern, (from) => {
      corrections.push({ kind, from, to });
      return to;
    });
  }
  return out;
}

const windowTries = (lengths: number[]) =>
  [false, true].flatMap((withKnown) => lengths.map((length) => ({ length, withKnown })));

/** Whether the character at `at` is inside a word of the language (a cue or stop word: 哪个, 看看, 一下). */
function inLexiconWord(run: string, at: number, d: Dictionary): boolean {
  for (let length = 2; length <= 6; length++)
    for (let from = Math.max(0, at - length + 1); from <= at; from++)
      if (d.zhLexicon.has(run.slice(from, from + length))) return true;
  return false;
}

/** Whether the word [start, end) ends inside a longer model or time word ("客单加上个月": 加上 runs into 上个月). */
function runsIntoModelWord(run: string, start: number, end: number, d: Dictionary): boolean {
  for (let a = start + 1; a < end; a++)
    for (let b = end + 1; b <= Math.min(run.length, a + 8); b++)
      if (d.zhWords.has(run.slice(a, b))) return true;
  return false;
}

/**
 * Whether a word of the language or the model written in the run crosses an edge of the window
 * [from, to): it starts before the window and ends inside it, or starts inside and ends after it
 * ("一下各月": 一下 covers 下, so 下各月 is never read as 下个月; "一个个" is never 一各个).
 */
function crossesKnownWord(run: string, from: number, to: number, d: Dictionary): boolean {
  // a piece of a model word that starts inside the window and runs past it ("各渠道": 渠道 of 获客渠道)
  const isWord = (w: string, start: number) =>
    d.zhLexicon.has(w) || d.zhWords.has(w) || (start >= from && d.zhPieces.has(w));
  for (let start = Math.max(0, from - 5); start < to; start++)
    for (let end = start + 2; end <= Math.min(run.length, start + 6); end++) {
      const crosses = (start < from && end > from && end <= to) || (start >= from && start < to && end > to);
      if (crosses && isWord(run.slice(start, end), start) && !runsIntoModelWord(run, start, end, d))
        return true;
    }
  return false;
}

/**
 * Chinese homophones of the vocabulary ("流逝率" → 流失率, "复够" → 复购, "上各月" → 上个月): a run of
 * characters that is not itself a known word but sounds exactly like one (tones ignored) and shares a
 * character with it, or is three characters or longer.
 */
function fixHomophones(text: string, d: Dictionary, corrections: Correction[]): string {
  let out = text;
  for (const run of text.matchAll(CJK_RUN)) {
    const s = run[0];
    const known = new Array<boolean>(s.length).fill(false);
    for (let i = 0; i < s.length; i++)
      for (let j = i + 2; j <= s.length; j++) if (d.zhWords.has(s.slice(i, j))) known.fill(true, i, j);
    const replaced: { start: number; to: string; from: string; named: number }[] = [];
    for (let i = 0; i < s.length; i++) {
      // first windows of unknown characters only; then windows that end in known words ("活越客户数")
      for (const { length, withKnown } of windowTries(d.zhLengths)) {
        const window = s.slice(i, i + length);
        const knownHere = known.slice(i, i + length);
        const unknown = knownHere.filter((k) => !k).length;
        if (window.length !== length || knownHere[0]) continue;
        if (withKnown ? unknown === length || unknown < 2 : unknown < length) continue;
        if ([...d.zhLexicon].some((w) => w.includes(window))) continue;
        // a two-character window right after a character nobody knows is likely the end of an unknown word
        // ("社群活跃度": 跃度 is not 月度); the unknown word is then named back whole, never half-corrected
        // ("华东跟话南": after a one-character joiner the window starts a word of its own)
        if (
          length === 2 &&
          i > 0 &&
          !known[i - 1] &&
          !inLexiconWord(s, i - 1, d) &&
          !ONE_CHARACTER_JOINERS.has(s[i - 1])
        )
          continue;
        // a correction never makes a word across the edge of a word already written ("看一下各月")
        if (crossesKnownWord(s, i, i + length, d)) continue;
        // a known word inside the window stays as written ("活越客户" → 活跃客户, never a rewrite of 客户)
        const keepsKnown = (w: string) => [...w].every((ch, k) => !knownHere[k] || ch === window[k]);
        const fits = (w: string) =>
          w !== window && keepsKnown(w) && (length >= 3 || [...w].some((ch) => window.includes(ch)));
        const key = toneless(window);
        let distinct = [...new Set((d.byPinyin.get(key) ?? []).filter(fits))];
        if (distinct.length === 0)
          distinct = [...new Set((d.byLoosePinyin.get(loose(key)) ?? []).filter(fits))].filter(
            (w) => [...w].filter((ch, k) => ch !== window[k]).length === 1,
          );
        if (distinct.length !== 1) continue;
        // named back without the known words kept at its end ("活越客户数" is named 活越 → 活跃)
        const named = withKnown ? length - [...knownHere].reverse().findIndex((k) => !k) : length;
        replaced.push({ start: i, from: window, to: distinct[0], named });
        known.fill(true, i, i + length);
        i += length - 1;
        break;
      }
    }
    if (replaced.length === 0) continue;
    let fixed = '';
    let at = 0;
    for (const r of replaced) {
      fixed += s.slice(at, r.start) + r.to;
      at = r.start + r.from.length;
      corrections.push({ kind: 'homophone', from: r.from.slice(0, r.named), to: r.to.slice(0, r.named) });
    }
    fixed += s.slice(at);
    out = out.replace(s, fixed);
  }
  return out;
}

/**
 * Pinyin initials of a model word typed in a Chinese question ("上个月lsl多少" → 流失率): only a run of
 * 2 to 5 letters that is not an English word or a known shorthand, and only one word with those initials.
 */
function readInitials(text: string, d: Dictionary, corrections: Correction[]): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  return text.replace(/(?<![A-Za-z0-9_])[a-z]{2,5}(?![A-Za-z0-9_])/g, (from) => {
    if (d.enKnown.has(from) || SHORTHAND_WORDS[from] || isEnglishWord(from)) return from;
    const to = wordForInitials(from, d.byInitials);
    if (!to) return from;
    corrections.push({ kind: 'initials', from, to });
    return to;
  });
}

/** The one closest English target within the allowed distance, if there is exactly one. */
function closestWord(word: string, d: Dictionary): string | undefined {
  const allowed = word.length >= 6 ? 2 : 1;
  let best: string[] = [];
  let bestDistance = allowed + 1;
  for (const t of d.enTargets) {
    if (Math.abs(t.length - word.length) > allowed) continue;
    const dist = distance(word, t);
    if (dist > allowed || (dist === 2 && t[0] !== word[0])) continue;
    if (dist < bestDistance) {
      best = [t];
      bestDistance = dist;
    } else if (dist === bestDistance && !best.includes(t)) best.push(t);
  }
  if (best.length > 1) best = best.filter((t) => t[0] === word[0]);
  return best.length === 1 ? best[0] : undefined;
}

/** A plural of a known word, as written ("plans") or misspelt ("citys" → city). */
function pluralOf(w: string, d: Dictionary): { known: boolean; singular?: string } {
  if (w.endsWith('ies') && d.enKnown.has(`${w.slice(0, -3)}y`)) return { known: true };
  if (/[^aeiou]ys$/.test(w) && d.enKnown.has(w.slice(0, -1)))
    return { known: false, singular: w.slice(0, -1) };
  if (w.endsWith('es') && d.enKnown.has(w.slice(0, -2))) return { known: true };
  if (w.endsWith('s') && d.enKnown.has(w.slice(0, -1))) return { known: true };
  return { known: false };
}

/** English shorthand ("qtr", "w/o") and misspellings of the vocabulary ("custmer", "contarct"). */
function fixEnglish(text: string, d: Dictionary, corrections: Correction[]): string {
  let out = text;
  for (const [pattern, to] of SHORTHAND_PHRASES) {
    out = out.replace(pattern, (from) => {
      const read = from.replace(new RegExp(pattern.source, 'i'), to);
      corrections.push({ kind: 'shorthand', from, to: read });
      return read;
    });
  }
  return out.replace(/[A-Za-z]+/g, (from) => {
    const word = from.toLowerCase();
    const short = SHORTHAND_WORDS[word];
    if (short && !d.enKnown.has(word)) {
      corrections.push({ kind: 'shorthand', from, to: short });
      return short;
    }
    if (word.length < MIN_TYPO_LENGTH || d.enKnown.has(word)) return from;
    const plural = pluralOf(word, d);
    if (plural.known) return from;
    const to = plural.singular ?? (isEnglishWord(word) ? undefined : closestWord(word, d));
    if (!to) return from;
    corrections.push({ kind: 'typo', from, to });
    return to;
  });
}

/**
 * The normalisation stage before matching: traditional → simplified Chinese, Chinese homophones of the
 * vocabulary, English shorthand and typos against the catalog's and the lexicon's words. Every change is
 * returned so the answer can name it back.
 * @example correctQuestion('上個月的流逝率', catalog).text === '上个月的流失率'
 */
export function correctQuestion(question: string, catalog: Catalog): CorrectedQuestion {
  const d = dictionary(catalog);
  const corrections: Correction[] = [];
  let text = evenOutWording(simplifyQuestion(question, corrections, d.zhWords), corrections);
  text = readLearnerEnglish(text, corrections);
  for (const prefix of FORWARD_PREFIXES) text = text.replace(prefix, '');
  for (const courtesy of LETTER_COURTESIES_EN) text = text.replace(courtesy, '');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(SIGN_OFF_EN, '');
  }
  text = readChineseNumerals(text, (from, to) => overlapsKnownWord(text, from, to, d));
  text = readCantonese(text, corrections);
  text = readFormalWords(text);
  text = readWords(text, REGIONAL_WORDS, 'regional', corrections);
  text = readWords(text, MISHEARD_WORDS, 'homophone', corrections);
  text = readOneCharacterHeads(text, catalog, (t, at) => startsKnownWord(t, at, d), corrections);
  text = fixHomophones(text, d, corrections);
  text = readInitials(text, d, corrections);
  text = fixEnglish(text, d, corrections);
  return { text, corrections };
}

/** Whether a word of the model or the language (2+ characters) overlaps [from, to) (双十一, 十一黄金周). */
function overlapsKnownWord(text: string, from: number, to: number, d: Dictionary): boolean {
  for (let start = Math.max(0, from - 7); start < to; start++)
    for (let end = Math.max(start + 2, from + 1); end <= Math.min(text.length, start + 8); end++) {
      const w = text.slice(start, end);
      if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(w) && (d.zhWords.has(w) || d.zhLexicon.has(w)))
        return true;
    }
  return false;
}

/** Whether a word of the model or the language (2+ characters) starts at `at`. */
function startsKnownWord(text: string, at: number, d: Dictionary): boolean {
  for (let length = 2; length <= 8 && at + length <= text.length; length++) {
    const w = text.slice(at, at + length);
    if (d.zhWords.has(w) || d.zhLexicon.has(w)) return true;
  }
  return false;
}

/** The corrections as one sentence in the user's language ("按“流失”理解“流逝”"). */
export function describeCorrections(corrections: Correction[], lang: Lang): string | undefined {
  if (corrections.length === 0) return undefined;
  const seen = new Set<string>();
  const unique = corrections.filter((c) => !seen.has(`${c.from}→${c.to}`) && seen.add(`${c.from}→${c.to}`));
  const changes = (kind: Correction['kind']) =>
    unique.filter((c) => c.kind === kind).map((c) => `${c.from}→${c.to}`);
  const parts = unique.flatMap((c) => {
    if (c.kind === 'dialect' || c.kind === 'regional') {
      if (c !== unique.find((x) => x.kind === c.kind)) return [];
      return correctionMessages[c.kind](changes(c.kind), lang);
    }
    if (c.kind === 'traditional')
      return lang === 'zh'
        ? `繁体按简体理解（${c.to}）`
        : `traditional characters read as simplified (${c.to})`;
    return lang === 'zh' ? `按“${c.to}”理解“${c.from}”` : `read "${c.from}" as "${c.to}"`;
  });
  return lang === 'zh' ? parts.join('；') : parts.join('; ').replace(/^./, (ch) => ch.toUpperCase());
}
