/**
 * Row-level security said in the headline (issue 13): the seeded 华南 manager asking about 华东, 全国 or by
 * region over HTTP gets 华南's figures, and the answer's first sentence says so, in both languages.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, SecurityClient } from '../../test/security/security-client.ts';
import { copiedDemo, startTestServer } from '../../test/server/test-server.ts';
import { pgliteStore } from '../../test/store/test-stores.ts';
import type { RunningServer } from '../server/start-server.ts';

const SOUTH = [{ member: 'region', op: 'in', values: ['华南'] }];

describe('row-level security notice in the headline (manager_south over HTTP)', () => {
  let dataDir = '';
  let server: RunningServer;
  let south: SecurityClient;
  let analyst: SecurityClient;
  const ask = async (client: SecurityClient, question: string, language: 'zh' | 'en') => {
    const reply = await client.send('POST', '/api/ask', { question, language });
    expect(reply.status).toBe(200);
    return reply.body as Json;
  };
  /** The number in the only row of an answer's table. */
  const value = (answer: Json, column: string) => answer.table.rows[0][column] as number;

  beforeAll(async () => {
    dataDir = await copiedDemo();
    server = await startTestServer(dataDir, await pgliteStore(), true);
    const url = `http://127.0.0.1:${server.port}`;
    south = await new SecurityClient(url).demoLogin('manager_south');
    analyst = await new SecurityClient(url).demoLogin('analyst');
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    for (const dir of [dataDir, `${dataDir}-app`]) rmSync(dir, { recursive: true, force: true });
  });

  it('华东 asked by the 华南 manager: the headline says so and the figure is 华南’s (zh)', async () => {
    const mine = await ask(south, '上个季度华东的流失率', 'zh');
    expect(mine.kind).toBe('answer');
    expect(mine.narrative.startsWith('你只能查看华南的数据，以下为华南的结果。')).toBe(true);
    expect(mine.interpretation.query.filters).toEqual([]);
    const truth = await ask(analyst, '上个季度华南的流失率', 'zh');
    expect(truth.interpretation.query.filters).toEqual(SOUTH);
    expect(value(mine, 'churn_rate')).toBeCloseTo(value(truth, 'churn_rate'), 9);
  });

  it('East China asked in English: "You can only see South China; showing South China."', async () => {
    const mine = await ask(south, 'churn rate in East China last quarter', 'en');
    expect(mine.narrative.startsWith('You can only see South China; showing South China. ')).toBe(true);
    const truth = await ask(analyst, 'churn rate in South China last quarter', 'en');
    expect(value(mine, 'churn_rate')).toBeCloseTo(value(truth, 'churn_rate'), 9);
  });

  it('全国 and "by region" are narrowed to 华南 and say so; a question inside the access has no notice', async () => {
    const national = await ask(south, '全国上个月的营业额', 'zh');
    expect(national.narrative.startsWith('你只能查看华南的数据')).toBe(true);
    const truth = await ask(analyst, '华南上个月的营业额', 'zh');
    expect(value(national, 'revenue')).toBeCloseTo(value(truth, 'revenue'), 6);
    const byRegion = await ask(south, 'churn rate by region last quarter', 'en');
    expect(byRegion.narrative.startsWith('You can only see South China')).toBe(true);
    expect(byRegion.table.rows).toHaveLength(1);
    const own = await ask(south, '上个季度华南的流失率', 'zh');
    expect(own.narrative).not.toContain('你只能查看');
    expect(own.interpretation.query.filters).toEqual(SOUTH);
  });
});
