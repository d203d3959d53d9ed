/**
 * The chat channels of one server process: the inbound routes of each configured channel (Slack, WeCom
 * app, WeCom robot), one job worker that answers what they acknowledged, and the status admins see.
 * Built by the server wiring from `ChannelConfig`; nothing here is mounted when nothing is configured.
 */
import type { Hono } from 'hono';
import type { ModelRegistry } from '../models/model-registry.ts';
import type { AnswerDeps } from '../pipeline/answer-question.ts';
import { ConversationLog } from '../pipeline/conversation-log.ts';
import type { Store } from '../store/open-store.ts';
import { AccountLinks } from './account-links.ts';
import type { ChannelAskDeps } from './channel-ask.ts';
import { type ChannelConfig, describeChannels } from './channel-config.ts';
import { type JobHandler, JobWorker } from './job-worker.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './outbound-retry.ts';
import { SlackApi } from './slack/slack-api.ts';
import { slackJobHandler } from './slack/slack-jobs.ts';
import { slackRoutes } from './slack/slack-routes.ts';
import { WecomApi } from './wecom/wecom-api.ts';
import { wecomJobHandler } from './wecom/wecom-jobs.ts';
import { wecomRoutes } from './wecom/wecom-routes.ts';

export interface ChannelServiceOptions {
  config: ChannelConfig;
  store: Store;
  registry: ModelRegistry;
  answerDeps: AnswerDeps;
  log: (line: string) => void;
  /** Injected clock (tests); wall clock by default. */
  now?: () => Date;
  /** Outbound retry policy (tests shorten it). */
  retry?: RetryPolicy;
  /** Worker tuning. */
  worker?: { concurrency?: number; leaseMs?: number; pollMs?: number; maxAttempts?: number };
}

/** Status for `/api/integrations`: what is configured (no secrets), jobs by status, last failures. */
export type ChannelStatus = ReturnType<typeof describeChannels> & {
  jobs: Record<string, number>;
  recentFailures: {
    ts: Date;
    provider: string;
    jobId: number | null;
    operation: string;
    error: string | null;
  }[];
};

/** Seen event ids and signatures are kept a day: far longer than Slack's retries and the 300 s window. */
const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;

export class ChannelService {
  readonly worker: JobWorker;
  private readonly routers: Record<string, Hono> = {};
  private pruner: NodeJS.Timeout | undefined;

  constructor(private readonly opts: ChannelServiceOptions) {
    const now = opts.now ?? (() => new Date());
    const retry = opts.retry ?? DEFAULT_RETRY;
    const { config, store } = opts;
    const links = new AccountLinks(store, now);
    const ask: ChannelAskDeps = {
      store,
      registry: opts.registry,
      answerDeps: opts.answerDeps,
      conversations: new ConversationLog(store),
      now,
    };
    const handlers: Partial<Record<'slack' | 'wecom', JobHandler>> = {};
    const wake = () => this.worker.wake();

    if (config.slack) {
      const api = new SlackApi({
        botToken: config.slack.botToken,
        apiUrl: config.slack.apiUrl,
        store,
        log: opts.log,
        retry,
      });
      handlers.slack = slackJobHandler({ ...ask, api, links });
      this.routers['/slack'] = slackRoutes({
        signingSecret: config.slack.signingSecret,
        store,
        links,
        now,
        rateLimitPerMinute: config.rateLimitPerMinute,
        wake,
      });
    }
    if (config.wecomApp || config.wecomBot) {
      const api = config.wecomApp
        ? new WecomApi({ config: config.wecomApp, store, log: opts.log, retry, now: () => now().getTime() })
        : null;
      handlers.wecom = wecomJobHandler({ ...ask, api, links, corpId: config.wecomApp?.corpId ?? '' });
      this.routers['/wecom'] = wecomRoutes({
        app: config.wecomApp,
        bot: config.wecomBot,
        store,
        now,
        rateLimitPerMinute: config.rateLimitPerMinute,
        wake,
      });
    }

    this.worker = new JobWorker({
      store,
      now,
      log: opts.log,
      ...opts.worker,
      handle: async (job, ctx) => {
        const handler = handlers[job.provider];
        if (!handler) throw new Error(`${job.provider} is no longer configured`);
        await handler(job, ctx);
      },
    });
  }

  /** True when at least one channel is configured. */
  get enabled(): boolean {
    return Object.keys(this.routers).length > 0;
  }

  /** Routers to mount outside `/api` (they authenticate by signature): `{ '/slack': …, '/wecom': … }`. */
  routes(): Record<string, Hono> {
    return { ...this.routers };
  }

  /** Starts answering; jobs left pending or abandoned by a stopped process are resumed. */
  start(): void {
    if (!this.enabled) return;
    this.worker.start();
    const now = this.opts.now ?? (() => new Date());
    const prune = () =>
      void this.opts.store.channelQueue
        .pruneEvents(new Date(now().getTime() - EVENT_RETENTION_MS))
        .catch((error: unknown) => this.opts.log(`channel events: prune failed: ${String(error)}`));
    prune();
    this.pruner = setInterval(prune, 60 * 60 * 1000);
    this.pruner.unref?.();
  }

  /** Stops claiming and lets running jobs finish (up to `graceMs`; the rest keep their lease). */
  stop(graceMs?: number): Promise<void> {
    clearInterval(this.pruner);
    return this.worker.stop(graceMs);
  }

  async status(): Promise<ChannelStatus> {
    const failures = await this.opts.store.channelQueue.recentFailures(20);
    return {
      ...describeChannels(this.opts.config),
      jobs: await this.opts.store.channelQueue.statusCounts(),
      recentFailures: failures.map((f) => ({
        ts: f.ts,
        provider: f.provider,
        jobId: f.jobId,
        operation: f.operation,
        error: f.error,
      })),
    };
  }
}
