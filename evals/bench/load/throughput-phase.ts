/**
 * Phase B: throughput of single-turn questions at fixed concurrency levels. At each level, `clients`
 * signed-in clients ask the fixed 20 questions in turn (each a new conversation) until the level has
 * issued `maxRequests` or run `maxSeconds`, whichever comes first.
 */
import { ask, type Session } from './http-client.ts';
import { answerFigures, byQuestion, type RequestRecord, requestFigures } from './latency-stats.ts';
import { SINGLE_TURN_QUESTIONS } from './questions.ts';

export interface ServerProbe {
  cpuSeconds(): number;
  memory(): { rssMB: number };
}

export interface ThroughputOptions {
  sessions: readonly Session[];
  levels: readonly number[];
  maxSeconds: number;
  maxRequests: number;
  server: ServerProbe;
}

export async function runThroughputPhase(opts: ThroughputOptions) {
  const levels = [];
  for (const clients of opts.levels) {
    const records: RequestRecord[] = [];
    let issued = 0;
    const cpu0 = opts.server.cpuSeconds();
    const started = performance.now();
    const deadline = started + opts.maxSeconds * 1000;
    const client = async (session: Session) => {
      while (issued < opts.maxRequests && performance.now() < deadline) {
        const question = SINGLE_TURN_QUESTIONS[issued++ % SINGLE_TURN_QUESTIONS.length]!;
        const r = await ask(session, question);
        records.push({
          question,
          status: r.status,
          ms: r.ms,
          kind: r.body?.kind,
          intent: r.body?.interpretation?.intent,
          error: r.error,
          ...answerFigures(r.body),
        });
      }
    };
    await Promise.all(
      Array.from({ length: clients }, (_, i) => client(opts.sessions[i % opts.sessions.length]!)),
    );
    const seconds = (performance.now() - started) / 1000;
    levels.push({
      clients,
      ...requestFigures(records, seconds),
      serverCpuCores: Math.round(((opts.server.cpuSeconds() - cpu0) / seconds) * 100) / 100,
      serverRssMB: Math.round(opts.server.memory().rssMB),
      slowestQuestions: byQuestion(records).slice(0, 3),
    });
  }
  return levels;
}
