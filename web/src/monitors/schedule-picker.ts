/** Form fields for a schedule (repeat, day, time) and a channel, shared by every subscribe form. */
import { CHANNELS, type SubscriptionChannel } from '../api/monitors.ts';
import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { cronOf, type Frequency } from './schedule-words.ts';

function field(label: string, control: HTMLElement, id: string): HTMLElement {
  control.id = id;
  return h('label', { class: 'field', for: id }, h('span', null, label), control);
}

/** Repeat / weekday / day of month / time; `cron()` reads the choice. */
export function schedulePicker(): { element: HTMLElement; cron: () => string } {
  const frequency = h(
    'select',
    { name: 'frequency' },
    (['daily', 'weekly', 'monthly'] as const).map((f) =>
      h('option', { value: f, selected: f === 'weekly' }, t(`schedule.${f}`)),
    ),
  );
  const weekday = h(
    'select',
    { name: 'weekday' },
    [1, 2, 3, 4, 5, 6, 0].map((d) => h('option', { value: String(d) }, t(`weekday.${d}` as 'weekday.0'))),
  );
  const day = h(
    'select',
    { name: 'day' },
    Array.from({ length: 28 }, (_, i) => h('option', { value: String(i + 1) }, String(i + 1))),
  );
  const time = h('input', { type: 'time', name: 'time', value: '09:00', required: true });
  const weekdayField = field(t('schedule.weekday'), weekday, uid('weekday'));
  const dayField = field(t('schedule.dayOfMonth'), day, uid('day'));
  const sync = () => {
    weekdayField.hidden = frequency.value !== 'weekly';
    dayField.hidden = frequency.value !== 'monthly';
  };
  frequency.addEventListener('change', sync);
  sync();
  return {
    element: h(
      'div',
      { class: 'schedule-picker' },
      field(t('schedule.frequency'), frequency, uid('frequency')),
      weekdayField,
      dayField,
      field(t('schedule.time'), time, uid('time')),
    ),
    cron: () =>
      cronOf({
        frequency: frequency.value as Frequency,
        weekday: Number(weekday.value),
        day: Number(day.value),
        time: time.value || '09:00',
      }),
  };
}

/** Channel select with the address / robot key field it needs; `value()` reads both. */
export function channelPicker(): {
  element: HTMLElement;
  value: () => { channel: SubscriptionChannel; target?: string };
} {
  const channel = h(
    'select',
    { name: 'channel' },
    CHANNELS.map((c) => h('option', { value: c }, t(`channel.${c}`))),
  );
  const target = h('input', { type: 'text', name: 'target', autocomplete: 'email' });
  const targetLabel = h('span');
  const targetId = uid('target');
  target.id = targetId;
  const targetField = h('label', { class: 'field', for: targetId }, targetLabel, target);
  const sync = () => {
    const c = channel.value as SubscriptionChannel;
    targetField.hidden = c !== 'email' && c !== 'wecom_webhook';
    targetLabel.textContent = c === 'email' ? t('subs.target') : t('subs.robotKey');
    target.type = c === 'email' ? 'email' : 'text';
  };
  channel.addEventListener('change', sync);
  sync();
  return {
    element: h(
      'div',
      { class: 'channel-picker' },
      field(t('subs.channel'), channel, uid('channel')),
      targetField,
    ),
    value: () => {
      const c = channel.value as SubscriptionChannel;
      const v = target.value.trim();
      return { channel: c, ...(v && !targetField.hidden ? { target: v } : {}) };
    },
  };
}
