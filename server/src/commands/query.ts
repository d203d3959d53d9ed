/**
 * `npm run query -- '{"metrics":["churn_rate"],"dimensions":["region"],"timeRange":{"start":"2026-07-01","end":"2026-10-01"}}'`
 * runs a SemanticQuery (JSON, `model` defaults to --model) and prints the result table.
 * `--sql` prints the compiled SQL and parameters without running it (`--dialect postgres` too).
 */
import { join } from 'node:path';
import { compile, loadModelFromDir } from '../../../semantic-layer/src/index.ts';
import { formatIssue } from '../../../semantic-layer/src/issues.ts';
import { presentResult } from '../answer/compose.ts';
import { openModelForCli } from '../cli-support/open-model.ts';
import { printTable } from '../cli-support/print-table.ts';
import { runQuery } from '../pipeline/run-query.ts';
import { MODELS_DIR } from '../server/start-server.ts';
import { commandArgs } from './command-args.ts';

export const summary = 'compile and run a SemanticQuery (JSON); --sql prints the SQL only';

const USAGE = `usage: npm run query -- [--model retail] [--sql] [--dialect duckdb|postgres] [--data-dir .data] '<SemanticQuery JSON>'`;

export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs(
    args,
    {
      model: { type: 'string', default: 'retail' },
      sql: { type: 'boolean' },
      dialect: { type: 'string', default: 'duckdb' },
      'data-dir': { type: 'string', default: '.data' },
      lang: { type: 'string', default: 'zh' },
    },
    USAGE,
    { positionals: true },
  );
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  let query: Record<string, unknown>;
  try {
    query = { model: values.model, ...JSON.parse(positionals[0]!) };
  } catch (error) {
    console.error(`error: the query is not valid JSON: ${(error as Error).message}`);
    return 2;
  }
  if (values.dialect !== 'duckdb' && values.dialect !== 'postgres') {
    console.error(`error: --dialect must be duckdb or postgres, got ${values.dialect}`);
    return 2;
  }
  if (values.sql) {
    const loaded = loadModelFromDir(join(MODELS_DIR, String(query.model)));
    if (!loaded.ok) {
      console.error(loaded.issues.map(formatIssue).join('\n'));
      return 1;
    }
    const r = compile(loaded.model, query, { dialect: values.dialect });
    if (!r.ok) {
      console.error(r.issues.map(formatIssue).join('\n'));
      return 1;
    }
    console.log(`${r.compiled.sql}\n-- params: ${JSON.stringify(r.compiled.params)}`);
    return 0;
  }
  const opened = await openModelForCli(String(query.model), values['data-dir']!);
  if (!opened.ok) {
    console.error(`error: ${opened.message}`);
    return 1;
  }
  try {
    const lang = values.lang === 'en' ? 'en' : 'zh';
    const r = await runQuery(opened.runtime, query as never, { intent: 'breakdown', language: lang });
    if (!r.ok) {
      console.error(r.issues.map(formatIssue).join('\n'));
      return 1;
    }
    const presented = presentResult(r.presentation, []);
    printTable(presented.table, lang);
    console.log(
      `\n${r.presentation.rows.length} rows; compile ${r.timings.compile.toFixed(1)} ms, execute ${r.timings.execute.toFixed(1)} ms`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}
