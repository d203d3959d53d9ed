/**
 * The group robot webhook (群机器人) for pushed messages (monitors, digests): markdown (≤ 4096 bytes) or
 * an image (base64 + md5 of the raw bytes, ≤ 2 MB). A small sender other features reuse; it retries
 * 429/5xx and WeCom's busy errcodes, and never puts the webhook key in an error.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_WECOM_API_BASE } from '../channel-config.ts';
import { DEFAULT_RETRY, fetchWithRetry, type RetryPolicy, redactSecrets } from '../outbound-retry.ts';
import { truncateBytes } from './wecom-markdown.ts';

export interface WecomWebhookOptions {
  /** The robot's key (the `key=` of its webhook URL). */
  key: string;
  apiBase?: string;
  retry?: RetryPolicy;
}

/** Thrown when WeCom refuses a webhook message. */
export class WecomWebhookError extends Error {}

/** A function that pushes one message to a group robot. */
export type WecomWebhookSender = (message: { markdown: string } | { png: Buffer }) => Promise<void>;

/**
 * @example await createWecomWebhookSender({ key })({ markdown: '**流失率预警** 华南 26.6%' })
 */
export function createWecomWebhookSender(opts: WecomWebhookOptions): WecomWebhookSender {
  const base = (opts.apiBase ?? DEFAULT_WECOM_API_BASE).replace(/\/+$/, '');
  return async (message) => {
    const body =
      'markdown' in message
        ? { msgtype: 'markdown', markdown: { content: truncateBytes(message.markdown, 4096) } }
        : {
            msgtype: 'image',
            image: {
              base64: message.png.toString('base64'),
              md5: createHash('md5').update(message.png).digest('hex'),
            },
          };
    if ('png' in message && message.png.length > 2 * 1024 * 1024)
      throw new WecomWebhookError('image larger than 2 MB');
    const res = await fetchWithRetry(
      () =>
        fetch(`${base}/cgi-bin/webhook/send?key=${encodeURIComponent(opts.key)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      'webhook/send',
      opts.retry ?? DEFAULT_RETRY,
    ).catch((error: unknown) => {
      throw new WecomWebhookError(redactSecrets(error instanceof Error ? error.message : String(error)));
    });
    const reply = (await res.json().catch(() => ({ errcode: -2, errmsg: `HTTP ${res.status}` }))) as {
      errcode?: number;
      errmsg?: string;
    };
    if (Number(reply.errcode ?? 0) !== 0)
      throw new WecomWebhookError(
        redactSecrets(`webhook/send: errcode ${reply.errcode} ${reply.errmsg ?? ''}`.trim()),
      );
  };
}
