import { api } from '../api/client.ts';
import { CatalogIndex, loadCatalog } from '../catalog-store.ts';
import { codeLabel, memberValueText } from '../code-labels.ts';
import { dataTable } from '../components/data-table.ts';
import { loadInto } from '../components/states.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageId } from '../i18n/messages-en.ts';
import { currentModel } from '../model-choice.ts';
import type { Route } from '../router.ts';

interface CustomerView {
  customerId: string;
  profile: Record<string, unknown>;
  risk: {
    score: number;
    tier: string;
    flagged: boolean;
    rules: string[];
    ruleLabels?: string[];
    factors: { text: string; contribution: number }[];
  } | null;
  /** Segments (`kind: 'segment'`) and the governed tags of tags.yaml that hold (basic, behaviour, predictive). */
  tags: { dimension: string; value: string; label: string; kind: string }[];
  timeline: { date: string; kind: string; detail: Record<string, unknown> }[];
  campaignTouches: {
    campaign: string;
    channel: string;
    arm: string;
    status: string;
    outcome: string | null;
  }[];
  openTasks: { title: string; dueDate: string; owner: string }[];
}

/** A timeline event's details, its members named in the model's words (revenue → 收入). */
const detailText = (d: Record<string, unknown>, catalog: CatalogIndex | null) =>
  Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => {
      const [label, value] = memberValueText(catalog, k, v);
      return `${label}: ${typeof v === 'number' ? Math.round(v * 100) / 100 : value}`;
    })
    .join(' · ');

/** The customer 360 page (`#/customer/<id>`): profile, risk and why, segments, timeline, touches, open tasks. */
export function customerScreen(outlet: HTMLElement, route: Route): void {
  const id = route.segments[1] ?? '';
  const body = h('div', { class: 'customer-body' });
  outlet.replaceChildren(h('div', { class: 'customer' }, h('h1', null, t('customer.title', { id })), body));
  void loadInto(
    body,
    async () => {
      const [view, catalog] = await Promise.all([
        api<CustomerView>('GET', `/api/customers/${encodeURIComponent(id)}`),
        loadCatalog(currentModel())
          .then((found) => new CatalogIndex(found))
          .catch(() => null),
      ]);
      return { ...view, catalog };
    },
    (c) =>
      h(
        'div',
        { class: 'customer-grid' },
        h(
          'section',
          { class: 'card' },
          h('h2', null, t('customer.profile')),
          h(
            'dl',
            { class: 'facts' },
            Object.entries(c.profile).flatMap(([k, v]) => {
              // Profile fields are the model's members: their labels, and coded values in words.
              const [label, value] = memberValueText(c.catalog, k, v);
              return [h('dt', null, label), h('dd', null, v === null ? '—' : value)];
            }),
          ),
        ),
        h(
          'section',
          { class: 'card' },
          h('h2', null, t('customer.risk')),
          c.risk
            ? h(
                'div',
                null,
                h(
                  'p',
                  { class: 'risk-score' },
                  `${Math.round(c.risk.score * 100)}%`,
                  ' ',
                  h('small', null, c.risk.flagged ? t('customer.flagged') : t('customer.notFlagged')),
                ),
                h('h3', null, t('customer.reasons')),
                h(
                  'ul',
                  { class: 'reason-list' },
                  [...(c.risk.ruleLabels ?? c.risk.rules), ...c.risk.factors.map((f) => f.text)].map((r) =>
                    h('li', null, r),
                  ),
                ),
              )
            : h('p', null, t('customer.noRisk')),
          h('h3', null, t('customer.tags')),
          h(
            'p',
            null,
            c.tags.map((tag) =>
              h(
                'span',
                { class: tag.kind === 'segment' ? 'chip' : `chip tag tag-${tag.kind}`, title: tag.dimension },
                tag.label,
              ),
            ),
          ),
        ),
        h(
          'section',
          { class: 'card' },
          h('h2', null, t('customer.tasks')),
          h(
            'ul',
            null,
            c.openTasks.map((task) => h('li', null, `${task.dueDate} · ${task.owner} · ${task.title}`)),
          ),
          h('h2', null, t('customer.touches')),
          h(
            'ul',
            null,
            c.campaignTouches.map((m) =>
              h(
                'li',
                null,
                [
                  m.campaign,
                  codeLabel('channel', m.channel),
                  codeLabel('arm', m.arm),
                  codeLabel('outbox', m.status),
                  m.outcome,
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
            ),
          ),
        ),
        h(
          'section',
          { class: 'card wide' },
          h('h2', null, t('customer.timeline')),
          dataTable(
            [
              { name: 'date', label: t('customer.date'), type: 'string' },
              { name: 'kind', label: t('customer.event'), type: 'string' },
              { name: 'detail', label: t('customer.detail'), type: 'string' },
            ],
            c.timeline.map((e) => ({
              date: e.date,
              kind: t(`customer.kind.${e.kind}` as MessageId),
              detail: detailText(e.detail, c.catalog),
            })),
            { title: t('customer.timeline'), maxRows: 200 },
          ),
        ),
      ),
  );
}
