import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import type { PresentedMember } from './presentation-input.ts';

const BOOLEAN_LABELS: Record<string, { zh: string; en: string }> = {
  true: { zh: '是', en: 'Yes' },
  false: { zh: '否', en: 'No' },
};

/** Labels, formats and value labels of every catalog member, keyed by id, for presentation. */
export function presentedMembers(catalog: Catalog): Record<string, PresentedMember> {
  const members: Record<string, PresentedMember> = {};
  for (const m of catalog.metrics)
    members[m.id] = { label: m.label, format: m.format, lowerIsBetter: m.lowerIsBetter };
  for (const d of catalog.dimensions) {
    // Booleans read as words, never `true`/`false`: the catalog's own value labels (a tag's 高频低客单价客户 /
    // 非高频低客单价客户) first, else 是/否 · Yes/No.
    const values: PresentedMember['values'] = d.type === 'boolean' ? { ...BOOLEAN_LABELS } : {};
    for (const v of d.values) {
      // a boolean's undeclared label is its stored value ("true"): keep 是/否 · Yes/No then
      const raw = d.type === 'boolean' && v.label.zh === v.value && v.label.en === v.value;
      if (!raw) values[v.value] = v.label;
    }
    members[d.id] = { label: d.label, format: d.format, values };
  }
  return members;
}

/** The definitions an answer used (metrics and dimensions of its query), for provenance. */
export function usedDefinitions(
  catalog: Catalog,
  ids: string[],
  lang: 'zh' | 'en',
): { id: string; label: string; description: string }[] {
  const all = [...catalog.metrics, ...catalog.dimensions];
  return [...new Set(ids)].flatMap((id) => {
    const m = all.find((x) => x.id === id);
    return m ? [{ id, label: m.label[lang], description: m.description[lang] }] : [];
  });
}
