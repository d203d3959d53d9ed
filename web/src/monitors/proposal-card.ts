/**
 * The chat's confirmation of "每周一提醒我华南的流失率": what is asked, when (with time zone), on which
 * channel and with whose data access, with Confirm (creates the subscription) and Cancel.
 */
import { createSubscription, type SubscriptionProposal, type SubscriptionView } from '../api/monitors.ts';
import { errorMessage } from '../components/states.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { formatInZone } from './schedule-words.ts';

/** "Subscribed. Next run: …" with a link to the subscriptions screen. */
export function createdNotice(
  sub: SubscriptionView,
  message: 'proposal.created' | 'subs.created',
): (Node | string)[] {
  const next = `${formatInZone(sub.nextRun, sub.timezone)} (${sub.timezone})`;
  return [
    h('span', null, t(message, { next })),
    ' ',
    h('a', { href: '#/subscriptions' }, t('proposal.manage')),
  ];
}

export function proposalCard(p: SubscriptionProposal): HTMLElement {
  const status = h('p', { class: 'proposal-status', role: 'status' });
  const buttons = h('div', { class: 'button-row' });
  const confirm = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-primary',
      onclick: async () => {
        confirm.disabled = true;
        cancel.disabled = true;
        status.textContent = '';
        try {
          const sub = await createSubscription({
            model: p.model,
            question: p.question,
            cron: p.cron,
            timezone: p.timezone,
            channel: p.channel,
            language: p.language,
          });
          buttons.remove();
          status.replaceChildren(...createdNotice(sub, 'proposal.created'));
          card.dataset.state = 'created';
        } catch (error) {
          status.textContent = errorMessage(error);
          status.setAttribute('role', 'alert');
          confirm.disabled = false;
          cancel.disabled = false;
        }
      },
    },
    t('proposal.confirm'),
  );
  const cancel = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      onclick: () => {
        buttons.remove();
        status.textContent = t('proposal.cancelled');
        card.dataset.state = 'cancelled';
      },
    },
    t('proposal.cancel'),
  );
  buttons.append(confirm, cancel);
  const card = h(
    'section',
    { class: 'subscription-proposal', 'aria-label': t('proposal.title'), 'data-state': 'proposed' },
    h('h3', null, t('proposal.title')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('proposal.question')),
      h('dd', null, p.question),
      h('dt', null, t('proposal.what')),
      h('dd', null, p.what),
      h('dt', null, t('proposal.when')),
      h('dd', null, t('schedule.inZone', { when: p.scheduleText, timezone: p.timezone })),
      h('dt', null, t('proposal.channel')),
      h('dd', null, p.channelText),
      h('dt', null, t('proposal.scope')),
      h('dd', null, p.scope),
    ),
    buttons,
    status,
  );
  return card;
}
