/**
 * A local fake of the Slack Web API that speaks its wire protocol — form-encoded or JSON bodies with a
 * bot token, `{ ok: false, error }` answers, 429 with Retry-After (scripted), the external upload URL that
 * takes raw bytes, `response_url` — and records everything it receives.
 */
import { FakeHttp, type Received, type Reply } from './fake-http.ts';

/** A call to a Web API method, with its parsed arguments. */
export interface SlackCall {
  api: string;
  args: Record<string, unknown>;
  contentType: string;
}

/** A message as Slack would show it (posted, updated or ephemeral). */
export interface SlackPost {
  api: 'chat.postMessage' | 'chat.update' | 'chat.postEphemeral';
  channel: string;
  ts: string;
  threadTs: string | null;
  user?: string;
  text: string;
  blocks: Record<string, unknown>[];
  /** When the fake received it (ms since epoch). */
  at: number;
}

export class FakeSlack {
  readonly http: FakeHttp;
  readonly calls: SlackCall[] = [];
  readonly posts: SlackPost[] = [];
  readonly uploads = new Map<string, Buffer>();
  readonly completed: {
    fileId: string;
    title: string;
    channel: string;
    threadTs: string | null;
    bytes: Buffer;
    at: number;
  }[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  /** Slack users: id → e-mail (null: no e-mail visible). */
  readonly users = new Map<string, string | null>();
  /** Users that are other apps' bots. */
  readonly bots = new Set<string>();
  /** Channel id → member ids. */
  readonly members = new Map<string, string[]>();
  readonly botUserId = 'UBOT0001';
  private seq = 0;

  constructor(readonly token: string) {
    this.http = new FakeHttp((req) => this.handle(req));
  }

  static async start(token = 'xoxb-test-token'): Promise<FakeSlack> {
    const fake = new FakeSlack(token);
    await fake.http.start();
    return fake;
  }

  /** `SLACK_API_URL` for this fake. */
  get apiUrl(): string {
    return `${this.http.base}/api/`;
  }

  /** A `response_url` served by this fake. */
  responseUrl(id: string): string {
    return `${this.http.base}/response/${id}`;
  }

  close() {
    return this.http.close();
  }

  /** Messages posted in a thread (answers and notices), in order. */
  thread(channel: string, threadTs: string): SlackPost[] {
    return this.posts.filter((p) => p.channel === channel && (p.threadTs === threadTs || p.ts === threadTs));
  }

  private handle(req: Received): Reply {
    if (req.path.startsWith('/upload/')) {
      const id = req.path.slice('/upload/'.length);
      this.uploads.set(id, req.body);
      return { text: `OK - ${req.body.length}` };
    }
    if (req.path.startsWith('/response/')) {
      this.responses.push({
        id: req.path.slice('/response/'.length),
        body: JSON.parse(req.body.toString('utf8')),
      });
      return { text: 'ok' };
    }
    if (!req.path.startsWith('/api/') || req.method !== 'POST') return { status: 404, text: 'not found' };
    const api = req.path.slice('/api/'.length);
    const contentType = String(req.headers['content-type'] ?? '');
    const args = parseArgs(req.body.toString('utf8'), contentType);
    this.calls.push({ api, args, contentType });
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return { json: { ok: false, error: 'invalid_auth' } };
    return { json: this.method(api, args) };
  }

  private method(api: string, a: Record<string, unknown>): Record<string, unknown> {
    const ts = () => `1770000000.${String(++this.seq).padStart(6, '0')}`;
    switch (api) {
      case 'auth.test':
        return { ok: true, user_id: this.botUserId, team_id: 'T0001', bot_id: 'B0001' };
      case 'users.info': {
        const id = String(a.user);
        if (!this.users.has(id)) return { ok: false, error: 'user_not_found' };
        const email = this.users.get(id);
        return {
          ok: true,
          user: { id, is_bot: this.bots.has(id), deleted: false, profile: email ? { email } : {} },
        };
      }
      case 'conversations.open': {
        // The app's direct-message channel with one user (D + the user id, stable like Slack's).
        const users = String(a.users ?? '');
        if (!users || users.includes(',')) return { ok: false, error: 'users_list_not_supplied' };
        if (!this.users.has(users) && !/^U/.test(users)) return { ok: false, error: 'user_not_found' };
        return { ok: true, channel: { id: `D${users}` } };
      }
      case 'conversations.members': {
        const all = this.members.get(String(a.channel));
        if (!all) return { ok: false, error: 'channel_not_found' };
        const start = Number(a.cursor ?? 0);
        const limit = Number(a.limit ?? 100);
        const next = start + limit < all.length ? String(start + limit) : '';
        return {
          ok: true,
          members: all.slice(start, start + limit),
          response_metadata: { next_cursor: next },
        };
      }
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        if (!a.channel) return { ok: false, error: 'channel_not_found' };
        if (!a.text && !a.blocks) return { ok: false, error: 'no_text' };
        if (this.members.has(String(a.channel)) === false && !String(a.channel).startsWith('D'))
          return { ok: false, error: 'not_in_channel' };
        const post: SlackPost = {
          api,
          channel: String(a.channel),
          ts: ts(),
          threadTs: a.thread_ts ? String(a.thread_ts) : null,
          user: a.user ? String(a.user) : undefined,
          text: String(a.text ?? ''),
          blocks: (a.blocks as Record<string, unknown>[]) ?? [],
          at: Date.now(),
        };
        this.posts.push(post);
        return api === 'chat.postMessage'
          ? { ok: true, channel: post.channel, ts: post.ts }
          : { ok: true, message_ts: post.ts };
      }
      case 'chat.update': {
        const original = this.posts.find((p) => p.channel === a.channel && p.ts === a.ts);
        if (!original) return { ok: false, error: 'message_not_found' };
        this.posts.push({
          ...original,
          api: 'chat.update',
          text: String(a.text ?? ''),
          blocks: (a.blocks as Record<string, unknown>[]) ?? [],
        });
        return { ok: true, channel: original.channel, ts: original.ts };
      }
      case 'files.getUploadURLExternal': {
        if (!a.filename || !Number(a.length)) return { ok: false, error: 'invalid_arguments' };
        const id = `F${String(++this.seq).padStart(6, '0')}`;
        return { ok: true, upload_url: `${this.http.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof a.files === 'string' ? JSON.parse(a.files) : a.files) as {
          id: string;
          title?: string;
        }[];
        for (const f of files) {
          const bytes = this.uploads.get(f.id);
          if (!bytes) return { ok: false, error: 'file_not_found' };
          this.completed.push({
            fileId: f.id,
            title: f.title ?? '',
            channel: String(a.channel_id ?? ''),
            threadTs: a.thread_ts ? String(a.thread_ts) : null,
            bytes,
            at: Date.now(),
          });
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** Web API arguments: JSON, or a form whose object-valued fields are JSON strings. */
function parseArgs(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(body || '{}');
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    out[k] = (k === 'blocks' || k === 'files' || k === 'attachments') && /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}
