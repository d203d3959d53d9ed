/**
 * A chat message asking to be sent something on a schedule ("每周一提醒我华南的流失率", "email me the churn
 * rate every Monday"): instead of answering, the turn reads the request back as a proposal to confirm —
 * what is asked each time (the question, interpreted now so the user sees what it measures), when (cron in
 * the model's time zone), on which channel, and with whose data access. Nothing is created here: the
 * client confirms by posting the proposal to `POST /api/subscriptions`.
 */
import { accessFor } from '../../../semantic-layer/src/access-policy.ts';
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { SubscriptionProposal } from '../answer/answer-schema.ts';
import type { SubscriptionProposal as Request } from '../ask/subscription-request.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';
import type { InterpretedTurn } from './interpret-turn.ts';
import { pipelineMessages } from './pipeline-messages.ts';

/**
 * The confirmation of a recognised request `p` whose question was interpreted as `turn`, with its narrative;
 * null when the question was not understood (the turn is then answered as usual).
 */
export function proposeSubscription(
  runtime: ModelRuntime,
  p: Request,
  turn: InterpretedTurn,
  attributes: Record<string, string[]> | undefined,
  lang: Lang,
): { proposal: SubscriptionProposal; narrative: string } | null {
  const query = turn.interpretation.query;
  if (!query || turn.interpretation.kind === 'clarify' || turn.interpretation.kind === 'out_of_scope')
    return null;
  const { catalog, model } = runtime;
  const label = (id: string) =>
    (catalog.metrics.find((m) => m.id === id) ?? catalog.dimensions.find((d) => d.id === id))?.label[lang] ??
    id;
  const filters = (query.filters ?? []).map((f) =>
    pipelineMessages.subscriptionFilter(lang, label(f.member), (f.values ?? []).map(String).join('、')),
  );
  const what = [query.metrics.map(label).join(pipelineMessages.listSeparator(lang)), ...filters].join(' · ');
  const access = accessFor(model, attributes);
  const scope =
    access.kind === 'unrestricted'
      ? pipelineMessages.scopeAll(lang)
      : access.kind === 'denied'
        ? pipelineMessages.scopeNone(lang)
        : pipelineMessages.scopeRestricted(
            lang,
            access.rules.map((r) => `${label(r.dimension)} ${r.values.join('、')}`).join('；'),
          );
  const channelText = pipelineMessages.channelName(lang, p.channel);
  const proposal: SubscriptionProposal = {
    model: model.id,
    question: p.question,
    cron: p.cron,
    timezone: model.timezone,
    channel: p.channel,
    language: lang,
    scheduleText: p.language === lang ? p.scheduleText : p.cron,
    channelText,
    what,
    scope,
  };
  return {
    proposal,
    narrative: pipelineMessages.subscriptionConfirm(lang, {
      question: p.question,
      schedule: proposal.scheduleText,
      timezone: proposal.timezone,
      channel: channelText,
    }),
  };
}
