import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { pacedPglite } from './paced-pglite.ts';

const inner = new PGlite();
const db = pacedPglite(inner);
afterAll(() => db.close());

describe('pacedPglite', () => {
  it("returns PGlite's results and errors, in arrival order, and commits or rolls back transactions", async () => {
    await db.exec('create table t (n int primary key)');
    const done: number[] = [];
    const inserts = Array.from({ length: 20 }, (_, n) =>
      db.query('insert into t values ($1) returning n', [n]).then((r) => {
        done.push((r.rows[0] as { n: number }).n);
      }),
    );
    const duplicate = db.query('insert into t values (3)');
    await Promise.all(inserts);
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
    expect(done).toEqual(Array.from({ length: 20 }, (_, n) => n));
    await db.transaction(async (tx) => {
      await tx.query('insert into t values (100)');
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into t values (101)');
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n, max(n) as top from t');
    expect(rows[0]).toEqual({ n: 21, top: 100 });
    expect(db.closed).toBe(false);
  });

  it('lets the event loop turn while many statements are queued (inline PGlite alone would not)', async () => {
    const statements = 400;
    const run = async (client: PGlite) => {
      let turnedAfter = -1;
      let finished = 0;
      setImmediate(() => {
        turnedAfter = finished;
      });
      await Promise.all(
        Array.from({ length: statements }, () => client.query('select 1').then(() => finished++)),
      );
      await new Promise((resolve) => setImmediate(resolve));
      return turnedAfter;
    };
    expect(await run(inner)).toBe(statements);
    const paced = await run(db);
    expect(paced).toBeGreaterThan(0);
    expect(paced).toBeLessThan(statements);
  });
});
