/**
 * A local SMS / WeCom message gateway: accepts `POST /messages` JSON as campaigns/providers/http-provider.ts
 * sends it, checks the bearer token, records each message with its Idempotency-Key, and can script
 * failures (429, 5xx) through FakeHttp.
 */
import { FakeHttp } from '../channels/fake-http.ts';

export interface GatewayMessage {
  idempotencyKey: string;
  messageId: string;
  channel: string;
  to: string;
  subject: string | null;
  text: string;
}

export class FakeMessageGateway {
  readonly received: GatewayMessage[] = [];
  readonly http: FakeHttp;

  constructor(readonly token: string) {
    this.http = new FakeHttp((req) => {
      if (req.method !== 'POST' || req.path !== '/messages')
        return { status: 404, json: { error: 'no route' } };
      if (req.headers.authorization !== `Bearer ${this.token}`)
        return { status: 401, json: { error: 'bad token' } };
      const body = JSON.parse(req.body.toString('utf8')) as Omit<GatewayMessage, 'idempotencyKey'>;
      this.received.push({ ...body, idempotencyKey: String(req.headers['idempotency-key'] ?? '') });
      return { status: 202, json: { id: `gw-${this.received.length}` } };
    });
  }

  async start(): Promise<this> {
    await this.http.start();
    return this;
  }

  get url(): string {
    return `${this.http.base}/messages`;
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
