import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { simplifyChinese } from '../feedback/simplify-chinese.ts';
import { catalogIndex } from './match/catalog-index.ts';
import { findPhrases } from './match/phrase-finder.ts';
import { normaliseKey } from './text/normalise.ts';

/** A served model, as routing sees it. */
export interface RoutableModel {
  id: string;
  catalog: Catalog;
}

/** Names of a model's metrics and dimensions (labels and synonyms), normalised. */
function memberNames(catalog: Catalog): string[] {
  return [...catalog.metrics, ...catalog.dimensions].flatMap((m) =>
    [m.label.zh, m.label.en, ...m.synonyms.zh, ...m.synonyms.en].map(normaliseKey),
  );
}

/**
 * The served model a question is about when the client named none: "電信那邊的平均月租費", "telco churn by
 * contract", "按合约期看流失率" go to the model whose business words (model.yaml `synonyms`: 电信, telco,
 * 运营商) or whose own member names (合约期, tenure: names no member of the default model has) the
 * question uses, when it names nothing of the default model's business. Otherwise the default model.
 */
export function routeQuestion(question: string, models: RoutableModel[], defaultId: string): string {
  const current = models.find((m) => m.id === defaultId);
  if (!current) return defaultId;
  const text = normaliseKey(simplifyChinese(question));
  const has = (words: string[]) =>
    findPhrases(
      text,
      words.filter((w) => w.length >= 2),
    ).length > 0;
  const ownWords = [...(current.catalog.synonyms?.zh ?? []), ...(current.catalog.synonyms?.en ?? [])];
  if (has(ownWords.map(normaliseKey))) return defaultId;
  const currentKeys = catalogIndex(current.catalog).keys;
  for (const other of models) {
    if (other.id === defaultId) continue;
    const words = [...(other.catalog.synonyms?.zh ?? []), ...(other.catalog.synonyms?.en ?? [])];
    if (has(words.map(normaliseKey))) return other.id;
    // names only the other model has, long enough to mean something on their own (合约期, "tenure")
    const distinct = memberNames(other.catalog).filter(
      (n) => !currentKeys.has(n) && n.length >= (/[a-z]/.test(n) ? 6 : 3),
    );
    if (has(distinct)) return other.id;
  }
  return defaultId;
}
