/**
 * The form of a metric monitor (issue 15): names, metric, filters, period, condition (threshold, change in
 * pp or %, z-score anomaly), attribution, schedule (cron + time zone) and owner. `read()` gives the YAML
 * object the semantic layer's `MonitorSchema` reads (validated by the server when saved to a draft).
 */
import type { CatalogResponse } from '../api/types.ts';
import { h, uid } from '../dom.ts';
import { pick, t } from '../i18n/i18n.ts';
import type { MessageId } from '../i18n/messages-en.ts';

export interface MetricMonitor {
  kind: 'metric';
  label: { zh: string; en: string };
  description?: { zh: string; en: string };
  metric: string;
  filters: { member: string; op?: 'in' | 'not_in'; values: (string | number | boolean)[] }[];
  breakdown?: string[];
  period: 'week' | 'month' | 'quarter';
  condition: Record<string, unknown> & { type: 'always' | 'threshold' | 'change' | 'anomaly' };
  attribution: 'decomposition' | 'reasons' | 'none';
  schedule: { cron: string; timezone?: string };
  owner: string;
}

function field(label: string, control: HTMLElement): HTMLElement {
  const id = uid('mf');
  control.id = id;
  return h('label', { class: 'field', for: id }, h('span', null, label), control);
}

function choice<T extends string>(name: string, values: readonly T[], selected: T, label: (v: T) => string) {
  return h(
    'select',
    { name },
    values.map((v) => h('option', { value: v, selected: v === selected }, label(v))),
  );
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' ? String(v) : String(fallback));

export function monitorForm(
  initial: MetricMonitor,
  catalog: CatalogResponse,
  isNew: boolean,
  id: string,
): { element: HTMLElement; read: () => { id: string; monitor: MetricMonitor } } {
  const c = initial.condition;
  const idInput = h('input', { name: 'id', value: id, required: true, pattern: '[a-z][a-z0-9_]*' });
  idInput.readOnly = !isNew;
  const labelZh = h('input', { name: 'label_zh', value: initial.label.zh, required: true });
  const labelEn = h('input', { name: 'label_en', value: initial.label.en, required: true });
  const metric = h(
    'select',
    { name: 'metric' },
    catalog.metrics.map((m) =>
      h('option', { value: m.id, selected: m.id === initial.metric }, `${pick(m.label)} (${m.id})`),
    ),
  );
  const dimensions = catalog.dimensions.filter((d) => d.type === 'categorical' || d.type === 'boolean');
  const filterRows = h('div', { class: 'filter-rows' });
  const addFilter = (member = dimensions[0]?.id ?? '', values = '') => {
    const memberSelect = h(
      'select',
      { name: 'filter_member' },
      dimensions.map((d) => h('option', { value: d.id, selected: d.id === member }, pick(d.label))),
    );
    const valuesInput = h('input', { name: 'filter_values', value: values });
    const row = h(
      'div',
      { class: 'filter-row' },
      field(t('monitors.filterMember'), memberSelect),
      field(t('monitors.filterValues'), valuesInput),
      h('button', { type: 'button', class: 'btn', onclick: () => row.remove() }, t('monitors.removeFilter')),
    );
    filterRows.append(row);
  };
  for (const f of initial.filters) addFilter(f.member, f.values.map(String).join(', '));

  const period = choice('period', ['week', 'month', 'quarter'] as const, initial.period, (v) =>
    t(`monitors.period.${v}`),
  );
  const type = choice('condition', ['always', 'threshold', 'change', 'anomaly'] as const, c.type, (v) =>
    t(`monitors.condition.${v}`),
  );
  const op = choice('op', ['above', 'below'] as const, (c.op as 'above') ?? 'above', (v) =>
    t(`monitors.op.${v}`),
  );
  const value = h('input', { name: 'value', type: 'number', step: 'any', value: num(c.value, 0.1) });
  const direction = choice('direction', ['up', 'down', 'any'] as const, (c.direction as 'up') ?? 'any', (v) =>
    t(`monitors.direction.${v}`),
  );
  const by = h('input', { name: 'by', type: 'number', step: 'any', min: '0', value: num(c.by, 0.5) });
  const unit = choice('unit', ['pp', 'percent'] as const, (c.unit as 'pp') ?? 'pp', (v) =>
    t(`monitors.unit.${v}`),
  );
  const trailing = h('input', {
    name: 'trailing',
    type: 'number',
    min: '3',
    max: '24',
    value: num(c.trailing, 6),
  });
  const z = h('input', { name: 'z', type: 'number', step: 'any', min: '0', value: num(c.z, 2) });
  const parts = {
    threshold: h('div', { class: 'row' }, field(t('monitors.op'), op), field(t('monitors.value'), value)),
    change: h(
      'div',
      { class: 'row' },
      field(t('monitors.direction'), direction),
      field(t('monitors.by'), by),
      field(t('monitors.unit'), unit),
    ),
    anomaly: h('div', { class: 'row' }, field(t('monitors.trailing'), trailing), field(t('monitors.z'), z)),
  };
  const syncCondition = () => {
    for (const [k, el] of Object.entries(parts)) el.hidden = k !== type.value;
  };
  type.addEventListener('change', syncCondition);
  syncCondition();
  const attribution = choice(
    'attribution',
    ['decomposition', 'reasons', 'none'] as const,
    initial.attribution,
    (v) => t(`monitors.attribution.${v}` as MessageId),
  );
  const cron = h('input', { name: 'cron', value: initial.schedule.cron, required: true });
  const timezone = h('input', { name: 'timezone', value: initial.schedule.timezone ?? '' });
  const owner = h('input', { name: 'owner', value: initial.owner, required: true });

  const element = h(
    'div',
    { class: 'monitor-fields' },
    h(
      'div',
      { class: 'row' },
      field(t('monitors.id'), idInput),
      field(t('monitors.labelZh'), labelZh),
      field(t('monitors.labelEn'), labelEn),
    ),
    h('div', { class: 'row' }, field(t('monitors.metric'), metric), field(t('monitors.period'), period)),
    h(
      'fieldset',
      null,
      h('legend', null, t('monitors.filters')),
      filterRows,
      h('button', { type: 'button', class: 'btn', onclick: () => addFilter() }, t('monitors.addFilter')),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, t('monitors.condition')),
      field(t('monitors.condition'), type),
      parts.threshold,
      parts.change,
      parts.anomaly,
      field(t('monitors.attribution'), attribution),
    ),
    h(
      'div',
      { class: 'row' },
      field(t('monitors.cron'), cron),
      field(t('monitors.timezone'), timezone),
      field(t('monitors.owner'), owner),
    ),
  );

  const condition = (): MetricMonitor['condition'] => {
    switch (type.value) {
      case 'threshold':
        return { type: 'threshold', op: op.value, value: Number(value.value) };
      case 'change':
        return { type: 'change', direction: direction.value, by: Number(by.value), unit: unit.value };
      case 'anomaly':
        return { type: 'anomaly', method: 'zscore', trailing: Number(trailing.value), z: Number(z.value) };
      default:
        return { type: 'always' };
    }
  };

  return {
    element,
    read: () => ({
      id: idInput.value.trim(),
      monitor: {
        ...initial,
        kind: 'metric',
        label: { zh: labelZh.value.trim(), en: labelEn.value.trim() },
        metric: metric.value,
        filters: Array.from(filterRows.querySelectorAll('.filter-row')).map((row) => ({
          member: (row.querySelector('select') as HTMLSelectElement).value,
          op: 'in' as const,
          values: (row.querySelector('input') as HTMLInputElement).value
            .split(/[,，、]/)
            .map((v) => v.trim())
            .filter(Boolean),
        })),
        period: period.value as MetricMonitor['period'],
        condition: condition(),
        attribution: attribution.value as MetricMonitor['attribution'],
        schedule: {
          cron: cron.value.trim(),
          ...(timezone.value.trim() ? { timezone: timezone.value.trim() } : {}),
        },
        owner: owner.value.trim(),
      },
    }),
  };
}
