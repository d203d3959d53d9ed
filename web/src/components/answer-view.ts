import type { Answer, Intent, SemanticQuery } from '../api/types.ts';
import type { CatalogIndex } from '../catalog-store.ts';
import { rowsInChartOrder } from '../chart-order.ts';
import { h } from '../dom.ts';
import { canDrill, drillStep } from '../drill.ts';
import { t } from '../i18n/i18n.ts';
import { currentModel } from '../model-choice.ts';
import { proposalCard } from '../monitors/proposal-card.ts';
import { subscribeMenu } from '../monitors/subscribe-menu.ts';
import { periodCell } from '../period-label.ts';
import { intentFor } from '../query-edits.ts';
import { answerActions, questionButtons } from './answer-actions.ts';
import { answerChart } from './answer-chart.ts';
import { answerChartPath, chartImageBar } from './chart-image.ts';
import { dataTable } from './data-table.ts';
import { feedbackBox } from './feedback-box.ts';
import { interpretationChips } from './interpretation-chips.ts';
import { pinShareBar } from './pin-share.ts';
import { provenancePanel } from './provenance-panel.ts';

export interface AnswerViewHandlers {
  ask: (question: string) => void;
  rerun: (query: SemanticQuery, intent: Intent) => void;
  /** Asks a drilled-down question (a clicked bar, point or row) as a new turn. */
  drill?: (query: SemanticQuery, intent: Intent, label: string) => void;
  /** The answer's message number in its conversation (for feedback). */
  seq: () => Promise<number>;
}

/** The trend's period column in the user's language (2026年1月 / Jan 2026), at the query's grain. */
function timeCells(answer: Answer): Record<string, (value: unknown) => string> | undefined {
  const grain = answer.interpretation.query?.time?.grain;
  const column = answer.table?.columns.find((c) => c.type === 'date');
  if (!grain || !column) return undefined;
  return { [column.name]: (value) => periodCell(value, grain) };
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
  const query = answer.interpretation.query;
  const drill =
    catalog && query && handlers.drill && answer.kind === 'answer' && canDrill(query, catalog)
      ? (datum: Record<string, unknown>) => {
          const step = drillStep(query, catalog, datum);
          if (step)
            handlers.drill?.(step.query, intentFor(answer.interpretation.intent, step.query), step.label);
        }
      : undefined;
  const chart = answer.chart ? answerChart(answer.chart, question, drill) : null;
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
    chart &&
      answer.conversationId &&
      chartImageBar({
        path: async () => answerChartPath(answer.conversationId, await handlers.seq()),
        title: question,
      }),
    answer.table &&
      answer.table.rows.length > 0 &&
      dataTable(answer.table.columns, rowsInChartOrder(answer.chart, answer.table.rows), {
        title: question,
        renderCell: timeCells(answer),
        rowAction: drill && {
          label: (row) => drillStep(query!, catalog!, row)?.label ?? '',
          run: drill,
        },
      }),
    drill && h('p', { class: 'drill-hint muted' }, t('drill.hint')),
    answer.table &&
      answer.table.rows.length === 0 &&
      answer.kind === 'answer' &&
      h('p', { class: 'state state-empty' }, t('chat.noRows')),
    answer.kind === 'answer' &&
      answer.interpretation.query &&
      pinShareBar({
        title: question,
        model: answer.interpretation.query.model ?? currentModel(),
        query: answer.interpretation.query,
        intent: answer.interpretation.intent,
      }),
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
