import { ask } from '../api/ask.ts';
import type { Intent, SemanticQuery } from '../api/types.ts';
import { type CatalogIndex, CatalogIndex as Index, loadCatalog } from '../catalog-store.ts';
import { chat, newConversation, openConversation, seqOf, type Turn } from '../chat-session.ts';
import { answerView } from '../components/answer-view.ts';
import { conversationList } from '../components/conversation-list.ts';
import { progressIndicator } from '../components/progress-indicator.ts';
import { questionBox } from '../components/question-box.ts';
import { emptyState, errorState, loadingState } from '../components/states.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { currentModel, modelPicker } from '../model-choice.ts';
import { navigate, type Route } from '../router.ts';

let answerCount = 0;

/** A re-run's label: the question with one "edited" mark, however often it is edited. */
export function editedLabel(question: string): string {
  const mark = ` · ${t('chat.edited')}`;
  let base = question;
  while (base.endsWith(mark)) base = base.slice(0, -mark.length);
  return `${base}${mark}`;
}

/** A governed query passed in the route (`?query=<json>`), or null when absent or not a query. */
function parseQuery(text: string | null): SemanticQuery | null {
  if (!text) return null;
  try {
    const query = JSON.parse(text) as SemanticQuery;
    return Array.isArray(query?.metrics) ? query : null;
  } catch {
    return null;
  }
}

/** Records how long an answer took from sending to a drawn chart (read by the browser tests). */
function measureAnswer(startMark: string): void {
  const end = `${startMark}:rendered`;
  performance.mark(end);
  performance.measure('chatbi:answer-render', startMark, end);
}

/** The chat: history, the conversation's turns, and the question box. */
export function chatScreen(outlet: HTMLElement, route: Route): void {
  const routeId = route.segments[1];
  const initialQuestion = route.params.get('q');
  // A home tile opens its own governed query (the same number), labelled with the tile's question.
  const initialQuery = parseQuery(route.params.get('query'));
  let catalog: CatalogIndex | null = null;
  let busy = false;

  const turnsEl = h('div', { class: 'turns', 'aria-live': 'polite' });
  const box = questionBox((question) => void send({ question }));
  // On narrow screens the history starts folded, so the conversation comes first.
  const history = h('details', {
    class: 'chat-history',
    'aria-label': t('history.title'),
    open: window.matchMedia('(min-width: 761px)').matches,
  });
  const newButton = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      onclick: () => {
        newConversation();
        navigate('chat');
      },
    },
    `+ ${t('history.new')}`,
  );

  outlet.replaceChildren(
    h(
      'div',
      { class: 'chat-layout' },
      history,
      h(
        'section',
        { class: 'chat-main', 'aria-label': t('nav.chat') },
        // Another model starts another conversation: a conversation is about one model.
        modelPicker(() => {
          newConversation();
          navigate('chat');
        }),
        turnsEl,
        box.element,
      ),
    ),
  );

  function renderHistory(): void {
    history.replaceChildren(
      h('summary', { class: 'chat-history-head' }, h('h2', null, t('history.title')), newButton),
      conversationList(chat.conversationId, (id) => navigate(`chat/${id}`)),
    );
  }

  function renderTurn(turn: Turn): { element: HTMLElement; rendered: Promise<void> } {
    const question = h('p', { class: 'turn-question' }, turn.question);
    const done = Promise.resolve();
    if (turn.error !== undefined) {
      const element = h(
        'div',
        { class: 'turn', 'data-state': 'error' },
        question,
        errorState(turn.error, () => {
          chat.turns = chat.turns.filter((x) => x !== turn);
          void send({ question: turn.question });
        }),
      );
      return { element, rendered: done };
    }
    if (!turn.answer) {
      return {
        element: h('div', { class: 'turn', 'data-state': 'pending' }, question, loadingState()),
        rendered: done,
      };
    }
    const view = answerView(turn.answer, turn.question, catalog, {
      ask: (q) => void send({ question: q }),
      rerun: (query, intent) => void send({ query, intent, label: turn.question }),
      drill: (query, intent, label) => void send({ query, intent, label, fresh: true }),
      seq: () => seqOf(turn),
    });
    return {
      element: h('div', { class: 'turn', 'data-state': 'done' }, question, view.element),
      rendered: view.rendered,
    };
  }

  function renderTurns(): void {
    if (chat.turns.length === 0) {
      turnsEl.replaceChildren(emptyState(t('chat.empty')), examplesBlock());
      return;
    }
    turnsEl.replaceChildren(...chat.turns.map((turn) => renderTurn(turn).element));
  }

  function examplesBlock(): HTMLElement {
    const examples = [t('chat.example1'), t('chat.example2'), t('chat.example3'), t('chat.example4')];
    return h(
      'div',
      { class: 'suggestions', role: 'group', 'aria-label': t('chat.tryAsking') },
      h('span', { class: 'muted' }, t('chat.tryAsking')),
      examples.map((q) =>
        h('button', { type: 'button', class: 'suggestion', onclick: () => void send({ question: q }) }, q),
      ),
    );
  }

  async function send(
    input:
      | { question: string }
      | {
          query: SemanticQuery;
          intent: Intent;
          label: string;
          /** A new question (a drill, a tile), not an edit: its label takes no "edited" mark. */
          fresh?: boolean;
        },
  ): Promise<void> {
    if (busy) return;
    busy = true;
    box.setBusy(true);
    const label = 'question' in input ? input.question : input.fresh ? input.label : editedLabel(input.label);
    const turn: Turn = { question: label };
    chat.turns.push(turn);
    const progress = progressIndicator();
    const pending = h(
      'div',
      { class: 'turn', 'data-state': 'pending' },
      h('p', { class: 'turn-question' }, label),
      progress.element,
    );
    if (chat.turns.length === 1) turnsEl.replaceChildren();
    turnsEl.appendChild(pending);
    pending.scrollIntoView({ block: 'nearest' });
    answerCount += 1;
    const startMark = `chatbi:ask-${answerCount}`;
    performance.mark(startMark);
    try {
      const model = currentModel();
      const body =
        'question' in input
          ? { question: input.question, conversationId: chat.conversationId, model }
          : { query: input.query, intent: input.intent, conversationId: chat.conversationId, model };
      turn.answer = await ask(body, progress.update);
      const isNew = chat.conversationId !== turn.answer.conversationId;
      chat.conversationId = turn.answer.conversationId;
      const view = renderTurn(turn);
      pending.replaceWith(view.element);
      // The new answer comes into view from its question, not below the fold.
      view.element.scrollIntoView({ block: 'start' });
      await view.rendered;
      view.element.scrollIntoView({ block: 'start' });
      measureAnswer(startMark);
      if (isNew) {
        history.replaceChildren();
        renderHistory();
        history.dataset.conversation = chat.conversationId;
        window.history.replaceState(null, '', `#/chat/${encodeURIComponent(chat.conversationId)}`);
      }
    } catch (error) {
      turn.error = error;
      pending.replaceWith(renderTurn(turn).element);
    } finally {
      busy = false;
      box.setBusy(false);
      box.focus();
    }
  }

  async function start(): Promise<void> {
    try {
      catalog = new Index(await loadCatalog(currentModel()));
    } catch {
      catalog = null; // Chips need the catalog; answers still render without it.
    }
    if (routeId && routeId !== chat.conversationId) {
      turnsEl.replaceChildren(loadingState());
      try {
        await openConversation(routeId);
      } catch (error) {
        turnsEl.replaceChildren(errorState(error, () => void start()));
        return;
      }
    }
    renderHistory();
    renderTurns();
    if (initialQuestion) {
      window.history.replaceState(null, '', chat.conversationId ? `#/chat/${chat.conversationId}` : '#/chat');
      await send(
        initialQuery
          ? { query: initialQuery, intent: 'metric', label: initialQuestion, fresh: true }
          : { question: initialQuestion },
      );
    } else box.focus();
  }
  void start();
}
