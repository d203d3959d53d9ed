/**
 * Creating a subscription: to a governed monitor (its schedule unless another is given), to the weekly
 * review, or to any question (the chat's "每周一提醒我华南的流失率"). Checked before anything is stored;
 * refusals are values with a message in the user's language.
 */
import { z } from 'zod';
import type { ModelRegistry } from '../models/model-registry.ts';
import type { Subscription } from '../store/monitor-store.ts';
import type { Store } from '../store/open-store.ts';
import { SUBSCRIPTION_CHANNELS } from '../store/schema.ts';
import type { User } from '../store/users.ts';
import type { Clock } from './clock.ts';
import { WEEKLY_DIGEST } from './digest.ts';
import { monitorMessage } from './insight-messages.ts';
import { scheduleProblem } from './schedule.ts';

export const SubscriptionRequestSchema = z
  .strictObject({
    model: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .optional(),
    monitorId: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .optional(),
    question: z.string().trim().min(1).max(500).optional(),
    channel: z.enum(SUBSCRIPTION_CHANNELS).default('inbox'),
    /** E-mail address (channel email) or group-robot key (wecom_webhook). */
    target: z.string().trim().min(1).max(320).optional(),
    cron: z.string().trim().max(100).optional(),
    timezone: z.string().trim().max(64).optional(),
    language: z.enum(['zh', 'en']).optional(),
  })
  .refine((r) => Boolean(r.monitorId) !== Boolean(r.question), {
    message: 'exactly one of monitorId or question',
  });
export type SubscriptionRequest = z.infer<typeof SubscriptionRequestSchema>;

export type SubscribeResult =
  | { ok: true; subscription: Subscription }
  | {
      ok: false;
      code: 'unknown_monitor' | 'invalid_schedule' | 'invalid_target' | 'unknown_model';
      message: string;
    };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function subscribe(
  deps: { store: Store; registry: ModelRegistry; clock: Clock },
  user: Pick<User, 'id' | 'email'>,
  req: SubscriptionRequest,
  lang: 'zh' | 'en',
): Promise<SubscribeResult> {
  const modelId = req.model ?? deps.registry.get().runtime.model.id;
  if (!deps.registry.has(modelId))
    return {
      ok: false,
      code: 'unknown_model',
      message: monitorMessage('unknown_model', lang, { model: modelId }),
    };
  const model = deps.registry.get(modelId).runtime.model;
  let cron = req.cron;
  let timezone = req.timezone;
  if (req.monitorId && req.monitorId !== WEEKLY_DIGEST) {
    const monitor = model.monitors[req.monitorId];
    if (!monitor)
      return {
        ok: false,
        code: 'unknown_monitor',
        message: monitorMessage('unknown_monitor', lang, { monitor: req.monitorId }),
      };
    cron ??= monitor.schedule.cron;
    timezone ??= monitor.schedule.timezone;
  }
  cron ??= '0 9 * * 1';
  timezone ??= model.timezone;
  const problem = scheduleProblem(cron, timezone, lang);
  if (problem) return { ok: false, code: 'invalid_schedule', message: problem };
  if (req.channel === 'email' && req.target && !EMAIL.test(req.target))
    return { ok: false, code: 'invalid_target', message: monitorMessage('invalid_email', lang) };
  if (req.channel === 'email' && !req.target && !user.email)
    return {
      ok: false,
      code: 'invalid_target',
      message: monitorMessage('account_without_email', lang),
    };
  if (req.channel === 'wecom_webhook' && !req.target)
    return {
      ok: false,
      code: 'invalid_target',
      message: monitorMessage('robot_key_missing', lang),
    };
  const subscription = await deps.store.monitors.subscribe(
    {
      userId: user.id,
      modelId,
      monitorId: req.monitorId ?? null,
      question: req.question ?? null,
      channel: req.channel,
      target: req.channel === 'email' || req.channel === 'wecom_webhook' ? (req.target ?? null) : null,
      cron,
      timezone,
      language: req.language ?? lang,
    },
    deps.clock.now(),
  );
  return { ok: true, subscription };
}
