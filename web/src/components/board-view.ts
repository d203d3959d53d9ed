/** A board: its title, owner tools (period, share, personal/shared, delete) and its cards in a 2-column grid. */
import {
  BOARD_PERIODS,
  type Board,
  deleteBoard,
  getBoard,
  shareBoard,
  shareUrl,
  updateBoard,
} from '../api/boards.ts';
import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { currentUser } from '../session.ts';
import { boardCardView } from './board-card.ts';
import { shareLinkField } from './pin-share.ts';
import { emptyState, errorMessage } from './states.ts';

/** Renders `board` into `container`; `share` is the link token it was opened with, if any. */
export function renderBoard(container: HTMLElement, board: Board, share?: string): void {
  const cards = board.cards ?? [];
  const reload = async (next?: Board) =>
    renderBoard(container, next ?? (await getBoard(board.id, share)), share);
  const panel = h('div', { class: 'board-panel' });
  const periodId = uid('board-period');
  const period = h(
    'select',
    {
      id: periodId,
      class: 'board-period',
      onchange: async () => {
        const value = period.value === 'pinned' ? null : (period.value as Board['period']);
        // The owner's choice is the board's; a viewer's choice moves only their own view.
        if (board.mine) await reload(await updateBoard(board.id, { period: value }));
        else renderBoard(container, { ...board, period: value }, share);
      },
    },
    ['pinned', ...BOARD_PERIODS].map((p) =>
      h(
        'option',
        { value: p, selected: (board.period ?? 'pinned') === p },
        t(`board.period.${p}` as 'board.period.pinned'),
      ),
    ),
  );
  const scope = Object.values(currentUser()?.attributes ?? {}).flat();
  const ownerTools = board.mine
    ? [
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small board-toggle-shared',
            onclick: async () => reload(await updateBoard(board.id, { shared: !board.shared })),
          },
          board.shared ? t('board.makePersonal') : t('board.makeShared'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small btn-danger',
            onclick: async () => {
              if (!confirm(t('board.deleteConfirm', { title: board.title }))) return;
              await deleteBoard(board.id);
              navigate('boards');
            },
          },
          t('board.delete'),
        ),
      ]
    : [];
  container.replaceChildren(
    h(
      'div',
      { class: 'board', 'data-board-id': board.id },
      h('a', { class: 'back-link', href: '#/boards' }, t('board.back')),
      h(
        'header',
        { class: 'board-head' },
        h('h1', null, board.title),
        h('span', { class: 'badge' }, board.shared ? t('boards.shared') : t('boards.personal')),
      ),
      !board.mine && h('p', { class: 'muted' }, t('board.readOnly', { owner: board.ownerName })),
      scope.length > 0 &&
        h(
          'p',
          { class: 'notice board-scope' },
          t('board.scoped', { scope: scope.join(t('list.separator')) }),
        ),
      h(
        'div',
        { class: 'board-tools' },
        h('label', { for: periodId }, t('board.period')),
        period,
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small board-share',
            onclick: async () => {
              try {
                const link = await shareBoard(board.id);
                panel.replaceChildren(shareLinkField(shareUrl(link.path)));
              } catch (error) {
                panel.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, errorMessage(error)));
              }
            },
          },
          t('board.share'),
        ),
        ownerTools,
      ),
      panel,
      cards.length === 0
        ? emptyState(t('board.empty'))
        : h(
            'div',
            { class: 'board-grid' },
            cards.map((card, index) =>
              boardCardView(board, card, {
                period: board.period ?? 'pinned',
                share,
                index,
                count: cards.length,
                changed: (next) => void reload(next),
              }),
            ),
          ),
    ),
  );
}
