import type { Answer, Intent, SemanticQuery } from '../api/types.ts';
import type { CatalogIndex } from '../catalog-store.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { proposalCard } from '../monitors/proposal-card.ts';
import { subscribeMenu } from '../monitors/subscribe-menu.ts';
import { answerActions, questionButtons } from './answer-actions.ts';
import { answerChart } from './answer-chart.ts';
import { dataTable } from './data-table.ts';
import { feedbackBox } from './feedback-box.ts';
import { interpretationChips } from './interpretation-chips.ts';
import { provenancePanel } from './provenance-panel.ts';

export interface AnswerViewHandlers {
  ask: (question: string) => void;
  rerun: (query: SemanticQuery, intent: Intent) => void;
  /** The answer's message number in its conversation (for feedback). */
  seq: () => Promise<number>;
}

/**
 * One answer: interpretation chips, narrative, chart, table, actions, suggestions, "how this was
 * computed" and feedback; clarify answers show their options, failures an explained error.
 * `rendered` resolves once the chart is drawn.
 */
export function answerView(
  answer: Answer,
  question: string,
  catalog: CatalogIndex | null,
  handlers: AnswerViewHandlers,
): { element: HTMLElement; rendered: Promise<void> } {
  let rendered: Promise<void> = Promise.resolve();
  const chart = answer.chart ? answerChart(answer.chart, question) : null;
  if (chart) rendered = chart.rendered;
  const failed = answer.kind === 'error' || answer.kind === 'out_of_scope';

  const element = h(
    'article',
    {
      class: `answer answer-${answer.kind}`,
      'data-kind': answer.kind,
      'aria-label': t('chat.answerTo', { question }),
    },
    catalog && answer.kind === 'answer' && interpretationChips(answer, catalog, handlers.rerun),
    // Words the interpreter could not place are named back, whatever the answer's kind.
    answer.interpretation.unknownTerms.length > 0 &&
      h(
        'p',
        { class: 'unknown-terms' },
        t('chips.unknownTerms', { terms: answer.interpretation.unknownTerms.join(t('list.separator')) }),
      ),
    h(
      'p',
      { class: failed ? 'narrative state-error' : 'narrative', role: failed ? 'alert' : null },
      answer.narrative,
    ),
    answer.subscription && proposalCard(answer.subscription),
    answer.kind === 'clarify' &&
      questionButtons(
        t('chat.clarifyPrompt'),
        (answer.options ?? []).map((o) => ({ label: o.label, question: o.question })),
        handlers.ask,
        'clarify-options',
      ),
    chart?.element,
    answer.table &&
      answer.table.rows.length > 0 &&
      dataTable(answer.table.columns, answer.table.rows, { title: question }),
    answer.table &&
      answer.table.rows.length === 0 &&
      answer.kind === 'answer' &&
      h('p', { class: 'state state-empty' }, t('chat.noRows')),
    answerActions(answer.actions ?? []),
    questionButtons(
      t('chat.followUps'),
      answer.suggestions.map((s) => ({ label: s, question: s })),
      handlers.ask,
    ),
    // Provenance belongs to computed answers; a refusal with no query has nothing to explain.
    (answer.kind === 'answer' || answer.provenance.sql.length > 0) && provenancePanel(answer),
    answer.kind === 'answer' && subscribeMenu(question),
    feedbackBox({ conversationId: answer.conversationId, seq: handlers.seq }),
  );
  return { element, rendered };
}
