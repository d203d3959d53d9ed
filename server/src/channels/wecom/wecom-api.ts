/**
 * Active messages of a WeCom self-built app: `gettoken` (cached; fetched again when WeCom answers an
 * invalid/expired-token errcode), `message/send` (markdown, image, template_card) and `media/upload`
 * (multipart field `media`). HTTP 429/5xx and WeCom's busy/frequency errcodes are retried with backoff;
 * sends to one member wait for WeCom's 30-per-minute window. Failures are logged and recorded, with the
 * access token and secret removed from every message.
 */
import type { Store } from '../../store/open-store.ts';
import type { WecomAppConfig } from '../channel-config.ts';
import { PermanentJobError } from '../job-worker.ts';
import { fetchWithRetry, type RetryPolicy, redactSecrets } from '../outbound-retry.ts';
import { SendWindow } from './send-window.ts';

/** errcodes meaning the access token must be fetched again. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
/** errcodes worth retrying: system busy, API frequency limits. */
const BUSY_ERRCODES = new Set([-1, 45009, 45033, 45011]);

export interface WecomApiOptions {
  config: WecomAppConfig;
  store: Store;
  log: (line: string) => void;
  retry: RetryPolicy;
  now?: () => number;
  window?: SendWindow;
}

type WecomReply = { errcode?: number; errmsg?: string; [k: string]: unknown };

export class WecomApi {
  private token: { value: string; expiresAt: number } | null = null;
  private pendingToken: Promise<string> | null = null;
  private readonly window: SendWindow;
  private readonly now: () => number;

  constructor(private readonly opts: WecomApiOptions) {
    this.now = opts.now ?? Date.now;
    this.window = opts.window ?? new SendWindow(30, this.now);
  }

  /** Sends markdown to a member. */
  sendMarkdown(touser: string, content: string, jobId: number | null): Promise<WecomReply> {
    return this.send(touser, { msgtype: 'markdown', markdown: { content } }, jobId);
  }

  /** Uploads a PNG as temporary media and sends it as an image; returns the media_id. */
  async sendImage(touser: string, png: Buffer, jobId: number | null): Promise<string> {
    const uploaded = await this.api('media/upload', jobId, (token) => {
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chart.png');
      return {
        url: `/cgi-bin/media/upload?access_token=${encodeURIComponent(token)}&type=image`,
        init: { method: 'POST', body: form },
      };
    });
    const mediaId = String(uploaded.media_id ?? '');
    if (!mediaId) throw new PermanentJobError('media/upload returned no media_id');
    await this.send(touser, { msgtype: 'image', image: { media_id: mediaId } }, jobId);
    return mediaId;
  }

  /** Sends a button card; `buttons[].key` comes back in the click event's EventKey. */
  sendButtons(
    touser: string,
    card: { taskId: string; title: string; description: string; buttons: { text: string; key: string }[] },
    jobId: number | null,
  ): Promise<WecomReply> {
    return this.send(
      touser,
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'button_interaction',
          main_title: { title: card.title, desc: card.description },
          task_id: card.taskId,
          button_list: card.buttons
            .slice(0, 6)
            .map((b, i) => ({ text: b.text, style: i === 0 ? 1 : 2, key: b.key })),
        },
      },
      jobId,
    );
  }

  private async send(
    touser: string,
    message: Record<string, unknown>,
    jobId: number | null,
  ): Promise<WecomReply> {
    await this.window.acquire(touser);
    return this.api(`message/send(${String(message.msgtype)})`, jobId, (token) => ({
      url: `/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ touser, agentid: this.opts.config.agentId, ...message }),
      },
    }));
  }

  /** One API call with a valid token: refreshes the token once on a token errcode, retries busy errcodes. */
  private async api(
    operation: string,
    jobId: number | null,
    request: (token: string) => { url: string; init: RequestInit },
  ): Promise<WecomReply> {
    try {
      for (let attempt = 0; ; attempt++) {
        const token = await this.accessToken();
        const { url, init } = request(token);
        const res = await fetchWithRetry(
          () => fetch(`${this.opts.config.apiBase}${url}`, init),
          operation,
          this.opts.retry,
        );
        const reply = (await res
          .json()
          .catch(() => ({ errcode: -2, errmsg: `HTTP ${res.status}, not JSON` }))) as WecomReply;
        const code = Number(reply.errcode ?? 0);
        if (code === 0) return reply;
        if (TOKEN_ERRCODES.has(code) && attempt === 0) {
          this.token = null;
          continue;
        }
        if (BUSY_ERRCODES.has(code) && attempt < this.opts.retry.retries) {
          await (this.opts.retry.sleep ?? ((ms) => new Promise((ok) => setTimeout(ok, ms))))(
            this.opts.retry.baseMs * 2 ** attempt,
          );
          continue;
        }
        throw new PermanentJobError(`errcode ${code} ${reply.errmsg ?? ''}`.trim());
      }
    } catch (error) {
      const text = redactSecrets(`${operation}: ${error instanceof Error ? error.message : String(error)}`);
      this.opts.log(`wecom delivery failed (job ${jobId ?? '-'}): ${text}`);
      await this.opts.store.channelQueue
        .logDelivery({ provider: 'wecom', jobId, operation, ok: false, error: text })
        .catch(() => undefined);
      throw error instanceof PermanentJobError ? new PermanentJobError(text) : new Error(text);
    }
  }

  /** The cached access token, fetched when absent or about to expire. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.now()) return this.token.value;
    this.pendingToken ??= (async () => {
      const { corpId, secret, apiBase } = this.opts.config;
      const res = await fetchWithRetry(
        () =>
          fetch(
            `${apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(corpId)}&corpsecret=${encodeURIComponent(secret)}`,
          ),
        'gettoken',
        this.opts.retry,
      );
      const reply = (await res.json().catch(() => ({}))) as WecomReply;
      if (Number(reply.errcode ?? 0) !== 0 || typeof reply.access_token !== 'string')
        throw new PermanentJobError(`gettoken: errcode ${reply.errcode ?? '?'} ${reply.errmsg ?? ''}`.trim());
      const ttl = Number(reply.expires_in ?? 7200);
      this.token = { value: reply.access_token, expiresAt: this.now() + Math.max(60, ttl - 300) * 1000 };
      return reply.access_token;
    })().finally(() => {
      this.pendingToken = null;
    });
    return this.pendingToken;
  }
}
