import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import {
  AFTER_DIMENSION_HEAD,
  NOT_DIMENSION_HEADS,
  ONE_CHARACTER_HEAD_LEADS,
} from '../lexicon/dialect-words.ts';
import type { Correction } from './correct-question.ts';

/** Each one-character head (区, 市, 类) to the one dimension whose Chinese name ends with it. */
function dimensionHeads(catalog: Catalog): Map<string, string> {
  const found = new Map<string, Set<string>>();
  const label = new Map<string, string>();
  for (const dim of catalog.dimensions) {
    if (dim.type === 'time' || dim.tag) continue;
    for (const name of [dim.label.zh, ...dim.synonyms.zh]) {
      if (!/^\p{Script=Han}{2,}$/u.test(name)) continue;
      const head = name[name.length - 1];
      found.set(head, (found.get(head) ?? new Set()).add(dim.id));
      if (!label.has(`${head}:${dim.id}`)) label.set(`${head}:${dim.id}`, dim.label.zh);
    }
  }
  const heads = new Map<string, string>();
  for (const [head, dims] of found)
    if (dims.size === 1 && !NOT_DIMENSION_HEADS.test(head))
      heads.set(head, label.get(`${head}:${[...dims][0]}`) ?? head);
  return heads;
}

const headsCache = new WeakMap<Catalog, Map<string, string>>();

/**
 * "哪个区的流失率最高", "按区分开看", "各市": one character after a grouping lead standing for the one dimension
 * whose name ends with it, when no word of the model or the language starts there (各区域, 按城市 stay).
 */
export function readOneCharacterHeads(
  text: string,
  catalog: Catalog,
  startsKnownWord: (text: string, at: number) => boolean,
  corrections: Correction[],
): string {
  let heads = headsCache.get(catalog);
  if (!heads) {
    heads = dimensionHeads(catalog);
    headsCache.set(catalog, heads);
  }
  const lead = new RegExp(`${ONE_CHARACTER_HEAD_LEADS.source}(\\p{Script=Han})`, 'gu');
  return text.replace(lead, (whole: string, head: string, at: number) => {
    const name = heads.get(head);
    const start = at + whole.length - 1;
    if (!name || startsKnownWord(text, start)) return whole;
    // "各个群体": the head must end a word (a boundary, a joining character or a known word after it)
    const next = text[start + 1];
    const ends =
      next === undefined ||
      !/\p{Script=Han}/u.test(next) ||
      AFTER_DIMENSION_HEAD.test(next) ||
      startsKnownWord(text, start + 1);
    if (!ends) return whole;
    corrections.push({ kind: 'shorthand', from: head, to: name });
    return `${whole.slice(0, -1)}${name}`;
  });
}
