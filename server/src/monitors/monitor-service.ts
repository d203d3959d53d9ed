/**
 * The monitors of one server process: a scheduler that claims each due firing (one unique row per
 * subscription and scheduled time, so two processes on one PostgreSQL never fire it twice, and a missed
 * run is caught up once), and a worker that evaluates the insight with the subscriber's own access,
 * writes it to their inbox and delivers it on their channel, retrying with backoff. Every attempt goes
 * to the delivery log admins read. The clock is injected.
 */
import { randomUUID } from 'node:crypto';
import { myTasks, taskDay } from '../campaigns/my-tasks.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import type { MonitorRun, Subscription } from '../store/monitor-store.ts';
import type { Store } from '../store/open-store.ts';
import type { User } from '../store/users.ts';
import type { Clock } from './clock.ts';
import { type Deliverers, PermanentDeliveryError } from './deliverers.ts';
import { WEEKLY_DIGEST, weeklyDigest } from './digest.ts';
import { type Audience, metricInsight, questionInsight, warningInsight } from './evaluate-monitor.ts';
import type { InsightDraft } from './insight.ts';
import { dueOccurrence } from './schedule.ts';

export interface MonitorServiceOptions {
  store: Store;
  registry: ModelRegistry;
  clock: Clock;
  deliverers: Deliverers;
  log: (line: string) => void;
  /** How often the scheduler looks for due firings (default 30 s). */
  pollMs?: number;
  /** How long a claimed firing is held before another process may take it over (default 5 min). */
  leaseMs?: number;
  /** Delivery attempts before a firing fails for good (default 5). */
  maxAttempts?: number;
  /** Backoff between attempts: base × 2^(attempt−1), at most max (defaults 30 s, 30 min). */
  backoff?: { baseMs: number; maxMs: number };
}

/** What a firing keeps between attempts, so a retry delivers the same insight and saves state once. */
interface Checkpoint {
  insight?: InsightDraft;
  inboxId?: string;
  delivered?: boolean;
}

export class MonitorService {
  readonly workerId = `monitors-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = true;
  /** Set by `stop()`: no new firing is taken (tests drive `tick()` without `start()`). */
  private closing = false;

  constructor(private readonly opts: MonitorServiceOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.closing = false;
    const loop = () => {
      if (this.stopped) return;
      void this.tick().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollMs ?? 30_000);
      });
    };
    loop();
  }

  /** Stops polling and waits for the firing in progress (it finishes or keeps its lease). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass: claim the due firings, then work every firing that can run now. Tests call it directly. */
  tick(): Promise<void> {
    this.running ??= (async () => {
      try {
        await this.claimDue();
        await this.workDue();
      } catch (error) {
        this.opts.log(`monitors: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async claimDue(): Promise<void> {
    const { store, clock } = this.opts;
    const now = clock.now();
    for (const sub of await store.monitors.active()) {
      const after = latest(
        (await store.monitors.lastScheduled(sub.id)) ?? sub.createdAt,
        typeof sub.state.resumedAt === 'string' ? new Date(sub.state.resumedAt) : null,
      );
      let due: Date | null;
      try {
        due = dueOccurrence(sub.cron, sub.timezone, now, after);
      } catch (error) {
        this.opts.log(`monitors: subscription ${sub.id} has an unusable schedule: ${String(error)}`);
        continue;
      }
      if (due && (await store.monitors.claimFiring(sub.id, due, now)))
        this.opts.log(
          `monitors: firing ${sub.id} scheduled ${due.toISOString()} claimed by ${this.workerId}`,
        );
    }
  }

  private async workDue(): Promise<void> {
    const { store, clock } = this.opts;
    for (let i = 0; i < 1000 && !this.closing; i++) {
      const run = await store.monitors.claimRun(this.workerId, clock.now(), this.opts.leaseMs ?? 300_000);
      if (!run) return;
      await this.work(run);
    }
  }

  private async work(run: MonitorRun): Promise<void> {
    const { store, clock } = this.opts;
    const sub = await store.monitors.get(run.subscriptionId);
    const user = sub ? await store.users.findById(sub.userId) : null;
    if (!sub?.active || !user || user.disabled) {
      await store.monitors.finishRun(
        run.id,
        this.workerId,
        'failed',
        clock.now(),
        'subscription or user gone',
      );
      return;
    }
    const checkpoint = { ...(run.checkpoint as Checkpoint) };
    try {
      if (!checkpoint.insight) {
        const insight = await this.evaluate(sub, user, run);
        if (insight.nextState) await store.monitors.setState(sub.id, { ...sub.state, ...insight.nextState });
        checkpoint.insight = insight;
        await store.monitors.checkpoint(run.id, { ...checkpoint });
      }
      const insight = checkpoint.insight;
      if (!checkpoint.inboxId) {
        const row = await store.monitors.addInsight({
          userId: user.id,
          runId: run.id,
          subscriptionId: sub.id,
          modelId: sub.modelId,
          monitorId: sub.monitorId,
          title: insight.title,
          body: [insight.headline, ...insight.lines].join('\n'),
          question: insight.question,
          content: { ...insight.content, kind: insight.kind, fired: insight.fired, lines: insight.lines },
          createdAt: clock.now(),
        });
        checkpoint.inboxId = row?.id ?? 'exists';
        await store.monitors.checkpoint(run.id, { ...checkpoint });
      }
      if (sub.channel !== 'inbox' && !checkpoint.delivered) {
        const deliver = this.opts.deliverers[sub.channel];
        if (!deliver) throw new PermanentDeliveryError(`${sub.channel} is not configured on this server`);
        await deliver({ subscription: sub, user, insight, runId: run.id });
        checkpoint.delivered = true;
        await store.monitors.checkpoint(run.id, { ...checkpoint });
      }
      await this.logDelivery(run, sub, true, insight.fired, null);
      await store.monitors.finishRun(run.id, this.workerId, 'done', clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const fired = checkpoint.insight?.fired ?? null;
      await this.logDelivery(run, sub, false, fired, message);
      const max = this.opts.maxAttempts ?? 5;
      if (error instanceof PermanentDeliveryError || run.attempts >= max) {
        this.opts.log(`monitors: firing ${run.id} failed after ${run.attempts} attempt(s): ${message}`);
        await store.monitors.finishRun(run.id, this.workerId, 'failed', clock.now(), message);
        return;
      }
      const { baseMs, maxMs } = this.opts.backoff ?? { baseMs: 30_000, maxMs: 30 * 60_000 };
      const delay = Math.min(maxMs, baseMs * 2 ** (run.attempts - 1));
      this.opts.log(
        `monitors: firing ${run.id} attempt ${run.attempts} failed, retrying in ${delay} ms: ${message}`,
      );
      await store.monitors.retryRun(run.id, this.workerId, new Date(clock.now().getTime() + delay), message);
    }
  }

  private async logDelivery(
    run: MonitorRun,
    sub: Subscription,
    ok: boolean,
    fired: boolean | null,
    error: string | null,
  ): Promise<void> {
    await this.opts.store.monitors.logDelivery({
      ts: this.opts.clock.now(),
      runId: run.id,
      subscriptionId: sub.id,
      userId: sub.userId,
      channel: sub.channel,
      attempt: run.attempts,
      ok,
      fired,
      error,
    });
  }

  /** The insight of a firing, computed with the subscriber's own attributes (never anyone else's). */
  private async evaluate(sub: Subscription, user: User, run: MonitorRun): Promise<InsightDraft> {
    const active = this.opts.registry.get(sub.modelId);
    const audience: Audience = {
      attributes: user.attributes,
      language: sub.language,
      state: sub.state,
    };
    if (sub.question)
      return questionInsight(active, sub.question, audience, `subscription-${sub.id}-${run.id}`);
    if (sub.monitorId === WEEKLY_DIGEST) {
      const today = taskDay(this.opts.registry, this.opts.clock.now());
      return weeklyDigest(active, audience, await myTasks(this.opts.store, user.username, today));
    }
    const monitor = active.runtime.model.monitors[sub.monitorId ?? ''];
    if (!monitor) throw new PermanentDeliveryError(`monitor ${sub.monitorId} is no longer defined`);
    return monitor.kind === 'metric'
      ? metricInsight(active, sub.monitorId!, monitor, audience)
      : warningInsight(active, sub.monitorId!, monitor, audience);
  }
}

/** The later of a date and an optional one. */
function latest(a: Date, b: Date | null): Date {
  return b && b.getTime() > a.getTime() ? b : a;
}
