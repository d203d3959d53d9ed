import { api, query } from '../api/client.ts';
import type { Column } from '../api/types.ts';
import { type AtRiskPage, type AtRiskRow, atRiskPage, atRiskRows } from '../at-risk-rows.ts';
import { loadCatalog } from '../catalog-store.ts';
import { dataTable } from '../components/data-table.ts';
import { emptyState, loadInto } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { formatValue } from '../format.ts';
import { pick, t } from '../i18n/i18n.ts';
import type { Route } from '../router.ts';

const VALUE_TIERS = ['', 'high', 'medium', 'low'] as const;
const LEVELS = ['', 'very_high', 'high', 'medium', 'low'] as const;
const SORTS = ['risk', 'expected_loss'] as const;
const PAGE_SIZE = 100;

/**
 * At-risk customers: one count (the server's `atRisk`, the home tile's), paged with the total; the
 * search box, region, level and value tier filter on the server, so the page, the total and the CSV
 * export follow exactly what is on screen; sorted by churn probability or by expected loss (said).
 */
export function atRiskScreen(outlet: HTMLElement, route: Route): void {
  const actionId = route.params.get('action');
  // An action's targets are listed exactly (server-side); the segment text only filters the whole list.
  const segment = actionId ? '' : (route.params.get('segment') ?? '');
  const heading = h('p', { class: 'muted', role: 'status' });
  const ids = {
    tier: uid('tier'),
    level: uid('level'),
    region: uid('region'),
    sort: uid('sort'),
    search: uid('search'),
  };
  const options = <V extends string>(values: readonly V[], label: (v: V) => string) =>
    values.map((v) => h('option', { value: v }, label(v)));
  const tier = h(
    'select',
    { id: ids.tier },
    options(VALUE_TIERS, (v) => (v ? t(`tier.${v}`) : t('atRisk.allTiers'))),
  );
  const level = h(
    'select',
    { id: ids.level },
    options(LEVELS, (v) => (v ? t(`atRisk.level.${v}`) : t('atRisk.allLevels'))),
  );
  const region = h('select', { id: ids.region }, [h('option', { value: '' }, t('atRisk.allRegions'))]);
  const sort = h(
    'select',
    { id: ids.sort },
    options(SORTS, (v) => t(`atRisk.sort.${v}`)),
  );
  const search = h('input', {
    id: ids.search,
    type: 'search',
    placeholder: t('atRisk.searchPlaceholder'),
    value: segment,
  });
  const body = h('div', { class: 'at-risk-body' });
  let page = 1;

  void loadCatalog().then((catalog) => {
    const values = catalog.dimensions.find((d) => d.id === 'region')?.values ?? [];
    region.append(...values.map((v) => h('option', { value: v.value }, pick(v.label))));
  });

  const filters = () => ({
    q: search.value.trim(),
    region: region.value,
    risk_level: level.value,
    value_tier: tier.value,
    sort: sort.value,
  });

  const columns = (): Column[] => [
    { name: 'customerId', label: t('atRisk.customer'), type: 'string' },
    { name: 'name', label: t('atRisk.name'), type: 'string' },
    { name: 'region', label: t('atRisk.region'), type: 'string' },
    { name: 'valueTier', label: t('atRisk.valueTier'), type: 'string' },
    { name: 'riskScore', label: t('atRisk.riskScore'), type: 'number', format: 'percent' },
    { name: 'riskTier', label: t('atRisk.riskLevel'), type: 'string' },
    { name: 'expectedLoss', label: t('atRisk.expectedLoss'), type: 'number', format: 'currency' },
    { name: 'reasons', label: t('atRisk.why'), type: 'string' },
    { name: 'action', label: t('atRisk.action'), type: 'string' },
  ];

  const pager = (result: AtRiskPage) => {
    const last = Math.max(1, Math.ceil(result.total / result.pageSize));
    const go = (to: number) => () => {
      page = to;
      void load();
    };
    const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
    const to = Math.min(result.total, result.page * result.pageSize);
    return h(
      'div',
      { class: 'toolbar at-risk-pager' },
      h(
        'span',
        { class: 'muted' },
        t('atRisk.pageSummary', { from, to, total: formatValue(result.total, 'count') }),
      ),
      h(
        'button',
        { type: 'button', class: 'btn btn-small', disabled: result.page <= 1, onclick: go(result.page - 1) },
        t('atRisk.prev'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          disabled: result.page >= last,
          onclick: go(result.page + 1),
        },
        t('atRisk.next'),
      ),
    );
  };

  const showTable = (rows: AtRiskRow[]) =>
    dataTable(columns(), rows, {
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
        location.href = `/api/customers/at-risk${query({ format: 'csv', ...filters() })}`;
      },
    });

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
          return { result: null, rows: atRiskRows({ customers: targets.customers }) };
        }
        const reply = await api(
          'GET',
          `/api/customers/at-risk${query({ ...filters(), page, pageSize: PAGE_SIZE })}`,
        );
        const result = atRiskPage(reply);
        heading.textContent = t('atRisk.count', { count: formatValue(result.atRisk, 'count') });
        return { result, rows: result.rows };
      },
      ({ result, rows }) => {
        if (rows.length === 0)
          return emptyState(t(result && result.atRisk > 0 ? 'atRisk.noMatch' : 'atRisk.none'));
        const sortNote = h(
          'p',
          { class: 'muted' },
          t(`atRisk.sorted.${sort.value as (typeof SORTS)[number]}`),
        );
        return h('div', null, sortNote, showTable(rows), ...(result ? [pager(result)] : []));
      },
    );
  const reload = () => {
    page = 1;
    void load();
  };
  for (const select of [tier, level, region, sort]) select.addEventListener('change', reload);
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(reload, 300);
  });

  const labelled = (id: string, text: string, control: HTMLElement) => [
    h('label', { for: id }, text),
    control,
  ];
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
        ...labelled(ids.search, t('atRisk.search'), search),
        ...labelled(ids.region, t('atRisk.region'), region),
        ...labelled(ids.level, t('atRisk.riskLevel'), level),
        ...labelled(ids.tier, t('atRisk.valueTier'), tier),
        ...labelled(ids.sort, t('atRisk.sortBy'), sort),
      ),
      body,
    ),
  );
  void load();
}
