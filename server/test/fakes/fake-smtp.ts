/**
 * A local SMTP server (the `smtp-server` package: a real SMTP conversation — EHLO, MAIL FROM, RCPT TO,
 * DATA) on 127.0.0.1, port 0, recording every message it accepts. `rejectNext` scripts temporary (4xx)
 * or permanent (5xx) refusals.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message (headers and body). */
  raw: string;
  /** The X-ChatBI-Message-Id header, when present. */
  messageId: string | null;
}

export class FakeSmtp {
  readonly received: ReceivedMail[] = [];
  private readonly rejections: number[] = [];
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const code = this.rejections.shift();
          if (code) {
            const error = Object.assign(new Error(`scripted refusal ${code}`), { responseCode: code });
            callback(error);
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: /^X-ChatBI-Message-Id:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
          });
          callback();
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', () => ok()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `count` messages are refused with `code` (e.g. 451 temporary, 550 permanent). */
  rejectNext(code: number, count = 1): void {
    for (let i = 0; i < count; i++) this.rejections.push(code);
  }

  close(): Promise<void> {
    return new Promise((ok) => this.server.close(() => ok()));
  }
}
