import type { Answer, Filter, Intent, SemanticQuery } from '../api/types.ts';
import type { CatalogIndex } from '../catalog-store.ts';
import { h } from '../dom.ts';
import { pick, t } from '../i18n/i18n.ts';
import {
  intentFor,
  removeDimension,
  removeFilter,
  removeMetric,
  replaceMetric,
  setCompare,
  setDimension,
  setFilter,
  setGrain,
  setTimeRange,
  shiftDate,
} from '../query-edits.ts';
import { checkboxGroup, dateControl, openChipEditor, selectControl } from './chip-editor.ts';
import { dimensionSelect, worthGrouping } from './dimension-picker.ts';
import { filterWords, periodWords } from './query-words.ts';

const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
type Grain = (typeof GRAINS)[number];
type ChipKind = 'metric' | 'dimension' | 'filter' | 'period' | 'grain' | 'compare';

/** Re-runs the answer with an edited interpretation. */
export type RerunQuery = (query: SemanticQuery, intent: Intent) => void;

function chip(
  kind: ChipKind,
  label: string,
  edit: (chip: HTMLElement) => void,
  remove?: () => void,
): HTMLElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'chip-label',
      'aria-expanded': 'false',
      'data-chip': kind,
      title: t('chips.edit'),
    },
    h('span', { class: 'chip-kind' }, t(`chips.kind.${kind}`)),
    h('span', { class: 'chip-value' }, label),
  );
  button.addEventListener('click', () => edit(button));
  return h(
    'span',
    { class: `chip chip-${kind}` },
    button,
    remove &&
      h(
        'button',
        { type: 'button', class: 'chip-remove', 'aria-label': t('chips.remove', { label }), onclick: remove },
        '×',
      ),
  );
}

/**
 * The answer's interpretation as editable chips (metric, dimensions, filters, period, grain, comparison):
 * changing one re-runs the question with the edited `SemanticQuery` (POST /api/ask `{query, intent}`).
 */
export function interpretationChips(
  answer: Answer,
  catalog: CatalogIndex,
  rerun: RerunQuery,
): HTMLElement | null {
  const interpreted = answer.interpretation.query;
  if (!interpreted) return null;
  const query: SemanticQuery = interpreted;
  const intent = answer.interpretation.intent;
  const slot = h('div', { class: 'chip-editor-slot' });
  const run = (next: SemanticQuery) => rerun(next, intentFor(intent, next));

  const metricOptions = catalog.catalog.metrics.map((m) => ({ value: m.id, label: pick(m.label) }));
  const dimensionOptions = (exclude: string[]) =>
    catalog
      .groupable(query.metrics)
      .filter((d) => !exclude.includes(d.id) && worthGrouping(d))
      .map((d) => ({ value: d.id, label: pick(d.label) }));

  const chips: HTMLElement[] = [];
  for (const metric of query.metrics) {
    chips.push(
      chip(
        'metric',
        catalog.label(metric),
        (el) => {
          const select = selectControl(t('chips.kind.metric'), metricOptions, metric);
          openChipEditor(slot, el, t('chips.changeMetric'), [select.element], () =>
            run(replaceMetric(query, metric, select.value())),
          );
        },
        query.metrics.length > 1 ? () => run(removeMetric(query, metric)) : undefined,
      ),
    );
  }
  for (const dimension of query.dimensions) {
    chips.push(
      chip(
        'dimension',
        catalog.label(dimension),
        (el) => {
          const options = [
            { value: dimension, label: catalog.label(dimension) },
            ...dimensionOptions(query.dimensions),
          ];
          const select = selectControl(t('chips.kind.dimension'), options, dimension);
          openChipEditor(slot, el, t('chips.changeDimension'), [select.element], () =>
            run(setDimension(query, dimension, select.value())),
          );
        },
        () => run(removeDimension(query, dimension)),
      ),
    );
  }
  query.filters.forEach((filter, index) => {
    chips.push(filterChip(filter, index));
  });
  if (query.timeRange) {
    const { start, end } = query.timeRange;
    const lastDay = shiftDate(end, -1);
    chips.push(
      chip(
        'period',
        periodWords(query.timeRange),
        (el) => {
          const from = dateControl(t('chips.from'), start);
          const to = dateControl(t('chips.to'), lastDay);
          openChipEditor(slot, el, t('chips.changePeriod'), [from.element, to.element], () => {
            if (from.value() && to.value() && from.value() <= to.value())
              run(setTimeRange(query, { start: from.value(), lastDay: to.value() }));
          });
        },
        // A period-bound metric (churn rate) cannot drop its period.
        query.metrics.every((m) => !catalog.metric(m)?.requiresPeriod)
          ? () => run(setTimeRange(query, null))
          : undefined,
      ),
    );
  }
  if (query.time) {
    const grain = query.time.grain;
    chips.push(
      chip(
        'grain',
        t(`chips.grain.${grain}`),
        (el) => {
          const options = GRAINS.map((g) => ({ value: g, label: t(`chips.grain.${g}`) }));
          const select = selectControl(t('chips.kind.grain'), options, grain);
          openChipEditor(slot, el, t('chips.changeGrain'), [select.element], () =>
            run(setGrain(query, select.value() as Grain)),
          );
        },
        () => run(setGrain(query, null)),
      ),
    );
  }
  if (query.compare) {
    const options = (['previous_period', 'same_period_last_year'] as const).map((c) => ({
      value: c,
      label: t(`chips.compare.${c}`),
    }));
    chips.push(
      chip(
        'compare',
        t(`chips.compare.${query.compare}`),
        (el) => {
          const select = selectControl(t('chips.kind.compare'), options, query.compare!);
          openChipEditor(slot, el, t('chips.changeCompare'), [select.element], () =>
            run(setCompare(query, select.value() as SemanticQuery['compare'])),
          );
        },
        () => run(setCompare(query, null)),
      ),
    );
  }

  function filterChip(filter: Filter, index: number): HTMLElement {
    const dimension = catalog.dimension(filter.member);
    return chip(
      'filter',
      filterWords(catalog, filter),
      (el) => {
        if (!dimension || dimension.values.length === 0) return;
        const group = checkboxGroup(
          catalog.label(filter.member),
          dimension.values.map((v) => ({ value: v.value, label: pick(v.label) })),
          filter.values.map(String),
        );
        openChipEditor(
          slot,
          el,
          t('chips.changeFilter', { member: catalog.label(filter.member) }),
          [group.element],
          () => run(setFilter(query, index, { ...filter, values: group.values() })),
        );
      },
      () => run(removeFilter(query, index)),
    );
  }

  const add = h(
    'button',
    { type: 'button', class: 'chip chip-add', 'aria-expanded': 'false' },
    `+ ${t('chips.addDimensionOrFilter')}`,
  );
  add.addEventListener('click', () => {
    const groupBy = dimensionSelect(
      t('chips.groupBy'),
      catalog.groupable(query.metrics).filter((d) => !query.dimensions.includes(d.id)),
    );
    const filterBy = dimensionSelect(
      t('chips.filterBy'),
      catalog.catalog.dimensions.filter((d) => d.values.length > 0),
    );
    // A new filter asks for its values: the chosen dimension's values appear as checkboxes.
    const valueSlot = h('div', { class: 'filter-values' });
    let valueGroup: ReturnType<typeof checkboxGroup> | null = null;
    filterBy.select.addEventListener('change', () => {
      const dimension = catalog.dimension(filterBy.value());
      valueGroup = dimension
        ? checkboxGroup(
            catalog.label(dimension.id),
            dimension.values.map((v) => ({ value: v.value, label: pick(v.label) })),
            [],
          )
        : null;
      valueSlot.replaceChildren(valueGroup?.element ?? '');
    });
    const grain = query.time
      ? null
      : selectControl(
          t('chips.trendBy'),
          [
            { value: '', label: t('chips.none') },
            ...GRAINS.map((g) => ({ value: g, label: t(`chips.grain.${g}`) })),
          ],
          '',
        );
    openChipEditor(
      slot,
      add,
      t('chips.addTitle'),
      [groupBy.element, filterBy.element, valueSlot, grain?.element ?? null].filter(Boolean) as Node[],
      () => {
        let next = query;
        if (groupBy.value()) next = setDimension(next, null, groupBy.value());
        if (grain?.value()) next = setGrain(next, grain.value() as Grain);
        const member = filterBy.value();
        if (member) {
          const values = valueGroup?.values() ?? [];
          if (values.length === 0) {
            valueSlot.append(
              h(
                'p',
                { class: 'form-error', role: 'alert' },
                t('chips.pickValues', { member: catalog.label(member) }),
              ),
            );
            return false;
          }
          next = setFilter(next, null, { member, op: 'in', values });
        }
        if (next !== query) run(next);
      },
    );
  });

  const { understood } = answer.interpretation;
  return h(
    'div',
    { class: 'interpretation' },
    h('div', { class: 'chips', role: 'group', 'aria-label': t('chips.title') }, chips, add),
    slot,
    understood.length > 0 &&
      h(
        'p',
        { class: 'understood muted' },
        `${t('chips.understood')} `,
        understood.map((u) => h('span', { class: 'understood-term' }, `“${u.text}” → ${u.meaning}`)),
      ),
  );
}
