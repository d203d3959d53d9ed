/**
 * The user's subscriptions: what, when (in words, with time zone), channel, next run; pause / resume and
 * delete; and subscribing to a governed monitor (its own schedule, or another).
 */
import {
  createSubscription,
  deleteSubscription,
  listMonitors,
  listSubscriptions,
  type MonitorView,
  type SubscriptionView,
  setSubscriptionActive,
} from '../api/monitors.ts';
import { emptyState, errorMessage, loadInto } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { lang, pick, t } from '../i18n/i18n.ts';
import { currentModel } from '../model-choice.ts';
import '../monitors/monitors.css';
import { createdNotice } from '../monitors/proposal-card.ts';
import { channelPicker, schedulePicker } from '../monitors/schedule-picker.ts';
import { formatInZone, scheduleWords } from '../monitors/schedule-words.ts';
import { screenFrame } from '../monitors/screen-frame.ts';

export function subscriptionsScreen(outlet: HTMLElement): void {
  const body = h('div', { class: 'subscriptions-body' });
  const formSlot = h('div');
  let monitors: MonitorView[] = [];

  const subject = (s: SubscriptionView) => {
    if (s.question) return s.question;
    const m = monitors.find((x) => x.id === s.monitorId);
    return m?.label ? pick(m.label) : (s.monitorId ?? '');
  };

  function card(s: SubscriptionView): HTMLElement {
    const error = h('p', { class: 'form-error', role: 'alert' });
    const act = async (action: () => Promise<unknown>) => {
      error.textContent = '';
      try {
        await action();
        await load();
      } catch (e) {
        error.textContent = errorMessage(e);
      }
    };
    return h(
      'li',
      { class: 'subscription-card', 'data-active': String(s.active), 'data-id': s.id },
      h('h2', null, subject(s)),
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, t('subs.when')),
        h('dd', null, t('schedule.inZone', { when: scheduleWords(s.cron), timezone: s.timezone })),
        h('dt', null, t('subs.channel')),
        h('dd', null, t(`channel.${s.channel}`), s.target ? ` · ${s.target}` : ''),
        h('dt', null, t('subs.nextRun')),
        h('dd', { class: 'next-run' }, s.active ? formatInZone(s.nextRun, s.timezone) : '—'),
        h('dt', null, t('subs.status')),
        h(
          'dd',
          null,
          h(
            'span',
            { class: `badge ${s.active ? 'status-published' : 'status-draft'}` },
            s.active ? t('subs.active') : t('subs.paused'),
          ),
        ),
      ),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn toggle-active',
            onclick: () => void act(() => setSubscriptionActive(s.id, !s.active)),
          },
          s.active ? t('subs.pause') : t('subs.resume'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-danger delete',
            onclick: () => {
              if (window.confirm(t('subs.confirmDelete', { what: subject(s) })))
                void act(() => deleteSubscription(s.id));
            },
          },
          t('subs.delete'),
        ),
      ),
      error,
    );
  }

  function monitorForm(): HTMLElement {
    const monitorId = uid('monitor');
    const select = h(
      'select',
      { id: monitorId, name: 'monitor' },
      monitors.map((m) =>
        h(
          'option',
          { value: m.id },
          m.label ? pick(m.label) : m.id,
          m.schedule ? ` · ${scheduleWords(m.schedule.cron)}` : '',
        ),
      ),
    );
    const own = h('input', { type: 'checkbox', checked: true, id: uid('own') });
    const schedule = schedulePicker();
    schedule.element.hidden = true;
    own.addEventListener('change', () => {
      schedule.element.hidden = own.checked;
    });
    const channel = channelPicker();
    const status = h('p', { role: 'status' });
    const form = h(
      'form',
      { class: 'monitor-subscribe-form' },
      h('h2', null, t('subs.addMonitor')),
      h('label', { class: 'field', for: monitorId }, h('span', null, t('subs.monitor')), select),
      h('label', { class: 'check', for: own.id }, own, t('subs.monitorDefault')),
      schedule.element,
      channel.element,
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'submit', class: 'btn btn-primary' }, t('subs.subscribe')),
      ),
      status,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.setAttribute('role', 'status');
      try {
        const sub = await createSubscription({
          model: currentModel(),
          monitorId: select.value,
          language: lang(),
          ...(own.checked ? {} : { cron: schedule.cron() }),
          ...channel.value(),
        });
        await load();
        status.replaceChildren(...createdNotice(sub, 'subs.created'));
      } catch (error) {
        status.setAttribute('role', 'alert');
        status.textContent = errorMessage(error);
      }
    });
    return form;
  }

  const load = () =>
    loadInto(
      body,
      async () => {
        const [subs, list] = await Promise.all([
          listSubscriptions(),
          monitors.length ? Promise.resolve(null) : listMonitors(currentModel()),
        ]);
        if (list) {
          monitors = list.monitors;
          formSlot.replaceChildren(monitorForm());
        }
        return subs;
      },
      (subs) =>
        subs.length === 0
          ? emptyState(t('subs.none'))
          : h('ul', { class: 'subscription-list' }, subs.map(card)),
    );

  outlet.replaceChildren(
    screenFrame(
      'subscriptions',
      t('subs.title'),
      { href: '#/inbox', label: t('nav.inbox') },
      t('subs.intro'),
      body,
      formSlot,
    ),
  );
  void load();
}
