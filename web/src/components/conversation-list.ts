import { api } from '../api/client.ts';
import type { ConversationSummary } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatDateTime } from '../format.ts';
import { t } from '../i18n/i18n.ts';
import { emptyState, loadInto } from './states.ts';

/** The user's past conversations (GET /api/conversations), newest first; the open one is marked. */
export function conversationList(activeId: string | undefined, open: (id: string) => void): HTMLElement {
  const list = h('div', { class: 'conversation-list' });
  void loadInto(
    list,
    async () => {
      const reply = await api<{ conversations: ConversationSummary[] } | ConversationSummary[]>(
        'GET',
        '/api/conversations',
      );
      return Array.isArray(reply) ? reply : reply.conversations;
    },
    (conversations) =>
      conversations.length === 0
        ? emptyState(t('history.empty'))
        : h(
            'ul',
            null,
            conversations.map((c) =>
              h(
                'li',
                null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'conversation-link',
                    'aria-current': c.id === activeId ? 'true' : null,
                    onclick: () => open(c.id),
                  },
                  h('span', { class: 'conversation-title' }, c.title || t('history.untitled')),
                  h('span', { class: 'muted small' }, formatDateTime(c.updatedAt ?? c.createdAt)),
                ),
              ),
            ),
          ),
  );
  return list;
}
