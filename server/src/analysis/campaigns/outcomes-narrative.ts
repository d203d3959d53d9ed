/** The campaign-outcome narrative in the question's language: the best measured group, its interval and test. */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { MessageParams } from '../../i18n/message-catalog.ts';
import { type AnalysisMessageId, analysisMessage } from '../analysis-messages.ts';
import type { GroupOutcome } from './campaign-outcomes.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;

/** The groupings with a noun of their own; any other is called a campaign. */
const NOUNS = new Set(['campaign', 'message_channel', 'retention_action']);

/** One sentence per measured group (at most three), best first; unknown effects said plainly. */
export function outcomesNarrative(
  outcomes: GroupOutcome[],
  by: string,
  label: (group: string) => string,
  lang: Lang,
): string {
  const say = (id: AnalysisMessageId, params?: MessageParams) => analysisMessage(id, lang, params);
  const noun = say(`outcomes.noun.${NOUNS.has(by) ? by : 'campaign'}` as AnalysisMessageId);
  if (outcomes.length === 0) return say('outcomes.none_yet');
  const measured = outcomes.filter((o) => o.uplift !== null && o.interval);
  const lines = measured.slice(0, 3).map((o) =>
    say('outcomes.group', {
      noun,
      Noun: `${noun[0]!.toUpperCase()}${noun.slice(1)}`,
      group: label(o.group),
      treatedRate: pct(o.treated.rate),
      treated: o.treated.customers,
      controlRate: pct(o.control!.rate),
      control: o.control!.customers,
      uplift: pp(o.uplift!),
      low: pp(o.interval!.lower),
      high: pp(o.interval!.upper),
      p: o.pValue!.toFixed(3),
      significance: say((o.pValue ?? 1) < 0.05 ? 'outcomes.significant' : 'outcomes.not_significant'),
      cost: o.costPerRetained === null ? '' : say('outcomes.cost', { cost: o.costPerRetained.toFixed(2) }),
    }),
  );
  const unknown = outcomes.length - measured.length;
  if (unknown > 0) lines.push(say('outcomes.no_control', { count: unknown, noun }));
  const best = measured[0];
  const head =
    best && (best.pValue ?? 1) < 0.05 && best.uplift! > 0
      ? say('outcomes.best', { noun, group: label(best.group) })
      : say('outcomes.none_significant', { noun });
  return [head, ...lines].join(say('sentence_separator'));
}
