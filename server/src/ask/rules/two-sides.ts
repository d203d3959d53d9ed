import type { Catalog, CatalogDimension } from '../../../../semantic-layer/src/catalog.ts';
import { yesNoValues } from '../match/catalog-index.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { hasCue } from './intent.ts';
import type { Members } from './members.ts';

/** Cues that set two groups against each other ("vs", "对比", "差多少", "是不是更高", "with and without"). */
const TWO_SIDE_CUES = ['comparison', 'difference', 'withAndWithout'] as const;

/**
 * "用券的客户 vs 不用券的，流失率差多少", "有没有 tech support 的 churn rate 差多少", "paperless billing 的用户
 * 跟纸质账单的比一下": a question that sets two groups against each other and names one yes-no trait
 * (by its name or by one of its values) compares both sides of that trait, never one of them. The trait
 * becomes the compared dimension (both values in an `in` filter), so the answer shows both groups and the
 * difference. Nothing changes when another dimension already has two values compared ("fiber vs DSL among
 * customers without tech support"), when the baseline is the whole population ("vs the average"), or
 * when a time comparison is what is compared ("比上个月高吗"). Returns the dimension read on both sides.
 */
export function readTwoSides(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  members: Members,
): string | undefined {
  const cued = TWO_SIDE_CUES.some((c) => hasCue(analysis, c));
  if (!cued || hasCue(analysis, 'overall') || hasCue(analysis, 'total')) return undefined;
  if (analysis.time.compare && !hasCue(analysis, 'withAndWithout')) return undefined;
  const compared = [...members.valuesByDimension.entries()].filter(([, v]) => v.length >= 2);
  let traits = catalog.dimensions.filter((d) => {
    if (!yesNoValues(d)) return false;
    const filters = members.filters.filter((f) => f.member === d.id);
    const single = filters.length > 0 && filters.every((f) => (f.values ?? []).length === 1);
    return members.dimensions.includes(d.id) || single;
  });
  if (traits.length === 0 && hasCue(analysis, 'withAndWithout')) {
    // "churn rate with and without coupons": the one value read is another dimension's (a coupon
    // retention action); the yes-no trait named by the same word (Coupon user) is what is compared
    const named = namedTrait(members, catalog);
    if (named) {
      members.filters = members.filters.filter((f) => f.member !== named.from);
      members.valuesByDimension.delete(named.from);
      traits = [named.trait];
    }
  }
  if (traits.length !== 1 || compared.some(([id]) => id !== traits[0].id)) return undefined;
  const trait = traits[0];
  const both = yesNoValues(trait)!;
  members.filters = [
    ...members.filters.filter((f) => f.member !== trait.id),
    { member: trait.id, op: 'in', values: [both.yes, both.no] },
  ];
  members.valuesByDimension.set(trait.id, [both.yes, both.no]);
  if (!members.dimensions.includes(trait.id)) members.dimensions.push(trait.id);
  return trait.id;
}

/** The one yes-no dimension whose names contain the word of the only value read ("coupons" → Coupon user). */
function namedTrait(
  members: Members,
  catalog: Catalog,
): { trait: CatalogDimension; from: string } | undefined {
  if (members.valueMatches.length !== 1) return undefined;
  const m = members.valueMatches[0];
  const t = m.targets[0].target;
  if (t.kind !== 'value') return undefined;
  const word = normaliseKey(m.text).replace(/s$/, '');
  if (word.length < 3) return undefined;
  const found = catalog.dimensions.filter(
    (d) =>
      yesNoValues(d) &&
      [d.label.zh, d.label.en, ...d.synonyms.zh, ...d.synonyms.en].some((n) =>
        normaliseKey(n).includes(word),
      ),
  );
  return found.length === 1 ? { trait: found[0], from: t.dimension } : undefined;
}
