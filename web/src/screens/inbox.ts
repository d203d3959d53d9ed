/**
 * The inbox: insights from the user's monitors and subscriptions, newest first, read/unread, and
 * "open in chat" re-asking the insight's question (which also marks it read).
 */
import { type InsightView, loadInbox, markInsightRead } from '../api/monitors.ts';
import { emptyState, errorMessage, loadInto } from '../components/states.ts';
import { h } from '../dom.ts';
import { locale, t } from '../i18n/i18n.ts';
import '../monitors/monitors.css';
import { screenFrame } from '../monitors/screen-frame.ts';
import { navigate } from '../router.ts';

const when = (iso: string) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export function inboxScreen(outlet: HTMLElement): void {
  let unreadOnly = false;
  const body = h('div', { class: 'inbox-body' });
  const count = h('span', { class: 'badge', role: 'status' });
  const toggle = h('input', { type: 'checkbox', id: 'inbox-unread-only' });
  toggle.addEventListener('change', () => {
    unreadOnly = toggle.checked;
    void load();
  });

  function card(insight: InsightView): HTMLElement {
    const error = h('p', { class: 'form-error', role: 'alert' });
    const mark = async (read: boolean) => {
      error.textContent = '';
      try {
        await markInsightRead(insight.id, read);
        await load();
      } catch (e) {
        error.textContent = errorMessage(e);
      }
    };
    return h(
      'li',
      { class: 'insight-card', 'data-read': String(insight.read), 'data-id': insight.id },
      h(
        'div',
        { class: 'insight-head' },
        !insight.read && h('span', { class: 'badge badge-unread' }, t('inbox.unread')),
        h('h2', null, insight.title),
        h('time', { class: 'muted', datetime: insight.createdAt }, when(insight.createdAt)),
      ),
      h('p', { class: 'insight-body' }, insight.body),
      h(
        'div',
        { class: 'button-row' },
        insight.question &&
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-primary open-in-chat',
              onclick: async () => {
                if (!insight.read) await markInsightRead(insight.id, true).catch(() => {});
                navigate('chat', { q: insight.question! });
              },
            },
            t('inbox.openInChat'),
          ),
        h(
          'button',
          { type: 'button', class: 'btn toggle-read', onclick: () => void mark(!insight.read) },
          insight.read ? t('inbox.markUnread') : t('inbox.markRead'),
        ),
      ),
      error,
    );
  }

  const load = () =>
    loadInto(
      body,
      () => loadInbox(unreadOnly),
      ({ unread, insights }) => {
        count.textContent = t('inbox.unreadCount', { count: unread });
        if (insights.length === 0) return emptyState(t('inbox.none'));
        return h('ul', { class: 'insight-list' }, insights.map(card));
      },
    );

  outlet.replaceChildren(
    screenFrame(
      'inbox',
      t('inbox.title'),
      count,
      t('inbox.intro'),
      h(
        'div',
        { class: 'toolbar' },
        h('label', { class: 'check', for: 'inbox-unread-only' }, toggle, t('inbox.unreadOnly')),
        h('a', { class: 'btn', href: '#/subscriptions' }, t('nav.subscriptions')),
      ),
      body,
    ),
  );
  void load();
}
