/**
 * `npm run ingest -- --model <name> --config <mapping.yaml> [--db .data/<model>.duckdb]
 * [--mode replace|append] [--report out.json] [--source-url postgres://…]`
 */
import { cliLanguage } from '../cli-support/cli-language.ts';
import { type IngestResult, ingest } from '../data/ingest/ingest.ts';
import { formatIssue } from '../data/ingest/mapping-issue.ts';
import type { IngestProgress } from '../data/ingest/progress.ts';
import { everyRowRejected, formatReport } from '../data/ingest/report.ts';
import { commandArgs } from './command-args.ts';
import { ingestThroughServer } from './ingest-through-server.ts';

export const summary =
  'load CSV/Parquet/JSON/PostgreSQL data into the canonical churn model, with a data-quality report';

const USAGE = `usage: npm run ingest -- --config <mapping.yaml> [--model <name>] [--db .data/<model>.duckdb]
                          [--mode replace|append] [--report out.json] [--source-url postgres://…] [--quiet]`;

function printProgress(e: IngestProgress): void {
  if (e.phase === 'done')
    console.error(
      `  ${e.table}: ${e.rows} rows in ${e.seconds?.toFixed(2)} s (${Math.round(e.rowsPerSecond ?? 0).toLocaleString('en-US')} rows/s)`,
    );
  else if (e.percent !== undefined) console.error(`  ${e.table}: ${e.phase} ${e.percent}%`);
  else console.error(`  ${e.table}: ${e.phase}…`);
}

/**
 * Runs the ingest command; exit code 0 when loaded (rejects are reported, not fatal), 1 on mapping errors or
 * when every row of a table was rejected, 2 on usage.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs(
    args,
    {
      model: { type: 'string' },
      config: { type: 'string' },
      db: { type: 'string' },
      mode: { type: 'string' },
      report: { type: 'string' },
      'source-url': { type: 'string' },
      quiet: { type: 'boolean' },
    },
    USAGE,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  if (!values.config) {
    console.error(`error: --config is required\n\n${USAGE}`);
    return 2;
  }
  const mode = values.mode ?? 'replace';
  if (mode !== 'replace' && mode !== 'append') {
    console.error(`--mode must be replace or append\n${USAGE}`);
    return 2;
  }
  const options = {
    language: cliLanguage(),
    model: values.model,
    configPath: values.config,
    dbPath: values.db,
    mode,
    reportPath: values.report,
    sourceUrl: values['source-url'],
    onProgress: values.quiet ? undefined : printProgress,
  } as const;
  const finish = (result: IngestResult) => printed(result, values.report);
  const result = await ingest(options);
  // The server holds the database: load through it when it runs here (else the lock is reported as it is).
  if (!result.ok && result.issues[0]?.code === 'database_locked' && options.dbPath) {
    const through = await ingestThroughServer({ ...options, dbPath: options.dbPath }, finish);
    if (through !== null) return through;
  }
  return finish(result);
}

/** Prints an ingest's issues or report; the exit code (1 on mapping problems or a table with every row rejected). */
function printed(result: IngestResult, reportPath: string | undefined): number {
  if (!result.ok) {
    console.error(`mapping has ${result.issues.length} problem(s):`);
    for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
    return 1;
  }
  console.log(formatReport(result.report));
  if (reportPath) console.log(`\nreport: ${reportPath}`);
  const empty = everyRowRejected(result.report);
  if (empty.length) {
    console.error(
      `\nerror: every row of ${empty.join(', ')} was rejected: nothing was loaded there (the reasons and a map: to fix them are above)`,
    );
    return 1;
  }
  return 0;
}
