/**
 * `npm run ask -- [--json] [--model retail] [--data-dir .data] "上个季度各地区的流失率"`: answers one
 * question through the same pipeline as the API (offline rules interpreter, or the LLM when
 * OPENAI_API_KEY / OPENAI_BASE_URL is set), printing the narrative and the table, or the Answer JSON.
 */
import { llmFromEnv } from '../ask/llm/llm-from-env.ts';
import { openModelForCli } from '../cli-support/open-model.ts';
import { printTable } from '../cli-support/print-table.ts';
import { answerQuestion } from '../pipeline/answer-question.ts';
import { serverHooks } from '../server/server-hooks.ts';
import { commandArgs } from './command-args.ts';

export const summary = 'answer one question from the command line (text or --json Answer)';

const USAGE =
  'usage: npm run ask -- [--json] [--model retail] [--data-dir .data] [--models-dir DIR] "question"';

export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs(
    args,
    {
      json: { type: 'boolean' },
      model: { type: 'string', default: 'retail' },
      'data-dir': { type: 'string', default: '.data' },
      'models-dir': { type: 'string', multiple: true },
    },
    USAGE,
    { positionals: true },
  );
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  const question = positionals.join(' ').trim();
  if (!question) {
    console.error(USAGE);
    return 2;
  }
  const opened = await openModelForCli(values.model!, values['data-dir']!, values['models-dir'] ?? []);
  if (!opened.ok) {
    console.error(`error: ${opened.message}`);
    return 1;
  }
  try {
    const { runAnalysis } = await serverHooks();
    const { answer } = await answerQuestion(
      { llm: llmFromEnv(), runAnalysis },
      { active: { runtime: opened.runtime, versionNo: 0 }, turn: { question }, conversationId: 'cli' },
    );
    if (values.json) {
      console.log(JSON.stringify(answer, null, 2));
      return answer.kind === 'error' ? 1 : 0;
    }
    console.log(answer.narrative);
    for (const a of answer.interpretation.assumptions) console.log(`  · ${a}`);
    if (answer.table) printTable(answer.table, answer.language);
    for (const o of answer.options ?? []) console.log(`  → ${o.label}: ${o.question}`);
    for (const act of answer.actions ?? [])
      console.log(`  ✓ ${act.title} (${act.targets.count}, ${act.channel})`);
    if (answer.provenance.sql.length)
      console.log(`\nmodel ${answer.provenance.modelVersion}; SQL:\n${answer.provenance.sql.join(';\n')}`);
    return answer.kind === 'error' ? 1 : 0;
  } finally {
    await opened.close();
  }
}
