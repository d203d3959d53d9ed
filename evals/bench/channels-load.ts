/**
 * Loopback load test of the Slack channel: N signed Slack events in S seconds (default 100 in 10 s) into
 * the real server, answered through the real pipeline and recorded by a local fake Slack; the server is
 * stopped and a new one started on the same app state halfway (unless --no-restart). Prints answered /
 * lost / duplicates and the event → answer times; writes evals/bench/out/channels-load.json and, with
 * Debian chromium, screenshots of a rendered answer thread and its chart under test-artifacts/channels/.
 *
 *   npx tsx evals/bench/channels-load.ts [--events 100] [--seconds 10] [--no-restart] [--store postgres] [--concurrency 2]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { openStore } from '../../server/src/store/open-store.ts';
import { threadHtml } from '../../server/test/channels/block-kit-html.ts';
import {
  type ChannelKit,
  postSlack,
  slackEventBody,
  slackTs,
  startChannelKit,
} from '../../server/test/channels/channel-kit.ts';
import { waitFor } from '../../server/test/channels/fake-http.ts';
import {
  addLoadUsers,
  collectOutcome,
  percentile,
  type SentEvent,
  sendLoadEvent,
} from '../../server/test/channels/slack-load.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    'no-restart': { type: 'boolean', default: false },
    store: { type: 'string', default: 'pglite' },
    concurrency: { type: 'string', default: '2' },
  },
});
const events = Number(values.events);
const seconds = Number(values.seconds);
const restart = !values['no-restart'];
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(4).toString('hex')}`;
const store = () =>
  values.store === 'postgres' ? openStore({ databaseUrl, schema }) : Promise.resolve(undefined);

const worker = { concurrency: Number(values.concurrency), pollMs: 1000 };
let kit: ChannelKit = await startChannelKit({ store: await store(), worker });
const users = addLoadUsers(kit.slack, 20);
const sent: SentEvent[] = [];
const started = Date.now();
let restartMs: number | null = null;
const inFlight: Promise<void>[] = [];
for (let i = 0; i < events; i++) {
  const due = started + (i * seconds * 1000) / events;
  await new Promise((ok) => setTimeout(ok, Math.max(0, due - Date.now())));
  if (restart && i === Math.floor(events / 2)) {
    await Promise.all(inFlight);
    const t = Date.now();
    await kit.close(true);
    kit = await startChannelKit({
      store: await store(),
      dataDir: kit.dataDir,
      fakes: { slack: kit.slack, wecom: kit.wecom },
    });
    restartMs = Date.now() - t;
  }
  const current = kit;
  inFlight.push(
    sendLoadEvent(current, users[i % users.length]!, i, '上季度各地区的流失率').then(
      (e) => void sent.push(e),
    ),
  );
}
await Promise.all(inFlight);
const sendSeconds = (Date.now() - started) / 1000;
const outcome = await collectOutcome(kit.slack, sent, 180_000);
const counts = await kit.server.store.channelQueue.statusCounts();

// One thread rendered as Slack shows it, and its chart.
mkdirSync('test-artifacts/channels', { recursive: true });
const ts = slackTs();
kit.slack.users.set('UANALYST', 'analyst@demo.local');
const question = '上季度各地区的流失率';
await postSlack(
  kit,
  '/slack/events',
  slackEventBody({
    type: 'message',
    channel_type: 'im',
    user: 'UANALYST',
    channel: 'DSHOT',
    text: question,
    ts,
  }),
);
const chart = await waitFor(() => kit.slack.completed.find((f) => f.threadTs === ts), 30_000, 'the chart');
const posts = kit.slack.posts.filter((p) => p.threadTs === ts);
writeFileSync('test-artifacts/channels/chart.png', chart.bytes);
writeFileSync('test-artifacts/channels/slack-thread.json', JSON.stringify(posts, null, 2));
const html = threadHtml({ question, asker: 'analyst', posts, images: [chart.bytes] });
writeFileSync('test-artifacts/channels/slack-thread.html', html);
let screenshot: string | null = null;
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ viewport: { width: 760, height: 600 } });
  await page.setContent(html);
  screenshot = 'test-artifacts/channels/slack-message.png';
  await page.screenshot({ path: screenshot, fullPage: true });
  await browser.close();
} catch (error) {
  console.log(`no screenshot (chromium): ${(error as Error).message.split('\n')[0]}`);
}

const result = {
  date: new Date().toISOString(),
  events,
  seconds,
  sendSeconds: Number(sendSeconds.toFixed(1)),
  restart,
  restartMs,
  store: values.store,
  concurrency: worker.concurrency,
  loadAverage: (await import('node:os')).loadavg().map((l) => Number(l.toFixed(1))),
  ...{
    answered: outcome.answered,
    lost: outcome.lost,
    duplicates: outcome.duplicates,
    charts: outcome.charts,
  },
  jobs: counts,
  ackMs: {
    p50: percentile(
      sent.map((e) => e.ackMs),
      50,
    ),
    p95: percentile(
      sent.map((e) => e.ackMs),
      95,
    ),
    max: Math.max(...sent.map((e) => e.ackMs)),
  },
  answerMs: {
    p50: percentile(outcome.answerMs, 50),
    p95: percentile(outcome.answerMs, 95),
    max: Math.max(...outcome.answerMs),
  },
  chartMs: {
    p50: percentile(outcome.chartMs, 50),
    p95: percentile(outcome.chartMs, 95),
    max: Math.max(...outcome.chartMs),
  },
  screenshot,
  chart: 'test-artifacts/channels/chart.png',
  /** Event → answer (ms) of every tenth event, in sending order. */
  answerMsEveryTenth: outcome.answerMs.filter((_, i) => i % 10 === 0),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(join('evals/bench/out'), { recursive: true });
writeFileSync('evals/bench/out/channels-load.json', JSON.stringify(result, null, 2));
const dir = kit.dataDir;
await kit.close(true);
await kit.slack.close();
await kit.wecom.close();
rmSync(dir, { recursive: true, force: true });
if (values.store === 'postgres')
  await (await openStore({ databaseUrl, schema, dropSchemaOnClose: true })).close();
process.exit(outcome.lost === 0 && outcome.duplicates === 0 && outcome.answered === events ? 0 : 1);
