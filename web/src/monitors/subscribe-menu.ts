/** "Subscribe…" on an answer: pick a schedule and a channel, and the question is sent on that schedule. */
import { createSubscription } from '../api/monitors.ts';
import { errorMessage } from '../components/states.ts';
import { h } from '../dom.ts';
import { lang, t } from '../i18n/i18n.ts';
import { currentModel } from '../model-choice.ts';
import { createdNotice } from './proposal-card.ts';
import { channelPicker, schedulePicker } from './schedule-picker.ts';

export function subscribeMenu(question: string): HTMLElement {
  const schedule = schedulePicker();
  const channel = channelPicker();
  const status = h('p', { class: 'subscribe-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('subs.subscribe'));
  const form = h(
    'form',
    { class: 'subscribe-form' },
    h('p', { class: 'muted' }, t('subscribe.title')),
    schedule.element,
    channel.element,
    h('div', { class: 'button-row' }, submit),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.setAttribute('role', 'status');
    status.textContent = '';
    try {
      const sub = await createSubscription({
        question,
        model: currentModel(),
        cron: schedule.cron(),
        language: lang(),
        ...channel.value(),
      });
      status.replaceChildren(...createdNotice(sub, 'subs.created'));
    } catch (error) {
      status.setAttribute('role', 'alert');
      status.textContent = errorMessage(error);
    } finally {
      submit.disabled = false;
    }
  });
  return h(
    'details',
    { class: 'subscribe-menu' },
    h('summary', { class: 'btn btn-small' }, t('subscribe.open')),
    form,
  );
}
