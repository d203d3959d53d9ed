/**
 * Outbound Slack Web API calls through `@slack/web-api` at the configured API URL. The client retries 429
 * (after `Retry-After`) and 5xx with backoff; the external upload URL is posted to with the same policy.
 * Every failure is recorded in the delivery log; Slack's `ok: false` errors that retrying cannot fix
 * (channel_not_found, not_in_channel, invalid_auth…) fail the job at once. Tokens never reach a log.
 */
import { ErrorCode, type Logger, LogLevel, WebClient } from '@slack/web-api';
import type { Store } from '../../store/open-store.ts';
import { PermanentJobError } from '../job-worker.ts';
import { fetchWithRetry, type RetryPolicy, redactSecrets } from '../outbound-retry.ts';

export interface SlackApiOptions {
  botToken: string;
  apiUrl: string;
  store: Store;
  log: (line: string) => void;
  /** Retry policy of every call (tests shorten it). */
  retry: RetryPolicy;
}

/** A Slack message body. */
export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

const TRANSIENT_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

const silentLogger = (log: (line: string) => void): Logger => {
  let level = LogLevel.ERROR;
  return {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (...msg: unknown[]) => log(`slack client: ${redactSecrets(msg.map(String).join(' '))}`),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
};

export class SlackApi {
  private readonly client: WebClient;
  private botId: Promise<string> | undefined;
  private readonly allowedResponseOrigins: string[];

  constructor(private readonly opts: SlackApiOptions) {
    this.client = new WebClient(opts.botToken, {
      slackApiUrl: opts.apiUrl,
      logger: silentLogger(opts.log),
      logLevel: LogLevel.ERROR,
      retryConfig: {
        retries: opts.retry.retries,
        factor: 2,
        minTimeout: opts.retry.baseMs,
        maxTimeout: opts.retry.maxMs,
        randomize: true,
      },
      allowAbsoluteUrls: false,
      timeout: 30_000,
    });
    this.allowedResponseOrigins = ['https://hooks.slack.com', new URL(opts.apiUrl).origin];
  }

  /** The bot's own user id (to leave it out of channel members). */
  botUserId(): Promise<string> {
    this.botId ??= this.call('auth.test', null, () => this.client.auth.test()).then((r) =>
      String(r.user_id ?? ''),
    );
    this.botId.catch(() => {
      this.botId = undefined;
    });
    return this.botId;
  }

  /** The e-mail on a user's profile (needs `users:read.email`), or null. */
  async email(user: string, jobId: number | null): Promise<string | null> {
    return (await this.profile(user, jobId)).email;
  }

  /** Whether a Slack user is a bot (other apps in a channel do not read answers), and their e-mail. */
  async profile(user: string, jobId: number | null): Promise<{ bot: boolean; email: string | null }> {
    const res = await this.call('users.info', jobId, () =>
      // A user Slack does not know (e.g. from another workspace) is simply not linkable: not a failure.
      this.client.users.info({ user }).catch((error: { code?: string; data?: { error?: string } }) => {
        if (error?.code === ErrorCode.PlatformError && error.data?.error === 'user_not_found')
          return { user: undefined };
        throw error;
      }),
    );
    const u = res.user as { is_bot?: boolean; deleted?: boolean; profile?: { email?: string } } | undefined;
    if (u?.is_bot) return { bot: true, email: null };
    return { bot: false, email: u && !u.deleted ? (u.profile?.email ?? null) : null };
  }

  /** Members of a channel (every page). */
  async members(channel: string, jobId: number | null): Promise<string[]> {
    const all: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const res = await this.call('conversations.members', jobId, () =>
        this.client.conversations.members({ channel, limit: 200, ...(cursor ? { cursor } : {}) }),
      );
      all.push(...((res.members as string[] | undefined) ?? []));
      cursor = (res.response_metadata as { next_cursor?: string } | undefined)?.next_cursor || undefined;
      if (!cursor) break;
    }
    return all;
  }

  /** The app's direct-message channel with a user (for pushed messages such as monitor insights). */
  async openDirect(user: string, jobId: number | null): Promise<string> {
    const res = await this.call('conversations.open', jobId, () =>
      this.client.conversations.open({ users: user }),
    );
    const id = (res.channel as { id?: string } | undefined)?.id;
    if (!id) throw new PermanentJobError('conversations.open returned no channel');
    return id;
  }

  /** Posts a message (in a thread when `threadTs`); returns its ts. */
  async post(
    channel: string,
    threadTs: string | null,
    message: SlackMessage,
    jobId: number | null,
  ): Promise<string> {
    const res = await this.call('chat.postMessage', jobId, () =>
      this.client.chat.postMessage({
        channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks as never } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        unfurl_links: false,
      }),
    );
    return String(res.ts);
  }

  /** Replaces a message (the "working on it" message becomes the answer). */
  async update(channel: string, ts: string, message: SlackMessage, jobId: number | null): Promise<void> {
    await this.call('chat.update', jobId, () =>
      this.client.chat.update({
        channel,
        ts,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks as never } : {}),
      }),
    );
  }

  /** A message only `user` sees. */
  async ephemeral(
    channel: string,
    user: string,
    threadTs: string | null,
    message: SlackMessage,
    jobId: number | null,
  ): Promise<void> {
    await this.call('chat.postEphemeral', jobId, () =>
      this.client.chat.postEphemeral({
        channel,
        user,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks as never } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      }),
    );
  }

  /**
   * Uploads a PNG into a thread: `files.getUploadURLExternal` → POST the bytes to the upload URL →
   * `files.completeUploadExternal`. Returns the file id.
   */
  async uploadPng(
    input: { channel: string; threadTs: string | null; png: Buffer; filename: string; title: string },
    jobId: number | null,
  ): Promise<string> {
    const ticket = await this.call('files.getUploadURLExternal', jobId, () =>
      this.client.files.getUploadURLExternal({ filename: input.filename, length: input.png.length }),
    );
    const uploadUrl = String(ticket.upload_url);
    const fileId = String(ticket.file_id);
    await this.guard('files.upload_url', jobId, async () => {
      const res = await fetchWithRetry(
        () =>
          fetch(uploadUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/octet-stream' },
            body: new Uint8Array(input.png),
          }),
        'upload to files.getUploadURLExternal URL',
        this.opts.retry,
      );
      await res.body?.cancel().catch(() => undefined);
      if (res.status !== 200) throw new PermanentJobError(`upload URL answered HTTP ${res.status}`);
    });
    await this.call('files.completeUploadExternal', jobId, () =>
      this.client.files.completeUploadExternal({
        files: [{ id: fileId, title: input.title }],
        channel_id: input.channel,
        ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      }),
    );
    return fileId;
  }

  /** Replies through a slash command's or button's `response_url` (Slack's hosts or the configured API only). */
  async respond(responseUrl: string, body: Record<string, unknown>, jobId: number | null): Promise<void> {
    let origin: string;
    try {
      origin = new URL(responseUrl).origin;
    } catch {
      throw new PermanentJobError('response_url is not a URL');
    }
    if (!this.allowedResponseOrigins.includes(origin))
      throw new PermanentJobError(`response_url host ${origin} is not Slack's`);
    await this.guard('response_url', jobId, async () => {
      const res = await fetchWithRetry(
        () =>
          fetch(responseUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        'response_url',
        this.opts.retry,
      );
      await res.body?.cancel().catch(() => undefined);
      if (res.status !== 200) throw new PermanentJobError(`response_url answered HTTP ${res.status}`);
    });
  }

  private call<T>(operation: string, jobId: number | null, fn: () => Promise<T>): Promise<T> {
    return this.guard(operation, jobId, fn);
  }

  /** Runs a call; a failure is logged, recorded and rethrown (as permanent when retrying cannot help). */
  private async guard<T>(operation: string, jobId: number | null, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const { message, permanent } = describeError(error);
      const text = redactSecrets(`${operation}: ${message}`);
      this.opts.log(`slack delivery failed (job ${jobId ?? '-'}): ${text}`);
      await this.opts.store.channelQueue
        .logDelivery({ provider: 'slack', jobId, operation, ok: false, error: text })
        .catch(() => undefined);
      throw permanent ? new PermanentJobError(text) : new Error(text);
    }
  }
}

function describeError(error: unknown): { message: string; permanent: boolean } {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
  if (error instanceof PermanentJobError) return { message: error.message, permanent: true };
  if (e?.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    return { message: `ok:false ${code}`, permanent: !TRANSIENT_PLATFORM_ERRORS.has(code) };
  }
  if (e?.code === ErrorCode.HTTPError) return { message: `HTTP ${e.statusCode}`, permanent: false };
  return { message: e?.message ?? String(error), permanent: false };
}
