/**
 * The dimension picker of the chips: only dimensions worth grouping by (categories with known values,
 * bands, yes/no flags — never free text, IDs or raw numbers), grouped by kind.
 */
import type { CatalogDimension } from '../api/types.ts';
import { h } from '../dom.ts';
import { pick, t } from '../i18n/i18n.ts';

const KINDS = ['categorical', 'numeric_band', 'boolean'] as const;

/** Whether a dimension makes a readable grouping or filter (not customer_id, customer_name, feedback_text…). */
export function worthGrouping(d: CatalogDimension): boolean {
  if (d.type === 'boolean') return true;
  return (
    (d.type === 'categorical' || d.type === 'numeric_band') && d.values.length > 0 && d.values.length <= 60
  );
}

/** A `<select>` of dimensions in option groups by kind, with a "none" first. */
export function dimensionSelect(
  label: string,
  dimensions: CatalogDimension[],
  selected = '',
): { element: HTMLElement; select: HTMLSelectElement; value: () => string } {
  const usable = dimensions.filter(worthGrouping);
  const select = h(
    'select',
    { 'aria-label': label, class: 'dimension-picker' },
    h('option', { value: '' }, t('chips.none')),
    KINDS.map((kind) => {
      const members = usable.filter((d) => d.type === kind);
      return (
        members.length > 0 &&
        h(
          'optgroup',
          { label: t(`picker.group.${kind}`) },
          members.map((d) => h('option', { value: d.id, selected: d.id === selected }, pick(d.label))),
        )
      );
    }),
  );
  return {
    element: h('label', { class: 'field' }, h('span', null, label), select),
    select,
    value: () => select.value,
  };
}
