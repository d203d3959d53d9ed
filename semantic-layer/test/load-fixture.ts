import { loadModelFromDir } from '../src/definition/load-model.ts';
import type { Dialect } from '../src/dialect/dialect.ts';
import { DIALECTS } from '../src/dialect/index.ts';
import { historyDates as historyDatesFrom } from '../src/materialize/customer-history.ts';
import { materializationPlan } from '../src/materialize/plan.ts';
import type { SemanticModel } from '../src/model.ts';
import { FIXTURE_AS_OF, FIXTURE_TABLES } from './fixture.ts';
import { TestDuck } from './test-duck.ts';

/** What loading the fixture needs of a database: statements, and the names of its tables. */
export interface FixtureTarget {
  exec(statements: string | string[]): Promise<void>;
  tables(): Promise<Set<string>>;
}

/** The retail model as shipped. */
export function retailModel(): SemanticModel {
  const r = loadModelFromDir(new URL('../models/retail', import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.model;
}

/** An in-memory DuckDB with the fixture CRM loaded and the derived tables materialised. */
export async function fixtureEngine(model = retailModel()): Promise<TestDuck> {
  const engine = await TestDuck.open();
  await loadFixture(engine, model);
  return engine;
}

/**
 * Loads the fixture CRM into `engine` and materialises the model's derived tables there, with the
 * materialisation SQL of `dialect` (DuckDB by default; PostgreSQL builds them natively).
 */
export async function loadFixture(
  engine: FixtureTarget,
  model: SemanticModel,
  dialect: Dialect = DIALECTS.duckdb,
): Promise<void> {
  const type = (t: string) => (dialect.name === 'postgres' && t === 'DOUBLE' ? 'DOUBLE PRECISION' : t);
  for (const t of FIXTURE_TABLES) {
    await engine.exec(
      `CREATE TABLE ${t.name} (${t.columns.map(([n, ty]) => `${n} ${type(ty)}`).join(', ')})`,
    );
    const values = t.rows
      .map(
        (row) =>
          `(${row.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : String(v))).join(', ')})`,
      )
      .join(', ');
    await engine.exec(`INSERT INTO ${t.name} VALUES ${values}`);
  }
  await engine.exec(
    'CREATE TABLE communications (message_id VARCHAR, customer_id VARCHAR, channel VARCHAR, template VARCHAR, action_id VARCHAR, campaign_id VARCHAR, sent_ts TIMESTAMP, status VARCHAR, outcome VARCHAR)',
  );
  const available = await engine.tables();
  const historyDates = historyDatesFrom(FIXTURE_AS_OF, '2025-10-01');
  for (const step of materializationPlan(model, { asOf: FIXTURE_AS_OF, available, historyDates, dialect }))
    await engine.exec(step.statements);
}
