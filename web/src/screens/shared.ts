/** `#/shared/<token>`: a shared answer or board, computed with the opener's own data access. */
import { openShare, sharedAnswer } from '../api/boards.ts';
import { answerBody } from '../components/board-card.ts';
import { renderBoard } from '../components/board-view.ts';
import { chartImageBar, sharedChartPath } from '../components/chart-image.ts';
import { errorState, loadingState } from '../components/states.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { Route } from '../router.ts';
import { currentUser } from '../session.ts';

export function sharedScreen(outlet: HTMLElement, route: Route): void {
  const token = route.segments[1] ?? '';
  outlet.replaceChildren(loadingState());
  const load = async () => {
    const link = await openShare(token);
    if (link.kind === 'board' && link.board) {
      renderBoard(outlet, link.board, token);
      return;
    }
    const body = h('div', { class: 'shared-answer-body' }, loadingState());
    const scope = Object.values(currentUser()?.attributes ?? {}).flat();
    outlet.replaceChildren(
      h(
        'article',
        { class: 'shared-answer' },
        h('p', { class: 'muted' }, t('shared.title')),
        h('h1', null, link.title),
        h('p', { class: 'notice' }, t('shared.by', { name: link.sharedBy })),
        scope.length > 0 &&
          h(
            'p',
            { class: 'notice board-scope' },
            t('board.scoped', { scope: scope.join(t('list.separator')) }),
          ),
        body,
        h('a', { class: 'btn', href: `#/chat?q=${encodeURIComponent(link.title)}` }, t('board.openInChat')),
      ),
    );
    const answer = await sharedAnswer(token);
    const view = answerBody(answer, link.title);
    body.replaceChildren(
      view.element,
      answer.chart ? chartImageBar({ path: async () => sharedChartPath(token), title: link.title }) : '',
    );
    await view.rendered;
    body.dataset.loaded = 'true';
  };
  load().catch((error) => outlet.replaceChildren(errorState(error, () => sharedScreen(outlet, route))));
}
