import { accessFor } from '../../../semantic-layer/src/access-policy.ts';
import type { Catalog, Lang } from '../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import { WHOLE_SCOPE_WORDS } from '../ask/lexicon/generic-words.ts';
import { foldWidthAndCase } from '../ask/text/normalise.ts';
import { messageCatalog } from '../i18n/message-catalog.ts';
import { EN } from './messages/messages-en.ts';
import { ZH } from './messages/messages-zh.ts';

const message = messageCatalog({ en: EN, zh: ZH });

/** A query narrowed to what the user may see, and the headline saying so when it changed what they asked. */
export interface AccessScoped {
  query: SemanticQueryInput;
  /** "你只能查看华南的数据，以下为华南的结果。": first sentence of the narrative. */
  notice?: string;
}

/**
 * Row-level security seen from the question: a filter on a secured dimension asking for values the user
 * may not see (华东 for the 华南 manager) is narrowed to the values they may see (dropped when none is
 * left, the policy then keeps their own), and when that, a grouping by the secured dimension or a word
 * asking for everything (全国, nationwide) changes what was asked, the answer's headline says so.
 * The compiler still applies the policy on every path (this only decides what to say and drops a filter
 * that could only return nothing).
 */
export function scopeToAccess(
  model: SemanticModel,
  catalog: Catalog,
  attributes: Record<string, string[]> | undefined,
  query: SemanticQueryInput,
  question: string | undefined,
  lang: Lang,
): AccessScoped {
  const access = accessFor(model, attributes);
  if (access.kind !== 'restricted') return { query };
  const folded = foldWidthAndCase(question ?? '');
  const wholeScope = WHOLE_SCOPE_WORDS.some((w) => folded.includes(w));
  let filters = [...(query.filters ?? [])];
  let changed = wholeScope;
  for (const rule of access.rules) {
    if ((query.dimensions ?? []).includes(rule.dimension)) changed = true;
    filters = filters.flatMap((f) => {
      if (f.member !== rule.dimension || (f.op !== 'in' && f.op !== 'eq')) return [f];
      const values = (f.values ?? []).map(String);
      const kept = values.filter((v) => rule.values.includes(v));
      if (kept.length === values.length) return [f];
      changed = true;
      return kept.length > 0 ? [{ ...f, values: kept }] : [];
    });
  }
  if (!changed) return { query };
  const labels = access.rules.flatMap((r) => {
    const dimension = catalog.dimensions.find((d) => d.id === r.dimension);
    return r.values.map((v) => dimension?.values.find((x) => x.value === v)?.label[lang] ?? v);
  });
  const scope = labels.join(message('understood_separator', lang));
  return { query: { ...query, filters }, notice: message('access_only', lang, { scope }) };
}
