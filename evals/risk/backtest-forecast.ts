/**
 * Back-tests the next-quarter churn forecast (server/src/analysis/forecast) on every labelled quarter the
 * history allows (forecast/quarter-backtests.ts: a model fitted on the snapshots before D scores D's active
 * customers; Σ p with its Poisson-binomial 95% interval against the churners of the 90 days after D).
 * Run: npx tsx evals/risk/backtest-forecast.ts [--data-dir .data]
 */
import { parseArgs } from 'node:util';
import { quarterBacktests, rmsRelativeError } from '../../server/src/analysis/forecast/quarter-backtests.ts';
import { riskModelFor } from '../../server/src/analysis/risk/risk-model-cache.ts';
import { openModelForCli } from '../../server/src/cli-support/open-model.ts';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: '.data' } } });
const opened = await openModelForCli('retail', values['data-dir']!, []);
if (!opened.ok) throw new Error(opened.message);
try {
  const { model } = await riskModelFor(opened.runtime);
  const quarters = await quarterBacktests(opened.runtime, model);
  console.log(
    '| quarter starting | trained on | active | expected (95% interval) | actual | actual vs expected | inside |',
  );
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const q of quarters)
    console.log(
      `| ${q.date} | ${q.trainedOn[0]}…${q.trainedOn.at(-1)} | ${q.customers} | ${q.expected.toFixed(0)} (${q.low.toFixed(0)}-${q.high.toFixed(0)}) | ${q.actual} | ${(q.relativeError * 100).toFixed(1)}% | ${q.actual >= q.low && q.actual <= q.high ? 'yes' : 'no'} |`,
    );
  console.log(`\nroot mean square relative error: ${(rmsRelativeError(quarters) * 100).toFixed(1)}%`);
} finally {
  await opened.close();
}
