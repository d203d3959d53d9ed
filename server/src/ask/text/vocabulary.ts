import type { Catalog, Synonyms } from '../../../../semantic-layer/src/catalog.ts';
import { ACTION_CUE_WORDS } from '../lexicon/action-cue-words.ts';
import { ANALYSIS_CUE_WORDS } from '../lexicon/analysis-cue-words.ts';
import * as compare from '../lexicon/compare-words.ts';
import { CUE_WORDS } from '../lexicon/cue-words.ts';
import * as generic from '../lexicon/generic-words.ts';
import * as scope from '../lexicon/scope-words.ts';
import { SHORTHAND_WORDS } from '../lexicon/shorthand-words.ts';
import { STOP_WORDS_EN, STOP_WORDS_ZH } from '../lexicon/stop-words.ts';
import * as threshold from '../lexicon/threshold-words.ts';
import * as time from '../lexicon/time-words.ts';

/** Dimensions with more values than this (cities) are known words but never a correction's target. */
const MAX_TARGET_VALUES = 60;

/** Every string inside a value (arrays, sets, records), recursively. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof RegExp || typeof value !== 'object' || value === null) return [];
  if (value instanceof Set || Array.isArray(value)) return [...value].flatMap(strings);
  return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
}

const englishWords = (texts: string[]) =>
  texts.flatMap((t) => t.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length >= 2);
const chineseWords = (texts: string[]) => texts.filter((t) => /\p{Script=Han}/u.test(t));

const names = (label: { zh: string; en: string }, synonyms: Synonyms) => [
  label.zh,
  label.en,
  ...synonyms.zh,
  ...synonyms.en,
];

/** The model's words: Chinese names, English words that typos may be corrected to, and all English words. */
export function modelVocabulary(catalog: Catalog) {
  const targets: string[] = [];
  const all: string[] = [];
  for (const m of catalog.metrics) targets.push(...names(m.label, m.synonyms), m.id.replace(/_/g, ' '));
  for (const d of catalog.dimensions) {
    targets.push(...names(d.label, d.synonyms), d.id.replace(/_/g, ' '));
    for (const v of d.values) {
      const words = [...names(v.label, v.synonyms), v.value];
      if (d.values.length <= MAX_TARGET_VALUES) targets.push(...words);
      else all.push(...words);
    }
  }
  // the business calendar's names (十一黄金周, 双十一, golden week): known words, never rewritten
  const calendar = (catalog.calendar ?? []).flatMap((e) => names(e.label, e.synonyms));
  all.push(...calendar);
  return {
    zh: chineseWords([...targets, ...calendar]),
    enTargets: englishWords(targets),
    enAll: englishWords([...targets, ...all]),
  };
}

let language: ReturnType<typeof buildLanguage> | undefined;

function buildLanguage() {
  const targets = strings([CUE_WORDS, ANALYSIS_CUE_WORDS, ACTION_CUE_WORDS, time, compare]);
  const known = strings([
    STOP_WORDS_ZH,
    STOP_WORDS_EN,
    generic,
    scope,
    threshold,
    Object.values(SHORTHAND_WORDS),
  ]);
  return {
    zhTime: chineseWords(strings([time, compare])),
    zhTargets: chineseWords(targets),
    zhKnown: chineseWords(known),
    enTargets: englishWords(targets),
    enKnown: englishWords(known),
  };
}

/** The language's words (lexicon): cue and time words are targets, stop words only known. */
export function languageVocabulary() {
  language ??= buildLanguage();
  return language;
}
