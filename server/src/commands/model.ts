/**
 * `npm run model -- init --from <file.csv|file.parquet|db.duckdb> --name <id> [--out DIR]`: scaffolds a
 * model from one table (see `data/scaffold/`), validates it, ingests the data into `<data-dir>/<id>.duckdb`
 * and prints what was guessed and the next steps.
 */

import { type ScaffoldResult, scaffoldModel } from '../data/scaffold/scaffold-model.ts';
import { commandArgs } from './command-args.ts';

export const summary = 'scaffold a model from a CSV / Parquet / DuckDB table, ingest it, print next steps';

const USAGE = `usage: npm run model -- init --from <file.csv|file.parquet|db.duckdb> --name <id> [--out DIR]
              [--data-dir .data] [--table T] [--key COLUMN] [--churn COLUMN] [--window DAYS]
              [--currency USD] [--clean] [--force]

  --from F      the table: a CSV or Parquet file, or a DuckDB file (its largest table, or --table)
  --name ID     model id (snake_case): files go to DIR/ID/, data to <data-dir>/ID.duckdb
  --out DIR     where the model folder is written (default semantic-layer/models; served by npm start
                with --models-dir DIR when outside it)
  --key C       the customer key (default: guessed from the names and uniqueness)
  --churn C     the churn label column (one row per customer) or the date column (a log)
  --window N    inactivity window in days for a log (default: guessed from the gaps between rows)
  --currency X  ISO 4217 code of money columns (default USD)
  --clean       merge obvious label variants (Phone / Mobile Phone, COD / Cash on Delivery) on ingest
  --force       overwrite an existing model folder`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'init') {
    console.error(sub === '--help' || sub === '-h' || !sub ? USAGE : `unknown subcommand ${sub}\n\n${USAGE}`);
    return sub === '--help' || sub === '-h' ? 0 : 2;
  }
  const parsed = commandArgs(
    rest,
    {
      from: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      table: { type: 'string' },
      key: { type: 'string' },
      churn: { type: 'string' },
      window: { type: 'string' },
      currency: { type: 'string' },
      clean: { type: 'boolean' },
      force: { type: 'boolean' },
    },
    USAGE,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  if (!values.from || !values.name) {
    console.error(`error: --from and --name are required\n\n${USAGE}`);
    return 2;
  }
  const windowDays = values.window === undefined ? undefined : Number(values.window);
  if (windowDays !== undefined && (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 3650)) {
    console.error(`error: --window must be a whole number of days 1..3650, got ${values.window}`);
    return 2;
  }
  let result: ScaffoldResult;
  try {
    result = await scaffoldModel({
      from: String(values.from),
      id: String(values.name),
      outDir: values.out as string | undefined,
      dataDir: values['data-dir'] as string | undefined,
      table: values.table as string | undefined,
      key: values.key as string | undefined,
      churnColumn: values.churn as string | undefined,
      windowDays,
      currency: values.currency as string | undefined,
      clean: values.clean === true,
      force: values.force === true,
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 1;
  }
  return result.ok ? 0 : 1;
}
