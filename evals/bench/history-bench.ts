/**
 * Time of `customer_history`, the one-statement build against the per-quarter build it replaced (issue 21 §4):
 * `npx tsx evals/bench/history-bench.ts --customers 100000`. Uses the bench demo .data/bench/retail-<N>.duckdb
 * (generated when absent), materialises the derived tables once, then builds the history each way in turn
 * (`--reps`, default 1) and checks they hold the same number of rows. Writes evals/bench/out/history-<N>.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadModelFromDir } from '../../semantic-layer/src/index.ts';
import { historyDates } from '../../semantic-layer/src/materialize/customer-history.ts';
import { columnValuesSql } from '../../semantic-layer/src/materialize/customer-snapshot.ts';
import { generateDemo } from '../../server/src/data/demo/generate-demo.ts';
import { DuckDbEngine } from '../../server/src/data/duckdb-engine.ts';
import { materializationSpec } from '../../server/src/data/materialization-spec.ts';
import { prepareModel } from '../../server/src/data/model-runtime.ts';
import { referenceHistorySql } from '../../server/test/data/history-reference.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, reps: { type: 'string', default: '1' } },
});
const customers = Number(args.customers);
const db = join(ROOT, `.data/bench/retail-${customers}.duckdb`);
if (!existsSync(db)) await generateDemo({ dbPath: db, customers, seed: 42 });
const engine = await DuckDbEngine.open({ path: db, connections: 1 });
const model = loadModelFromDir(join(ROOT, 'semantic-layer/models/retail'));
if (!model.ok) throw new Error('retail model does not load');
await prepareModel(engine, model.model);
const spec = await materializationSpec(engine, model.model);
const history = spec.steps.find((s) => s.table === 'customer_history');
if (!history) throw new Error('no customer_history step');
const [{ start }] = (await engine.query('SELECT CAST(MIN(order_ts) AS DATE) AS start FROM orders')).rows as [
  { start: string },
];
const quarterStarts = historyDates(spec.asOf, String(start).slice(0, 10));
const available = await engine.tables();
const [v] = (await engine.query(columnValuesSql(model.model, available) as string)).rows;
const columnValues = { category: v!.category as string[], sales_channel: v!.sales_channel as string[] };

async function timed(sql: string): Promise<number> {
  const t = performance.now();
  await engine.exec(sql);
  return (performance.now() - t) / 1000;
}
const result = {
  customers,
  quarters: quarterStarts.length,
  onePass: [] as number[],
  perQuarter: [] as number[],
};
for (let i = 0; i < Number(args.reps); i++) {
  result.perQuarter.push(
    await timed(referenceHistorySql(model.model, quarterStarts, available, columnValues)),
  );
  result.onePass.push(await timed(history.statements[0]!));
}
const count = async (t: string) => Number((await engine.query(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
const [a, b] = [await count('customer_history'), await count('history_reference')];
await engine.exec('DROP TABLE history_reference');
await engine.close();
if (a !== b) throw new Error(`row counts differ: one pass ${a}, per quarter ${b}`);
const best = (xs: number[]) => Math.min(...xs).toFixed(1);
console.log(
  `customer_history at ${customers} customers (${a} rows, ${result.quarters} quarters; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}):`,
);
console.log(
  `| build | seconds (best of ${args.reps}) |\n|---|---:|\n| per quarter (before) | ${best(result.perQuarter)} |\n| one statement (after) | ${best(result.onePass)} |`,
);
mkdirSync(join(ROOT, 'evals/bench/out'), { recursive: true });
writeFileSync(
  join(ROOT, `evals/bench/out/history-${customers}.json`),
  JSON.stringify({ ...result, rows: a, load: loadavg()[0] }, null, 2),
);
