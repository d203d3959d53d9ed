/** Boards: the list (`#/boards`) and one board (`#/boards/<id>`). */
import { type Board, createBoard, getBoard, listBoards } from '../api/boards.ts';
import { renderBoard } from '../components/board-view.ts';
import { emptyState, errorMessage, errorState, loadingState } from '../components/states.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { navigate, type Route } from '../router.ts';

/** The boards the user may open, as links (also on home). */
export function boardLinks(boards: Board[]): HTMLElement {
  if (boards.length === 0) return emptyState(t('boards.empty'));
  return h(
    'ul',
    { class: 'board-list' },
    boards.map((b) =>
      h(
        'li',
        { class: 'board-item', 'data-board-id': b.id },
        h('a', { href: `#/boards/${encodeURIComponent(b.id)}` }, b.title),
        h('span', { class: 'badge' }, b.shared ? t('boards.shared') : t('boards.personal')),
        h(
          'span',
          { class: 'muted' },
          b.mine ? t('boards.mine') : t('boards.sharedBy', { owner: b.ownerName }),
        ),
        h('span', { class: 'muted' }, t('boards.cards', { count: b.cardCount })),
      ),
    ),
  );
}

/** Home's "your boards" section. */
export function homeBoards(): HTMLElement {
  const section = h('section', { class: 'home-boards' }, h('h2', null, t('boards.home')), loadingState());
  listBoards()
    .then((boards) => section.replaceChildren(h('h2', null, t('boards.home')), boardLinks(boards)))
    .catch((error) => section.replaceChildren(h('h2', null, t('boards.home')), errorState(error)));
  return section;
}

function boardList(outlet: HTMLElement): void {
  const list = h('div', null, loadingState());
  const title = h('input', {
    type: 'text',
    name: 'title',
    required: true,
    maxlength: 200,
    'aria-label': t('boards.createTitle'),
    placeholder: t('boards.createTitle'),
  });
  const status = h('p', { class: 'form-error', role: 'alert' });
  outlet.replaceChildren(
    h(
      'div',
      { class: 'boards' },
      h('h1', null, t('boards.title')),
      h(
        'form',
        {
          class: 'inline-form board-create',
          onsubmit: async (e: Event) => {
            e.preventDefault();
            try {
              const board = await createBoard(title.value.trim());
              navigate(`boards/${board.id}`);
            } catch (error) {
              status.textContent = errorMessage(error);
            }
          },
        },
        title,
        h('button', { type: 'submit', class: 'btn' }, t('boards.create')),
        status,
      ),
      list,
    ),
  );
  listBoards()
    .then((boards) => list.replaceChildren(boardLinks(boards)))
    .catch((error) => list.replaceChildren(errorState(error, () => boardList(outlet))));
}

export function boardsScreen(outlet: HTMLElement, route: Route): void {
  const id = route.segments[1];
  if (!id) {
    boardList(outlet);
    return;
  }
  outlet.replaceChildren(loadingState());
  getBoard(id)
    .then((board) => renderBoard(outlet, board))
    .catch((error) => outlet.replaceChildren(errorState(error, () => boardsScreen(outlet, route))));
}
