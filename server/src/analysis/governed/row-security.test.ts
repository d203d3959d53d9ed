import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Params } from '../../../../semantic-layer/src/compile/params.ts';
import { loadModelFromDir, type SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { type DemoRuntime, demoRuntime, RETAIL_MODEL_DIR } from '../../../test/analysis/test-runtime.ts';
import { AnalysisError } from '../analysis-contract.ts';
import { rowSecurityPredicate } from './row-security.ts';

function retail(): SemanticModel {
  const r = loadModelFromDir(RETAIL_MODEL_DIR);
  if (!r.ok) throw new Error('retail model does not load');
  return r.model;
}

describe('rowSecurityPredicate', () => {
  const model = retail();

  it('is TRUE for an unrestricted user and FALSE for an empty allowance', () => {
    expect(
      rowSecurityPredicate(model, undefined, { source: 'customer_spells', alias: 's' }, new Params()),
    ).toBe('TRUE');
    expect(
      rowSecurityPredicate(model, { region: [] }, { source: 'customer_spells', alias: 's' }, new Params()),
    ).toBe('FALSE');
  });

  it('reaches the region through the model join and passes the values as parameters', () => {
    const params = new Params();
    params.add('earlier');
    const sql = rowSecurityPredicate(
      model,
      { region: ['华南', "华南' OR 1=1"] },
      { source: 'customer_spells', alias: 's' },
      params,
    );
    expect(sql).toBe(
      '(s."customer_id" IN (SELECT rls1."customer_id" FROM "customers" AS rls1 WHERE (region) IN ($2, $3)))',
    );
    expect(params.values).toEqual(['earlier', '华南', "华南' OR 1=1"]);
  });

  it('uses the column on the source itself when the dimension lives there', () => {
    const params = new Params();
    const sql = rowSecurityPredicate(
      model,
      { region: ['华南'] },
      { source: 'customers', alias: 'c' },
      params,
    );
    expect(sql).toBe('(c."customer_id" IN (SELECT "customer_id" FROM "customers" WHERE (region) IN ($1)))');
  });

  it('fails closed when the rule dimension cannot be reached from the source', () => {
    const isolated: SemanticModel = {
      ...model,
      sources: {
        ...model.sources,
        island: { ...model.sources.customers!, id: 'island', table: 'island', joins: [] },
      },
    };
    expect(() =>
      rowSecurityPredicate(isolated, { region: ['华南'] }, { source: 'island', alias: 'i' }, new Params()),
    ).toThrow(AnalysisError);
  });
});

describe('rowSecurityPredicate on the demo data', () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime();
  });
  afterAll(() => demo?.close());

  it('keeps exactly the spells and feedback of 华南 customers', async () => {
    const { runtime } = demo;
    for (const source of ['customer_spells', 'feedback']) {
      const table = runtime.model.sources[source]!.table!;
      const params = new Params();
      const where = rowSecurityPredicate(runtime.model, { region: ['华南'] }, { source, alias: 't' }, params);
      const secured = await runtime.engine.query(
        `SELECT COUNT(*) AS n FROM "${table}" AS t WHERE ${where}`,
        params.values,
      );
      const expected = await runtime.engine.query(
        `SELECT COUNT(*) AS n FROM "${table}" AS t JOIN customers c USING (customer_id) WHERE c.region = '华南'`,
      );
      expect(Number(secured.rows[0]!.n)).toBe(Number(expected.rows[0]!.n));
      expect(Number(secured.rows[0]!.n)).toBeGreaterThan(0);
    }
  });
});
