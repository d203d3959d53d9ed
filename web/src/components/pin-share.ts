/**
 * "Pin to board" and "Share link" under an answer. Both keep the answer's governed interpretation (semantic
 * query + intent), never its rows: whoever opens the board or the link gets it computed with their own access.
 */
import {
  type Board,
  createBoard,
  listBoards,
  type PinnedQuery,
  pinToBoard,
  shareAnswer,
  shareUrl,
} from '../api/boards.ts';
import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { errorMessage } from './states.ts';

const NEW_BOARD = '__new__';

/** A read-only link field with a copy button. */
export function shareLinkField(url: string): HTMLElement {
  const input = h('input', {
    type: 'text',
    readonly: true,
    class: 'share-url',
    value: url,
    'aria-label': t('share.label'),
  });
  const copy = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      onclick: async () => {
        input.select();
        await navigator.clipboard?.writeText(url).catch(() => {});
        copy.textContent = t('share.copied');
      },
    },
    t('share.copy'),
  );
  return h(
    'div',
    { class: 'share-link' },
    h('p', { class: 'muted' }, t('share.created')),
    h('div', { class: 'share-row' }, input, copy),
  );
}

function pinForm(
  pinned: PinnedQuery,
  boards: Board[],
  done: (message: HTMLElement) => void,
  cancel: () => void,
) {
  const mine = boards.filter((b) => b.mine);
  const selectId = uid('pin-board');
  const select = h(
    'select',
    { id: selectId, name: 'board' },
    mine.map((b) => h('option', { value: b.id }, b.title)),
    h('option', { value: NEW_BOARD, selected: mine.length === 0 }, t('pin.newBoard')),
  );
  const newTitle = h('input', {
    type: 'text',
    name: 'newBoard',
    maxlength: 200,
    'aria-label': t('pin.newTitle'),
    placeholder: t('pin.newTitle'),
  });
  const sharedBox = h('input', { type: 'checkbox', name: 'shared' });
  const newFields = h(
    'div',
    { class: 'pin-new' },
    newTitle,
    h('label', { class: 'check' }, sharedBox, t('pin.sharedBoard')),
  );
  const titleInput = h('input', { type: 'text', name: 'title', value: pinned.title, maxlength: 200 });
  const status = h('p', { class: 'form-error', role: 'alert' });
  const syncNew = () => {
    newFields.hidden = select.value !== NEW_BOARD;
  };
  select.addEventListener('change', syncNew);
  syncNew();
  const form = h(
    'form',
    {
      class: 'pin-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        status.textContent = '';
        try {
          let board = mine.find((b) => b.id === select.value);
          if (!board) {
            const title = newTitle.value.trim();
            if (!title) {
              status.textContent = t('pin.newTitle');
              newTitle.focus();
              return;
            }
            board = await createBoard(title, sharedBox.checked);
          }
          await pinToBoard(board.id, { ...pinned, title: titleInput.value.trim() || pinned.title });
          done(
            h(
              'p',
              { class: 'pin-done', role: 'status' },
              t('pin.done', { board: board.title }),
              ' ',
              h('a', { href: `#/boards/${encodeURIComponent(board.id)}` }, t('pin.open')),
            ),
          );
        } catch (error) {
          status.textContent = errorMessage(error);
        }
      },
    },
    h('p', { class: 'muted' }, t('pin.hint')),
    h('label', { for: selectId }, t('pin.board')),
    select,
    newFields,
    h('label', null, t('pin.cardTitle'), titleInput),
    status,
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('pin.submit')),
      h('button', { type: 'button', class: 'btn', onclick: cancel }, t('pin.cancel')),
    ),
  );
  return form;
}

/** The pin and share buttons of one answer, with the panel each opens. */
export function pinShareBar(pinned: PinnedQuery): HTMLElement {
  const panel = h('div', { class: 'pin-panel' });
  const close = () => panel.replaceChildren();
  const pinButton = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small pin-button',
      onclick: async () => {
        try {
          const boards = await listBoards();
          panel.replaceChildren(pinForm(pinned, boards, (message) => panel.replaceChildren(message), close));
          panel.querySelector('select')?.focus();
        } catch (error) {
          panel.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, errorMessage(error)));
        }
      },
    },
    t('pin.button'),
  );
  const shareButton = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small share-button',
      onclick: async () => {
        try {
          const link = await shareAnswer(pinned);
          panel.replaceChildren(shareLinkField(shareUrl(link.path)));
        } catch (error) {
          panel.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, errorMessage(error)));
        }
      },
    },
    t('share.button'),
  );
  return h(
    'div',
    { class: 'pin-share' },
    h('div', { class: 'pin-share-buttons' }, pinButton, shareButton),
    panel,
  );
}
