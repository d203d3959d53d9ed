/**
 * `npm run demo -- --customers 10000 --seed 42 [--scenario file.yaml] [--out .data/retail.duckdb]`:
 * generates the retail demo CRM in DuckDB with planted churn causes, printing progress per step
 * and a summary (rows per table, rows/s).
 */
import { DEMO_USAGE, parseDemoArgs } from '../data/demo/demo-args.ts';
import { generateDemo } from '../data/demo/generate-demo.ts';
import { DEFAULT_SCENARIO_PATH, formatScenarioErrors, loadScenario } from '../data/demo/scenario.ts';

export const summary = 'generate the retail demo CRM (DuckDB) with planted churn causes';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Runs the command; returns the exit code (2 = bad arguments or scenario). */
export async function run(args: string[]): Promise<number> {
  const parsed = parseDemoArgs(args);
  if (!parsed.ok) {
    for (const e of parsed.errors) console.error(`error: ${e.message}`);
    console.error(`\n${DEMO_USAGE}`);
    return 2;
  }
  const opts = parsed.args;
  if (opts.help) {
    console.log(DEMO_USAGE);
    return 0;
  }
  const scenarioPath = opts.scenario ?? DEFAULT_SCENARIO_PATH;
  const scenario = loadScenario(scenarioPath);
  if (!scenario.ok) {
    console.error(`error: invalid scenario ${scenarioPath}\n${formatScenarioErrors(scenario.errors)}`);
    return 2;
  }

  console.log(
    `generating ${fmt(opts.customers)} customers, seed ${opts.seed}, scenario ${scenario.scenario.name} → ${opts.out}`,
  );
  const result = await generateDemo({
    dbPath: opts.out,
    customers: opts.customers,
    seed: opts.seed,
    scenarioPath,
    onProgress: (step, done, total, detail) => {
      const rows = detail?.table ? `${fmt(detail.rows).padStart(12)} rows` : ''.padStart(17);
      console.log(
        `  [${done}/${total}] ${step.padEnd(18)} ${rows} ${(detail?.seconds ?? 0).toFixed(2).padStart(7)} s`,
      );
    },
  });

  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.log('\nrows per table:');
  for (const [table, n] of Object.entries(result.rows))
    console.log(`  ${table.padEnd(18)} ${fmt(n).padStart(12)}`);
  console.log(`  ${'total'.padEnd(18)} ${fmt(total).padStart(12)}`);
  console.log(
    `\ndone in ${result.seconds.toFixed(1)} s (${fmt(Math.round(total / result.seconds))} rows/s); truth: ${result.truthPath}`,
  );
  return 0;
}
