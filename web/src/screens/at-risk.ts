import { api, query } from '../api/client.ts';
import type { Column } from '../api/types.ts';
import { type AtRiskRow, atRiskRows } from '../at-risk-rows.ts';
import { dataTable } from '../components/data-table.ts';
import { emptyState, loadInto } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { Route } from '../router.ts';

const TIERS = ['', 'high', 'medium', 'low'] as const;

/** At-risk customers: filter by value tier and text, sort, why each is flagged, suggested action, CSV export. */
export function atRiskScreen(outlet: HTMLElement, route: Route): void {
  const actionId = route.params.get('action');
  // An action's targets are listed exactly (server-side); the segment text only filters the whole list.
  const segment = actionId ? '' : (route.params.get('segment') ?? '');
  const heading = h('p', { class: 'muted', role: 'status' });
  const tierId = uid('tier');
  const searchId = uid('search');
  const tier = h(
    'select',
    { id: tierId },
    TIERS.map((v) => h('option', { value: v }, v ? t(`tier.${v}`) : t('atRisk.allTiers'))),
  );
  const search = h('input', {
    id: searchId,
    type: 'search',
    placeholder: t('atRisk.searchPlaceholder'),
    value: segment,
  });
  const body = h('div', { class: 'at-risk-body' });
  let rows: AtRiskRow[] = [];

  const columns = (): Column[] => [
    { name: 'customerId', label: t('atRisk.customer'), type: 'string' },
    { name: 'name', label: t('atRisk.name'), type: 'string' },
    { name: 'region', label: t('atRisk.region'), type: 'string' },
    { name: 'valueTier', label: t('atRisk.valueTier'), type: 'string' },
    { name: 'riskScore', label: t('atRisk.riskScore'), type: 'number', format: 'percent' },
    { name: 'reasons', label: t('atRisk.why'), type: 'string' },
    { name: 'action', label: t('atRisk.action'), type: 'string' },
  ];

  const showTable = () => {
    const needle = search.value.trim().toLowerCase();
    const visible = needle
      ? rows.filter((r) =>
          [r.customerId, r.name, r.region, r.action, ...r.reasons].some((x) =>
            x.toLowerCase().includes(needle),
          ),
        )
      : rows;
    if (rows.length === 0) return emptyState(t('atRisk.none'));
    if (visible.length === 0) return emptyState(t('atRisk.noMatch'));
    return dataTable(columns(), visible, {
      title: t('atRisk.title'),
      renderCell: {
        customerId: (value) =>
          h('a', { href: `#/customer/${encodeURIComponent(String(value))}` }, String(value)),
        reasons: (value) =>
          h(
            'ul',
            { class: 'reason-list' },
            (value as string[]).map((r) => h('li', null, r)),
          ),
        riskScore: (value) => (value === null ? '—' : `${Math.round(Number(value) * 100)}%`),
      },
      exportCsv: () => {
        location.href = `/api/customers/at-risk${query({ format: 'csv', value_tier: tier.value, limit: 5000 })}`;
      },
    });
  };

  const load = () =>
    loadInto(
      body,
      async () => {
        if (actionId) {
          const targets = await api<{ label: string; count: number; customers: unknown[] }>(
            'GET',
            `/api/customers/by-action/${encodeURIComponent(actionId)}${query({ value_tier: tier.value })}`,
          );
          heading.textContent = t('atRisk.actionTargets', { action: targets.label, count: targets.count });
          rows = atRiskRows({ customers: targets.customers });
          return rows;
        }
        rows = atRiskRows(
          await api('GET', `/api/customers/at-risk${query({ limit: 500, value_tier: tier.value })}`),
        );
        return rows;
      },
      () => {
        const holder = h('div', null, showTable());
        search.oninput = () => holder.replaceChildren(showTable());
        return holder;
      },
    );
  tier.addEventListener('change', () => void load());

  outlet.replaceChildren(
    h(
      'div',
      { class: 'at-risk' },
      h('h1', null, t('atRisk.title')),
      h('p', { class: 'muted' }, t('atRisk.intro')),
      heading,
      h(
        'div',
        { class: 'toolbar' },
        h('label', { for: tierId }, t('atRisk.valueTier')),
        tier,
        h('label', { for: searchId }, t('atRisk.search')),
        search,
      ),
      body,
    ),
  );
  void load();
}
