import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime } from '../../test/analysis/test-runtime.ts';
import { forgetAnalyses, keptAnalyses } from '../analysis/analysis-cache.ts';
import { runAnalysis } from '../analysis/run-analysis.ts';
import { exampleQuestions } from '../http/routes/example-questions.ts';
import { answerQuestion } from '../pipeline/answer-question.ts';
import { warmAnswers } from './warm-answers.ts';

describe('answers warmed ahead of the users', () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime();
  });
  afterAll(() => demo?.close());

  it('answers the example questions and their follow-ups, bounded; the first asker reads the kept analysis', async () => {
    const active = { runtime: demo.runtime, versionNo: 1 };
    forgetAnalyses(demo.runtime);
    const lines: string[] = [];
    const { asked } = await warmAnswers(active, runAnalysis, (l) => lines.push(l), 14);
    expect(asked).toBe(14);
    expect(lines.at(-1)).toMatch(/14 example questions/);
    expect(keptAnalyses(demo.runtime)).toBeGreaterThan(0);
    // "what were the main reasons…" from the home page, asked by a user with no attributes: served from the kept result
    const reasons = exampleQuestions(demo.runtime.catalog).en[3]!;
    const ask = (attributes?: Record<string, string[]>) =>
      answerQuestion(
        { llm: null, runAnalysis },
        { active, turn: { question: reasons, language: 'en' }, conversationId: 'c', attributes },
      );
    const first = (await ask({})).answer;
    expect(first.analysis?.type).toBe('reasons');
    expect(first.provenance.timings).toHaveProperty('cache_hit_ms');
    // a user restricted to 华南 gets their own analysis, not the warmed one
    const south = (await ask({ region: ['华南'] })).answer;
    expect(south.provenance.timings).not.toHaveProperty('cache_hit_ms');
  });

  it('stops after the question in flight once shutdown aborts it', async () => {
    const active = { runtime: demo.runtime, versionNo: 1 };
    const stopping = new AbortController();
    let answered = 0;
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    // Abort while the first question is being answered: the loop finishes it and asks nothing more.
    const run = warmAnswers(active, runAnalysis, log, 14, stopping.signal);
    stopping.abort();
    answered = (await run).asked;
    expect(answered).toBe(1);
    expect(lines.at(-1)).toMatch(/1 example questions/);
    expect((await warmAnswers(active, runAnalysis, log, 14, AbortSignal.abort())).asked).toBe(0);
  });
});
