/**
 * A local fake of the WeCom server API: `gettoken`, `message/send` (markdown, image, template_card),
 * `media/upload` (multipart/form-data, field `media`), `webhook/send`, errcodes (40013 bad secret, 42001
 * expired token, 40001 invalid token), and scripted 429/5xx. Records what it receives.
 */
import { FakeHttp, type Received, type Reply } from './fake-http.ts';

export interface WecomSent {
  touser: string;
  msgtype: string;
  agentid: number;
  body: Record<string, unknown>;
}

export class FakeWecom {
  readonly http: FakeHttp;
  readonly sent: WecomSent[] = [];
  readonly media = new Map<string, { filename: string; contentType: string; bytes: Buffer }>();
  readonly webhooks: { key: string; body: Record<string, unknown> }[] = [];
  readonly tokenRequests: { corpid: string }[] = [];
  private readonly valid = new Set<string>();
  private readonly expired = new Set<string>();
  private seq = 0;

  constructor(
    readonly corpId: string,
    readonly secret: string,
  ) {
    this.http = new FakeHttp((req) => this.handle(req));
  }

  static async start(corpId: string, secret: string): Promise<FakeWecom> {
    const fake = new FakeWecom(corpId, secret);
    await fake.http.start();
    return fake;
  }

  close() {
    return this.http.close();
  }

  /** Every token issued so far expires (the next call with one gets errcode 42001). */
  expireTokens(): void {
    for (const t of this.valid) this.expired.add(t);
    this.valid.clear();
  }

  private handle(req: Received): Reply {
    const token = req.query.get('access_token') ?? '';
    const tokenError = () =>
      this.expired.has(token)
        ? { json: { errcode: 42001, errmsg: 'access_token expired' } }
        : { json: { errcode: 40014, errmsg: 'invalid access_token' } };
    switch (req.path) {
      case '/cgi-bin/gettoken': {
        this.tokenRequests.push({ corpid: req.query.get('corpid') ?? '' });
        if (req.query.get('corpid') !== this.corpId || req.query.get('corpsecret') !== this.secret)
          return { json: { errcode: 40013, errmsg: 'invalid corpid or corpsecret' } };
        const value = `token-${++this.seq}`;
        this.valid.add(value);
        return { json: { errcode: 0, errmsg: 'ok', access_token: value, expires_in: 7200 } };
      }
      case '/cgi-bin/message/send': {
        if (!this.valid.has(token)) return tokenError();
        const body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
        if (!body.touser || !body.msgtype || !body.agentid)
          return { json: { errcode: 40008, errmsg: 'invalid message type' } };
        if (
          body.msgtype === 'image' &&
          !this.media.has(String((body.image as { media_id?: string })?.media_id))
        )
          return { json: { errcode: 40007, errmsg: 'invalid media_id' } };
        this.sent.push({
          touser: String(body.touser),
          msgtype: String(body.msgtype),
          agentid: Number(body.agentid),
          body,
        });
        return { json: { errcode: 0, errmsg: 'ok', msgid: `msg-${++this.seq}` } };
      }
      case '/cgi-bin/media/upload': {
        if (!this.valid.has(token)) return tokenError();
        if (req.query.get('type') !== 'image')
          return { json: { errcode: 40004, errmsg: 'invalid media type' } };
        const part = multipartPart(req.body, String(req.headers['content-type'] ?? ''), 'media');
        if (!part) return { json: { errcode: 41001, errmsg: 'media data missing' } };
        const id = `media-${++this.seq}`;
        this.media.set(id, part);
        return { json: { errcode: 0, errmsg: '', type: 'image', media_id: id, created_at: '1770000000' } };
      }
      case '/cgi-bin/webhook/send': {
        this.webhooks.push({ key: req.query.get('key') ?? '', body: JSON.parse(req.body.toString('utf8')) });
        return { json: { errcode: 0, errmsg: 'ok' } };
      }
      default:
        return { status: 404, text: 'not found' };
    }
  }
}

/** The part named `name` of a multipart/form-data body. */
export function multipartPart(
  body: Buffer,
  contentType: string,
  name: string,
): { filename: string; contentType: string; bytes: Buffer } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after delimiter and before next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    if (new RegExp(`name="${name}"`).test(head)) {
      return {
        filename: /filename="([^"]*)"/.exec(head)?.[1] ?? '',
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '',
        bytes: part.subarray(split + 4),
      };
    }
    start = next;
  }
  return null;
}
