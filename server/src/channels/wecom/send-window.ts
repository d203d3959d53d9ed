/**
 * WeCom accepts at most 30 app messages a minute per member: sends beyond that wait their turn (queued
 * in order) instead of being refused. A sliding window per recipient, with an injectable clock and sleep.
 */

export class SendWindow {
  private readonly sent = new Map<string, number[]>();
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((ok) => setTimeout(ok, ms)),
  ) {}

  /** Resolves when `recipient` may be sent one more message (and counts it). */
  acquire(recipient: string): Promise<void> {
    const previous = this.tails.get(recipient) ?? Promise.resolve();
    const turn = previous.then(() => this.take(recipient));
    this.tails.set(recipient, turn);
    void turn.finally(() => {
      if (this.tails.get(recipient) === turn) this.tails.delete(recipient);
    });
    return turn;
  }

  private async take(recipient: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const times = (this.sent.get(recipient) ?? []).filter((t) => now - t < 60_000);
      if (times.length < this.perMinute) {
        times.push(now);
        this.sent.set(recipient, times);
        return;
      }
      await this.sleep(60_000 - (now - times[0]!) + 1);
    }
  }
}
