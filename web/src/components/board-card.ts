/**
 * One card of a board: its answer computed for the viewer (their own row-level access, the board's period),
 * drawn as narrative, chart and table, with "copy as image" / PNG export; the owner can move, resize and unpin it.
 */
import { type Board, type BoardCard, cardAnswer, changeCard, unpinCard } from '../api/boards.ts';
import type { Answer } from '../api/types.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { rangeLabel } from '../period-label.ts';
import { answerChart } from './answer-chart.ts';
import { cardChartPath, chartImageBar } from './chart-image.ts';
import { dataTable } from './data-table.ts';
import { errorState, loadingState } from './states.ts';

/** The narrative, chart and table of an answer, compact (board cards and shared answers). */
export function answerBody(answer: Answer, title: string): { element: HTMLElement; rendered: Promise<void> } {
  const chart = answer.chart ? answerChart(answer.chart, title) : null;
  const failed = answer.kind !== 'answer';
  const range = answer.interpretation.query?.timeRange;
  const element = h(
    'div',
    { class: 'answer-body', 'data-kind': answer.kind },
    range && h('p', { class: 'card-period muted' }, rangeLabel(range)),
    h('p', { class: failed ? 'narrative state-error' : 'narrative' }, answer.narrative),
    chart?.element,
    answer.table &&
      answer.table.rows.length > 0 &&
      dataTable(answer.table.columns, answer.table.rows, { title, maxRows: 50 }),
  );
  return { element, rendered: chart?.rendered ?? Promise.resolve() };
}

function iconButton(label: string, text: string, className: string, run: () => void, disabled = false) {
  return h(
    'button',
    {
      type: 'button',
      class: `icon-button ${className}`,
      'aria-label': label,
      title: label,
      disabled,
      onclick: run,
    },
    text,
  );
}

/** A board card; `changed` receives the board after an owner's change (order, width, removal). */
export function boardCardView(
  board: Board,
  card: BoardCard,
  options: {
    period?: string;
    share?: string;
    index: number;
    count: number;
    changed: (board?: Board) => void;
  },
): HTMLElement {
  const body = h('div', { class: 'board-card-body' }, loadingState());
  const tools =
    board.mine &&
    h(
      'div',
      { class: 'board-card-tools' },
      iconButton(
        t('board.moveUp'),
        '↑',
        'card-up',
        async () => options.changed(await changeCard(board.id, card.id, { move: 'up' })),
        options.index === 0,
      ),
      iconButton(
        t('board.moveDown'),
        '↓',
        'card-down',
        async () => options.changed(await changeCard(board.id, card.id, { move: 'down' })),
        options.index === options.count - 1,
      ),
      iconButton(
        card.width === 2 ? t('board.narrow') : t('board.wide'),
        card.width === 2 ? '⇤' : '⇔',
        'card-resize',
        async () => options.changed(await changeCard(board.id, card.id, { width: card.width === 2 ? 1 : 2 })),
      ),
      iconButton(t('board.unpin'), '×', 'card-unpin', async () => {
        await unpinCard(board.id, card.id);
        options.changed();
      }),
    );
  const element = h(
    'article',
    { class: 'board-card', 'data-card-id': card.id, 'data-width': card.width, 'aria-label': card.title },
    h('header', { class: 'board-card-head' }, h('h2', null, card.title), tools),
    body,
  );
  const load = async () => {
    body.replaceChildren(loadingState());
    try {
      const answer = await cardAnswer(board.id, card.id, { period: options.period, share: options.share });
      const view = answerBody(answer, card.title);
      const where = { period: options.period, share: options.share };
      const image = chartImageBar({
        path: async () => cardChartPath(board.id, card.id, where),
        title: card.title,
      });
      body.replaceChildren(view.element, ...(answer.chart ? [image] : []));
      await view.rendered;
      element.dataset.loaded = 'true';
    } catch (error) {
      body.replaceChildren(errorState(error, () => void load()));
      element.dataset.loaded = 'error';
    }
  };
  void load();
  return element;
}
