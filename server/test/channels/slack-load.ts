/**
 * Drives many Slack direct messages into the product and checks what the fake Slack received: every
 * event answered exactly once in its own thread (text and chart), with the time from sending the event
 * to the answer. Shared by the restart test (npm test) and the loopback load benchmark (evals/bench).
 */
import type { Store } from '../../src/store/open-store.ts';
import { type ChannelKit, postSlack, slackEventBody, slackTs } from './channel-kit.ts';
import { waitFor } from './fake-http.ts';
import type { FakeSlack } from './fake-slack.ts';

/** One sent event. */
export interface SentEvent {
  channel: string;
  ts: string;
  sentAt: number;
  ackMs: number;
}

/** Slack users that the fake maps to the demo viewer's e-mail (linked on first sight). */
export function addLoadUsers(slack: FakeSlack, count: number): string[] {
  const users = Array.from({ length: count }, (_, i) => `ULOAD${String(i).padStart(3, '0')}`);
  for (const [i, u] of users.entries())
    slack.users.set(u, i % 2 ? 'analyst@demo.local' : 'viewer@demo.local');
  return users;
}

/** Sends one DM event (question `text`) in channel `D…index` and returns when it was acknowledged. */
export async function sendLoadEvent(
  kit: ChannelKit,
  user: string,
  index: number,
  text: string,
): Promise<SentEvent> {
  const channel = `DLOAD${String(index).padStart(4, '0')}`;
  const ts = slackTs();
  const sentAt = Date.now();
  const res = await postSlack(
    kit,
    '/slack/events',
    slackEventBody({ type: 'message', channel_type: 'im', user, channel, text, ts }),
  );
  if (res.status !== 200) throw new Error(`event ${index}: HTTP ${res.status}`);
  return { channel, ts, sentAt, ackMs: Date.now() - sentAt };
}

/** What the fake received for the sent events. */
export interface LoadOutcome {
  answered: number;
  lost: number;
  duplicates: number;
  charts: number;
  /** Event → answer text (ms), per answered event. */
  answerMs: number[];
  /** Event → chart uploaded (ms). */
  chartMs: number[];
}

/** Waits until every event has its answer and chart (or the timeout), then counts. */
export async function collectOutcome(
  slack: FakeSlack,
  events: SentEvent[],
  timeoutMs: number,
): Promise<LoadOutcome> {
  const answerOf = (e: SentEvent) =>
    slack.posts.filter((p) => p.channel === e.channel && p.threadTs === e.ts && p.api === 'chat.postMessage');
  const chartOf = (e: SentEvent) =>
    slack.completed.filter((f) => f.channel === e.channel && f.threadTs === e.ts);
  await waitFor(
    () => events.every((e) => answerOf(e).length > 0 && chartOf(e).length > 0),
    timeoutMs,
    'every answer',
  ).catch(() => undefined);
  await new Promise((ok) => setTimeout(ok, 500)); // a late duplicate would show up now
  const outcome: LoadOutcome = { answered: 0, lost: 0, duplicates: 0, charts: 0, answerMs: [], chartMs: [] };
  for (const e of events) {
    const answers = answerOf(e);
    const charts = chartOf(e);
    if (answers.length === 0) outcome.lost++;
    else {
      outcome.answered++;
      outcome.answerMs.push(answers[0]!.at - e.sentAt);
    }
    if (charts.length) {
      outcome.charts++;
      outcome.chartMs.push(charts[0]!.at - e.sentAt);
    }
    outcome.duplicates += Math.max(0, answers.length - 1) + Math.max(0, charts.length - 1);
  }
  return outcome;
}

/** Simulates a process that died holding a job: claims one pending job with a lease that is already over. */
export async function abandonOneJob(store: Store, now: Date): Promise<number | null> {
  const job = await store.channelQueue.claim('dead-worker', now, 1);
  return job?.id ?? null;
}

/** The p-th percentile (0..100) of `values`. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
