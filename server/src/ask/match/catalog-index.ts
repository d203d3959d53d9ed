import type { Catalog, CatalogDimension, Synonyms } from '../../../../semantic-layer/src/catalog.ts';
import {
  BOTH_PREFIXES,
  DE_HEADS_ZH,
  GENERIC_VALUE_WORDS,
  NO_VALUES,
  VALUE_CONNECTORS,
  WHETHER_PREFIXES_ZH,
  WITH_PREFIXES,
  WITHOUT_PREFIXES,
  YES_VALUES,
} from '../lexicon/generic-words.ts';
import { normaliseKey } from '../text/normalise.ts';

/** What a dictionary word stands for: a metric, a dimension, or a stored value of a dimension. */
export type MatchTarget =
  | { kind: 'metric'; id: string }
  | { kind: 'dimension'; id: string }
  | { kind: 'value'; dimension: string; value: string };

/** A target with its rank: on the same words a metric beats a dimension, which beats a value. */
export interface RankedTarget {
  target: MatchTarget;
  rank: number;
}

/** The dictionary of one catalog, keyed by normalised words. */
export interface CatalogIndex {
  keys: Map<string, RankedTarget[]>;
  /** The distinct lengths (longest first) of the keys starting with each two-character prefix. */
  lengthsByPrefix: Map<string, number[]>;
  /** English keys split into words, by their first letter, for typo-tolerant matching. */
  englishKeys: Map<string, { key: string; words: string[] }[]>;
}

export const RANK = { metric: 50, dimension: 40, dimensionValue: 35, value: 30 } as const;
const MAX_VALUES_FOR_PAIRS = 60;

const targetKey = (t: MatchTarget) =>
  t.kind === 'value' ? `v:${t.dimension}:${t.value}` : `${t.kind}:${t.id}`;

/** English plural/singular forms of a key's last word ("region" ↔ "regions", "category" → "categories"). */
function numberVariants(key: string): string[] {
  if (!/[a-z]$/.test(key)) return [];
  if (key.endsWith('ies')) return [`${key.slice(0, -3)}y`];
  if (key.endsWith('s') && !key.endsWith('ss')) return [key.slice(0, -1)];
  if (/[^aeiou]y$/.test(key)) return [`${key.slice(0, -1)}ies`];
  if (/(s|x|ch|sh)$/.test(key)) return [`${key}es`];
  return [`${key}s`];
}

const usable = (key: string) => key.length >= 2 && !/^[\d\s%]+$/.test(key) && !GENERIC_VALUE_WORDS.has(key);

/** "沉睡客户" → "沉睡的客户": the 的 form of a Chinese name ending in a head that takes it (lexicon DE_HEADS_ZH). */
function withDe(name: string): string[] {
  const head = DE_HEADS_ZH.find((h) => name.endsWith(h) && name.length - h.length >= 2);
  if (!head) return [];
  const before = name.slice(0, name.length - head.length);
  return before.endsWith('的') || !/^[\p{Script=Han}]+$/u.test(before) ? [] : [`${before}的${head}`];
}

/** "高风险" + "风险等级" → "高风险等级": a value whose end begins the dimension's name, said as one word. */
function overlapped(value: string, dimension: string): string[] {
  for (let k = Math.min(value.length - 1, dimension.length - 1); k >= 2; k--)
    if (value.endsWith(dimension.slice(0, k))) return [`${value}${dimension.slice(k)}`];
  return [];
}

const names = (label: { zh: string; en: string }, synonyms: Synonyms, extra: string[] = []) => ({
  zh: [label.zh, ...synonyms.zh],
  en: [label.en, ...synonyms.en, ...extra],
});

function build(catalog: Catalog): CatalogIndex {
  const keys = new Map<string, RankedTarget[]>();
  // keys that only exist as the plural/singular form of another word
  const formsOnly = new Set<string>();
  const add = (raw: string, target: MatchTarget, rank: number, allowGeneric = false) => {
    const key = normaliseKey(raw);
    if (!allowGeneric && !usable(key)) return;
    if (key.length < 2) return;
    for (const k of [key, ...numberVariants(key)]) {
      let list = keys.get(k) ?? [];
      if (k !== key && list.length > 0) continue; // a plural form never overrides a real word
      if (k !== key) formsOnly.add(k);
      else if (formsOnly.delete(k)) list = []; // … and a real word replaces a mere form ("senior citizens")
      const existing = list.find((r) => targetKey(r.target) === targetKey(target));
      if (existing) existing.rank = Math.max(existing.rank, rank);
      else list.push({ target, rank });
      keys.set(k, list);
    }
  };
  for (const m of catalog.metrics) {
    const n = names(m.label, m.synonyms, [m.id]);
    for (const w of [...n.zh, ...n.en]) add(w, { kind: 'metric', id: m.id }, RANK.metric);
    for (const w of n.zh.flatMap(withDe)) add(w, { kind: 'metric', id: m.id }, RANK.metric);
  }
  for (const d of catalog.dimensions) {
    const n = names(d.label, d.synonyms, [d.id]);
    for (const w of [...n.zh, ...n.en]) add(w, { kind: 'dimension', id: d.id }, RANK.dimension);
    for (const p of WHETHER_PREFIXES_ZH)
      for (const w of n.zh) add(`${p}${w}`, { kind: 'dimension', id: d.id }, RANK.dimension);
    addValues(d, add);
    addYesNo(d, add);
  }
  for (const d of catalog.dimensions) addStagePeople(d, keys, add);
  const lengthsByPrefix = new Map<string, number[]>();
  for (const key of keys.keys()) {
    const list = lengthsByPrefix.get(key.slice(0, 2)) ?? [];
    if (!list.includes(key.length)) list.push(key.length);
    lengthsByPrefix.set(key.slice(0, 2), list);
  }
  for (const list of lengthsByPrefix.values()) list.sort((a, b) => b - a);
  // typo tolerance only for member names and values, not for the generated "dimension + value" pairs
  const englishKeys = new Map<string, { key: string; words: string[] }[]>();
  for (const [key, targets] of keys) {
    if (
      !/^[a-z0-9 ]+$/.test(key) ||
      !/[a-z]{5}/.test(key) ||
      targets.every((t) => t.rank === RANK.dimensionValue)
    )
      continue;
    const list = englishKeys.get(key[0]) ?? [];
    list.push({ key, words: key.split(' ') });
    englishKeys.set(key[0], list);
  }
  return { keys, lengthsByPrefix, englishKeys };
}

type Add = (raw: string, target: MatchTarget, rank: number, allowGeneric?: boolean) => void;

/** People words a stage's stem takes ("沉睡" + 会员). */
const STAGE_PEOPLE_ZH = ['客户', '用户', '会员', '顾客'];

/**
 * "沉睡会员", "沉睡的客户": a value named as its stem + the dimension's head (沉睡阶段 of 生命周期阶段) is
 * also said as the stem + a people word. Only words no other member has (活跃客户 stays the metric).
 */
function addStagePeople(d: CatalogDimension, keys: Map<string, RankedTarget[]>, add: Add): void {
  const head = d.label.zh.slice(-2);
  if (!/^\p{Script=Han}{2}$/u.test(head)) return;
  for (const v of d.values) {
    if (!v.label.zh.endsWith(head) || v.label.zh.length < head.length + 2) continue;
    const stem = v.label.zh.slice(0, -head.length);
    for (const p of STAGE_PEOPLE_ZH)
      for (const w of [`${stem}${p}`, `${stem}的${p}`])
        if (!keys.has(normaliseKey(w)))
          add(w, { kind: 'value', dimension: d.id, value: v.value }, RANK.value);
  }
}

/** Values by label, stored value and synonyms, plus "dimension + value" pairs ("技术支持为否", "no tech support"). */
function addValues(d: CatalogDimension, add: Add): void {
  const dimNames = names(d.label, d.synonyms);
  for (const v of d.values) {
    const target: MatchTarget = { kind: 'value', dimension: d.id, value: v.value };
    const n = names(v.label, v.synonyms, [v.value]);
    for (const w of [...n.zh, ...n.en]) add(w, target, RANK.value);
    for (const w of n.zh.flatMap(withDe)) add(w, target, RANK.value);
    if (d.values.length > MAX_VALUES_FOR_PAIRS) continue;
    for (const dn of dimNames.zh) {
      for (const vn of [v.label.zh, v.value]) {
        for (const w of [
          ...VALUE_CONNECTORS.zh.map((c) => `${dn}${c}${vn}`),
          `${vn}${dn}`,
          ...overlapped(vn, dn),
        ])
          add(w, target, RANK.dimensionValue, true);
      }
    }
    for (const dn of dimNames.en) {
      for (const vn of [v.label.en, v.value]) {
        for (const w of [...VALUE_CONNECTORS.en.map((c) => `${dn}${c}${vn}`), `${vn} ${dn}`])
          add(w, target, RANK.dimensionValue, true);
      }
    }
  }
}

const isOneOf = (v: CatalogDimension['values'][number], words: string[]) =>
  [v.value, v.label.zh, v.label.en].some((w) => words.includes(normaliseKey(w)));

/** The stored yes and no values of a yes-no dimension ("Yes"/"No", "true"/"false"), if it is one. */
export function yesNoValues(d: CatalogDimension): { yes: string; no: string } | undefined {
  const yes = d.values.find((v) => isOneOf(v, YES_VALUES));
  const no = d.values.find((v) => isOneOf(v, NO_VALUES));
  return yes && no ? { yes: yes.value, no: no.value } : undefined;
}

/** Keys naming both values of a yes-no dimension: the dimension, read as its two values compared. */
export function namesBothValues(key: string): boolean {
  return [...BOTH_PREFIXES.zh, ...BOTH_PREFIXES.en].some((p) => key.startsWith(normaliseKey(p)));
}

/** A yes-no dimension: "有技术支持 / with tech support" is its yes value, "没有… / without …" its no value. */
function addYesNo(d: CatalogDimension, add: Add): void {
  const yes = d.values.find((v) => isOneOf(v, YES_VALUES));
  const no = d.values.find((v) => isOneOf(v, NO_VALUES));
  if (!yes || !no) return;
  const dimNames = names(d.label, d.synonyms);
  const dimension: MatchTarget = { kind: 'dimension', id: d.id };
  for (const dn of dimNames.zh)
    for (const p of BOTH_PREFIXES.zh) add(`${p}${dn}`, dimension, RANK.dimension, true);
  for (const dn of dimNames.en)
    for (const p of BOTH_PREFIXES.en) add(`${p} ${dn}`, dimension, RANK.dimension, true);
  const pairs: [CatalogDimension['values'][number], { zh: string[]; en: string[] }][] = [
    [yes, WITH_PREFIXES],
    [no, WITHOUT_PREFIXES],
  ];
  for (const [v, prefixes] of pairs) {
    const target: MatchTarget = { kind: 'value', dimension: d.id, value: v.value };
    for (const p of prefixes.zh) {
      for (const dn of dimNames.zh) add(`${p}${dn}`, target, RANK.dimensionValue, true);
      for (const dn of dimNames.en) add(`${p} ${dn}`, target, RANK.dimensionValue, true);
    }
    for (const p of prefixes.en)
      for (const dn of dimNames.en) add(`${p} ${dn}`, target, RANK.dimensionValue, true);
  }
}

const cache = new WeakMap<Catalog, CatalogIndex>();

/** The dictionary of a catalog, built once per catalog object. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = cache.get(catalog);
  if (!index) {
    index = build(catalog);
    cache.set(catalog, index);
  }
  return index;
}
