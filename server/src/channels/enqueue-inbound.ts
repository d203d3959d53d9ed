import type { ChannelJob } from '../store/channel-queue.ts';
import type { Store } from '../store/open-store.ts';
import { channelMessages, messageLanguage } from './channel-messages.ts';

/** What an inbound route needs to record a job. */
export interface InboundQueueDeps {
  store: Store;
  now: () => Date;
  rateLimitPerMinute: number;
  /** Called after a job was recorded. */
  wake: () => void;
}

/** One inbound message of a channel user, to be answered by the worker. */
export interface InboundJob {
  provider: 'slack' | 'wecom';
  kind: 'ask' | 'provenance';
  dedupeKey: string;
  threadKey: string;
  externalUserId: string;
  /** The user's text: its language is the language of a rate-limit notice. */
  text: string;
  payload: object;
}

/**
 * Records an inbound job for Slack or WeCom, or, when the user asked more than `rateLimitPerMinute`
 * questions in the last minute, a `notice` job that tells them so (in the language of their text). A job
 * with the same dedupe key (a retried delivery) is not recorded twice; the worker is woken for a new one.
 */
export async function enqueueInbound(
  deps: InboundQueueDeps,
  job: InboundJob,
): Promise<{ job: ChannelJob; created: boolean }> {
  const queue = deps.store.channelQueue;
  const since = new Date(deps.now().getTime() - 60_000);
  const limited =
    job.kind === 'ask' &&
    (await queue.countSince(job.provider, job.externalUserId, since, 'ask')) >= deps.rateLimitPerMinute;
  const result = await queue.enqueue(
    {
      provider: job.provider,
      kind: limited ? 'notice' : job.kind,
      dedupeKey: job.dedupeKey,
      threadKey: job.threadKey,
      externalUserId: job.externalUserId,
      payload: limited
        ? {
            ...job.payload,
            notice: channelMessages.rateLimited(deps.rateLimitPerMinute, messageLanguage(job.text)),
          }
        : { ...job.payload },
    },
    deps.now(),
  );
  if (result.created) deps.wake();
  return result;
}
