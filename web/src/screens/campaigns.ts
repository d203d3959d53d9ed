import { api } from '../api/client.ts';
import { CatalogIndex, loadCatalog } from '../catalog-store.ts';
import { codeLabel } from '../code-labels.ts';
import { dataTable } from '../components/data-table.ts';
import { emptyState, errorMessage, loadInto } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageId } from '../i18n/messages-en.ts';
import { currentModel } from '../model-choice.ts';
import { navigate, type Route } from '../router.ts';
import { hasRole } from '../session.ts';

interface CampaignView {
  id: string;
  name: string;
  actionId: string;
  channel: string;
  status: string;
  holdout: string;
  outbox: Record<string, number>;
}

const CHANNELS = ['sms', 'email', 'wecom', 'call_task'] as const;

/** A new campaign for the action in `?new=` (channel, control share), then the list with approve / send. */
function createForm(actionId: string, actionLabel: string, done: () => void): HTMLElement {
  const channelId = uid('channel');
  const controlId = uid('control');
  const channel = h(
    'select',
    { id: channelId },
    CHANNELS.map((c) => h('option', { value: c }, codeLabel('channel', c))),
  );
  const control = h('input', { id: controlId, type: 'number', min: 0, max: 50, value: '10' });
  const status = h('p', { class: 'muted', role: 'status' });
  return h(
    'form',
    {
      class: 'campaign-form toolbar',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        try {
          const reply = await api<{ targets: number }>('POST', '/api/campaigns', {
            target: { actionId },
            channel: channel.value,
            controlSharePct: Number(control.value),
          });
          status.textContent = t('campaigns.created', { count: reply.targets });
          done();
        } catch (error) {
          status.textContent = errorMessage(error);
        }
      },
    },
    h('strong', null, t('campaigns.new', { action: actionLabel })),
    h('label', { for: channelId }, t('campaigns.channel')),
    channel,
    h('label', { for: controlId }, t('campaigns.control')),
    control,
    h('button', { type: 'submit', class: 'btn' }, t('campaigns.create')),
    status,
  );
}

/** Retention campaigns: create from an action, approve (admins), send, outbox counts and the holdout stated. */
export function campaignsScreen(outlet: HTMLElement, route: Route): void {
  const body = h('div', { class: 'campaigns-body' });
  const load = () =>
    loadInto(
      body,
      async () => (await api<{ campaigns: CampaignView[] }>('GET', '/api/campaigns')).campaigns,
      (campaigns) => {
        if (campaigns.length === 0) return emptyState(t('campaigns.none'));
        const act = (id: string, step: 'approve' | 'send') => async () => {
          await api('POST', `/api/campaigns/${id}/${step}`).catch((e: unknown) => alert(errorMessage(e)));
          void load();
        };
        return dataTable(
          [
            { name: 'name', label: t('campaigns.name'), type: 'string' },
            { name: 'channel', label: t('campaigns.channel'), type: 'string' },
            { name: 'status', label: t('campaigns.status'), type: 'string' },
            { name: 'outbox', label: t('campaigns.outbox'), type: 'string' },
          ],
          campaigns.map((c) => ({
            ...c,
            channel: codeLabel('channel', c.channel),
            status: t(`campaigns.status.${c.status}` as MessageId),
            outbox: Object.entries(c.outbox)
              .map(([k, v]) => `${codeLabel('outbox', k)} ${v}`)
              .join(' · '),
            raw: c,
          })),
          {
            title: t('campaigns.title'),
            renderCell: {
              name: (v, row) =>
                h(
                  'span',
                  null,
                  String(v),
                  h('br'),
                  h('small', { class: 'muted' }, (row.raw as CampaignView).holdout),
                ),
            },
            rowExtra: (row) => {
              const c = row.raw as CampaignView;
              if (c.status === 'pending_approval' && hasRole('admin'))
                return h(
                  'button',
                  { type: 'button', class: 'btn btn-small', onclick: act(c.id, 'approve') },
                  t('campaigns.approve'),
                );
              if (c.status === 'approved')
                return h(
                  'button',
                  { type: 'button', class: 'btn btn-small', onclick: act(c.id, 'send') },
                  t('campaigns.send'),
                );
              return null;
            },
          },
        );
      },
    );
  const actionId = route.params.get('new');
  // The playbook action in the model's words (shipping_voucher → 运费券与优先配送).
  const formSlot = h('div');
  if (actionId)
    void loadCatalog(currentModel())
      .then((c) => new CatalogIndex(c).valueLabel('retention_action', actionId))
      .catch(() => actionId)
      .then((label) => formSlot.replaceChildren(createForm(actionId, label, () => void load())));
  outlet.replaceChildren(
    h(
      'div',
      { class: 'campaigns' },
      h('h1', null, t('campaigns.title')),
      h('p', { class: 'muted' }, t('campaigns.intro')),
      formSlot,
      h(
        'p',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small',
            onclick: () => navigate('chat', { q: t('campaigns.resultsQuestion') }),
          },
          t('campaigns.results'),
        ),
      ),
      body,
    ),
  );
  void load();
}
