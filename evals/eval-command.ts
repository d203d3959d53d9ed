/**
 * `npm run eval -- [--model retail|telco] [--category C] [--lang zh|en|mixed] [--llm] [--min 0.9]
 * [--out evals/reports/run.json] [--failures 20] [--dir evals/questions]`: runs a question set (default
 * evals/questions; `--dir` for another folder of case files, e.g. a blind batch) through the real pipeline and prints accuracy by category and language, and the failures with reasons.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { llmFromEnv } from '../server/src/ask/llm/llm-from-env.ts';
import { PROJECT_ROOT } from '../server/src/server/start-server.ts';
import { formatIssues, loadEvalCases } from './eval-case.ts';
import { failureLines, summaryLines } from './eval-report.ts';
import { evalRuntimes } from './eval-runtimes.ts';
import { runEvals } from './run-evals.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      model: { type: 'string' },
      category: { type: 'string' },
      lang: { type: 'string' },
      llm: { type: 'boolean' },
      min: { type: 'string' },
      out: { type: 'string' },
      failures: { type: 'string', default: '25' },
      'data-dir': { type: 'string', default: '.data/eval' },
      dir: { type: 'string', default: 'evals/questions' },
    },
  });
  const loaded = loadEvalCases(resolve(PROJECT_ROOT, values.dir!));
  if (loaded.issues.length) {
    console.error(`invalid eval cases:\n${formatIssues(loaded.issues)}`);
    return 2;
  }
  const cases = loaded.cases.filter(
    (c) =>
      (!values.model || c.model === values.model) &&
      (!values.category || c.category === values.category) &&
      (!values.lang || c.lang === values.lang),
  );
  const llm = values.llm ? llmFromEnv() : null;
  if (values.llm && !llm) {
    console.error('error: --llm needs OPENAI_API_KEY or OPENAI_BASE_URL');
    return 2;
  }
  const { runtimes, close } = await evalRuntimes(values['data-dir']!, (l) => console.log(l));
  try {
    console.log(
      `running ${cases.length} cases with the ${llm ? `LLM (${llm.model})` : 'rules'} interpreter…`,
    );
    const summary = await runEvals(cases, runtimes, { llm }, (_, done) => {
      if (done % 100 === 0) console.log(`  ${done}/${cases.length}`);
    });
    console.log(`\n${summaryLines(summary).join('\n')}`);
    for (const l of failureLines(summary, Number(values.failures))) console.log(l);
    if (values.out) {
      mkdirSync(dirname(values.out), { recursive: true });
      writeFileSync(values.out, JSON.stringify(summary, null, 2));
      console.log(`\nreport: ${values.out}`);
    }
    const min = values.min ? Number(values.min) : null;
    if (min !== null && summary.accuracy < min) {
      console.error(`accuracy ${pct(summary.accuracy)} is below --min ${pct(min)}`);
      return 1;
    }
    return 0;
  } finally {
    await close();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
