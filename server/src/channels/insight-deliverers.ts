/**
 * Monitor insights pushed through the chat channels: a Slack direct message to the subscriber's linked
 * Slack account, a WeCom app message to their WeCom userid (or linked account), and a WeCom group robot
 * (the subscription's webhook key). Reuses the channels' senders (retries, delivery log, redaction).
 */
import type { Deliverers } from '../monitors/deliverers.ts';
import { PermanentDeliveryError } from '../monitors/deliverers.ts';
import { insightMarkdown, insightText } from '../monitors/insight.ts';
import type { Store } from '../store/open-store.ts';
import type { ChannelConfig } from './channel-config.ts';
import { channelMessages } from './channel-messages.ts';
import { PermanentJobError } from './job-worker.ts';
import type { RetryPolicy } from './outbound-retry.ts';
import { SlackApi } from './slack/slack-api.ts';
import { WecomApi } from './wecom/wecom-api.ts';
import { truncateBytes } from './wecom/wecom-markdown.ts';
import { createWecomWebhookSender, WecomWebhookError } from './wecom/wecom-webhook.ts';

export interface InsightDeliverersOptions {
  config: ChannelConfig | undefined;
  store: Store;
  retry: RetryPolicy;
  now: () => Date;
  log: (line: string) => void;
}

const notLinked = (lang: 'zh' | 'en', channel: 'slack' | 'wecom') =>
  new PermanentDeliveryError(channelMessages.notLinked(channel, lang));

/** Rethrows a channel error that retrying cannot fix as a permanent delivery error. */
function permanent(error: unknown): never {
  if (error instanceof PermanentJobError || error instanceof WecomWebhookError)
    throw new PermanentDeliveryError(error.message);
  throw error;
}

/** The deliverers of the configured chat channels (Slack, WeCom app); the group robot needs only its key. */
export function insightDeliverers(opts: InsightDeliverersOptions): Deliverers {
  const { config, store, retry, log } = opts;
  const deliverers: Deliverers = {
    wecom_webhook: async ({ subscription, insight }) => {
      if (!subscription.target) throw new PermanentDeliveryError('no group robot key');
      const send = createWecomWebhookSender({
        key: subscription.target,
        apiBase: config?.wecomApp?.apiBase,
        retry,
      });
      await send({ markdown: insightMarkdown(insight) }).catch(permanent);
    },
  };
  if (config?.slack) {
    const api = new SlackApi({
      botToken: config.slack.botToken,
      apiUrl: config.slack.apiUrl,
      store,
      log,
      retry,
    });
    deliverers.slack = async ({ subscription, user, insight }) => {
      const link = (await store.channelLinks.listForUser(user.id)).find((l) => l.provider === 'slack');
      if (!link) throw notLinked(subscription.language, 'slack');
      const text = insightText(insight);
      const channel = await api.openDirect(link.externalUserId, null).catch(permanent);
      await api
        .post(
          channel,
          null,
          {
            text,
            blocks: [
              { type: 'header', text: { type: 'plain_text', text: insight.title.slice(0, 150) } },
              {
                type: 'section',
                text: {
                  type: 'mrkdwn',
                  text: [insight.headline, ...insight.lines.map((l) => `• ${l}`)].join('\n').slice(0, 3000),
                },
              },
            ],
          },
          null,
        )
        .catch(permanent);
    };
  }
  if (config?.wecomApp) {
    const api = new WecomApi({ config: config.wecomApp, store, log, retry, now: () => opts.now().getTime() });
    deliverers.wecom = async ({ subscription, user, insight }) => {
      const linked = (await store.channelLinks.listForUser(user.id)).find((l) => l.provider === 'wecom');
      const touser = user.wecomUserId ?? linked?.externalUserId;
      if (!touser) throw notLinked(subscription.language, 'wecom');
      await api.sendMarkdown(touser, truncateBytes(insightMarkdown(insight), 2048), null).catch(permanent);
    };
  }
  return deliverers;
}
