/**
 * Runs channel jobs from app state: claims one at a time per slot (atomically, so two processes never
 * run the same job), hands it to the channel's handler, then marks it done, retries it later with
 * backoff, or fails it for good, logging and recording every failure. Stopping waits for running jobs.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelJob } from '../store/channel-queue.ts';
import type { Store } from '../store/open-store.ts';

/** A failure that retrying cannot fix (e.g. Slack answered `channel_not_found`). */
export class PermanentJobError extends Error {}

export interface JobContext {
  /** Records a finished step so a resumed job skips it. */
  checkpoint(patch: Record<string, unknown>): Promise<void>;
}

export type JobHandler = (job: ChannelJob, ctx: JobContext) => Promise<void>;

export interface JobWorkerOptions {
  store: Store;
  handle: JobHandler;
  now: () => Date;
  log: (line: string) => void;
  /** Jobs run at once by this process (default 2). */
  concurrency?: number;
  /** How long a claimed job is ours before another process may take it over (default 2 min). */
  leaseMs?: number;
  /** How often to look for jobs from other processes and retries (default 1 s). */
  pollMs?: number;
  /** Attempts before a job fails for good (default 5). */
  maxAttempts?: number;
}

export class JobWorker {
  readonly id = `worker-${randomUUID()}`;
  private running = 0;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private pumping: Promise<void> | null = null;
  private again = false;

  constructor(private readonly opts: JobWorkerOptions) {}

  /** Starts claiming: pending jobs and jobs whose lease expired (a process died) are resumed. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      this.wake();
      this.timer = setTimeout(tick, this.opts.pollMs ?? 1000);
      this.timer.unref?.();
    };
    tick();
  }

  /** Looks for work now (after an enqueue). */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /**
   * Stops claiming and waits up to `graceMs` for running jobs to finish. A job still running then keeps its
   * lease: handing it back while it may still post would answer twice, so another process resumes it only
   * once the lease is over (from its last checkpoint).
   */
  async stop(graceMs = 60_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pumping; // a claim under way either starts its job (awaited below) or hands it back
    if (!this.inFlight.size) return;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.inFlight]).then(() => true),
      new Promise<boolean>((ok) => {
        timer = setTimeout(() => ok(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished)
      this.opts.log(
        `channel jobs: ${this.inFlight.size} still running at shutdown; another process resumes them after their lease`,
      );
  }

  private async pump(): Promise<void> {
    const limit = this.opts.concurrency ?? 2;
    while (!this.stopped && this.running < limit) {
      const job = await this.opts.store.channelQueue
        .claim(this.id, this.opts.now(), this.opts.leaseMs ?? 120_000)
        .catch((error: unknown) => {
          this.opts.log(
            `channel jobs: claim failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return null;
        });
      if (!job) return;
      if (this.stopped) {
        // Claimed while stopping and not started: safe to hand back at once.
        await this.opts.store.channelQueue.unclaim(job.id, this.id).catch(() => false);
        return;
      }
      this.running++;
      const run = this.run(job).finally(() => {
        this.running--;
        this.inFlight.delete(run);
        this.wake();
      });
      this.inFlight.add(run);
    }
  }

  private async run(job: ChannelJob): Promise<void> {
    const queue = this.opts.store.channelQueue;
    const ctx: JobContext = {
      checkpoint: async (patch) => {
        Object.assign(job.checkpoint, patch);
        await queue.checkpoint(job.id, this.id, patch);
      },
    };
    try {
      await this.opts.handle(job, ctx);
      await queue.finish(job.id, this.id, { status: 'done' }, this.opts.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const max = this.opts.maxAttempts ?? 5;
      const final = error instanceof PermanentJobError || job.attempts >= max;
      this.opts.log(
        `channel job ${job.id} (${job.provider} ${job.kind}) attempt ${job.attempts} failed${final ? ', giving up' : ', will retry'}: ${message}`,
      );
      await queue
        .logDelivery({
          provider: job.provider,
          jobId: job.id,
          operation: `job.${job.kind}`,
          ok: false,
          error: message,
        })
        .catch(() => undefined);
      const now = this.opts.now();
      await queue
        .finish(
          job.id,
          this.id,
          final
            ? { status: 'failed', error: message }
            : {
                status: 'pending',
                error: message,
                retryAt: new Date(now.getTime() + Math.min(60_000, 1000 * 2 ** job.attempts)),
              },
          now,
        )
        .catch(() => undefined);
    }
  }
}
