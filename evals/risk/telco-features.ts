/**
 * IBM Telco (Telco-Customer-Churn.csv, 7,043 customers) as a logistic design: numeric columns as
 * they are, yes/no services as indicators (the "No internet/phone service" levels are the same
 * customers as InternetService = No / PhoneService = No, so they fold into "no"), and the remaining
 * categoricals one-hot with the first level as reference. Blank TotalCharges (tenure 0) read as 0.
 */
import type { LogisticInput } from '../../server/src/analysis/stats/index.ts';
import { DuckDbEngine } from '../../server/src/data/duckdb-engine.ts';

const NUMERIC = ['tenure', 'MonthlyCharges', 'TotalCharges', 'SeniorCitizen'] as const;
const YES_NO = [
  'Partner',
  'Dependents',
  'PhoneService',
  'MultipleLines',
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
  'PaperlessBilling',
] as const;
const CATEGORICAL: Record<string, string[]> = {
  gender: ['Female', 'Male'],
  InternetService: ['DSL', 'Fiber optic', 'No'],
  Contract: ['Month-to-month', 'One year', 'Two year'],
  PaymentMethod: ['Bank transfer (automatic)', 'Credit card (automatic)', 'Electronic check', 'Mailed check'],
};

/** Reads the CSV with DuckDB and returns the design (churn = 1). */
export async function telcoDesign(csvPath: string): Promise<LogisticInput & { rows: number }> {
  const engine = await DuckDbEngine.open({ path: ':memory:', connections: 1 });
  try {
    const r = await engine.query('SELECT * FROM read_csv(?, header = true, all_varchar = true)', [csvPath], {
      maxRows: 100_000,
    });
    const rows = r.rows;
    const featureNames: string[] = [];
    const columns: Float64Array[] = [];
    const add = (name: string, value: (row: Record<string, unknown>) => number) => {
      featureNames.push(name);
      columns.push(Float64Array.from(rows, value));
    };
    for (const c of NUMERIC) add(c, (row) => Number(String(row[c] ?? '').trim() || 0));
    for (const c of YES_NO) add(`${c}=Yes`, (row) => (row[c] === 'Yes' ? 1 : 0));
    for (const [c, levels] of Object.entries(CATEGORICAL))
      for (const level of levels.slice(1)) add(`${c}=${level}`, (row) => (row[c] === level ? 1 : 0));
    return {
      featureNames,
      columns,
      outcome: Float64Array.from(rows, (row) => (row.Churn === 'Yes' ? 1 : 0)),
      rows: rows.length,
    };
  } finally {
    await engine.close();
  }
}
