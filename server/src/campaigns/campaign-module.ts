/**
 * The campaign machinery one server runs: the service, the providers built from the configuration and
 * the outbox worker, started and stopped with the server.
 */
import type { ModelRegistry } from '../models/model-registry.ts';
import type { Store } from '../store/open-store.ts';
import type { MessageChannel } from '../store/schema.ts';
import type { CampaignConfig } from './campaign-config.ts';
import { CampaignService } from './campaign-service.ts';
import { DEFAULT_DELIVERY, DeliveryWorker } from './delivery-worker.ts';
import { type FollowUpRun, runFollowUps } from './follow-ups.ts';
import { callTaskProvider } from './providers/call-task-provider.ts';
import { httpProvider } from './providers/http-provider.ts';
import type { MessageProvider } from './providers/message-provider.ts';
import { smtpProvider } from './providers/smtp-provider.ts';

/** How often due playbook follow-ups are looked for. */
export const FOLLOW_UP_EVERY_MS = 10 * 60_000;

export interface CampaignModule {
  service: CampaignService;
  worker: DeliveryWorker;
  /** Channels with a provider. */
  channels: MessageChannel[];
  /** The campaigns' clock (task due dates and "today" count from it). */
  now: () => Date;
  /** Creates the playbook follow-up tasks that are due (all sent campaigns, or one); also run periodically. */
  followUps(campaignId?: string): Promise<FollowUpRun>;
  start(): void;
  stop(): Promise<void>;
}

/** Builds the service, the providers and the worker (not started). */
export function campaignModule(deps: {
  store: Store;
  registry: ModelRegistry;
  demo: boolean;
  config: CampaignConfig;
  log?: (message: string) => void;
  now?: () => Date;
  newId?: () => string;
}): CampaignModule {
  const { config } = deps;
  const providers: Partial<Record<MessageChannel, MessageProvider>> = {
    call_task: callTaskProvider(deps.store),
  };
  if (config.smtp) providers.email = smtpProvider(config.smtp);
  if (config.sms) providers.sms = httpProvider('sms', config.sms);
  if (config.wecom) providers.wecom = httpProvider('wecom', config.wecom);
  const service = new CampaignService({
    store: deps.store,
    registry: deps.registry,
    demo: deps.demo,
    frequencyCapDays: config.frequencyCapDays,
    now: deps.now,
    newId: deps.newId,
  });
  const worker = new DeliveryWorker({
    store: deps.store,
    providers,
    settings: {
      ...DEFAULT_DELIVERY,
      ratePerSecond: config.ratePerSecond,
      maxAttempts: config.maxAttempts,
      frequencyCapDays: config.frequencyCapDays,
      pollMs: config.pollMs,
    },
    dayOf: (id) => service.dayOf(id),
    onCampaignDrained: (id) => service.drained(id),
    now: deps.now,
    log: deps.log,
  });
  const now = deps.now ?? (() => new Date());
  const followUps = (campaignId?: string) =>
    runFollowUps(
      { store: deps.store, registry: deps.registry, dayOf: (id) => service.dayOf(id), now },
      campaignId,
    );
  let timer: NodeJS.Timeout | undefined;
  return {
    service,
    worker,
    channels: Object.keys(providers) as MessageChannel[],
    now,
    followUps,
    start() {
      worker.start();
      timer = setInterval(() => {
        followUps().catch((e) => deps.log?.(`follow-up tasks failed: ${String(e)}`));
      }, FOLLOW_UP_EVERY_MS);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await worker.stop();
      for (const p of Object.values(providers)) await p.close?.();
    },
  };
}
