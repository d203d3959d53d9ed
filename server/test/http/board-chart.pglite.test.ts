import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartPng } from '../../src/answer/chart-png.ts';
import type { RunningServer } from '../../src/server/start-server.ts';
import { startTestServer } from '../server/test-server.ts';
import { pgliteStore } from '../store/test-stores.ts';
import { Client, type Json } from './http-client.ts';

/** GET /api/boards/{id}/cards/{cardId}/chart.png: a board card's chart drawn for the viewer's own access. */
describe("a board card's chart as a PNG", () => {
  let server: RunningServer;
  let dir: string;
  let analyst: Client;
  let south: Client;
  const base = () => `http://127.0.0.1:${server.port}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chatbi-board-png-'));
    server = await startTestServer(dir, await pgliteStore(), true);
    analyst = new Client(base());
    await analyst.demoLogin('analyst');
    south = new Client(base());
    await south.demoLogin('manager_south');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function boardWithCard(shared: boolean, question: string): Promise<{ board: Json; card: Json }> {
    const answer = await analyst.ask({ question });
    const board = (await (
      await analyst.send('POST', '/api/boards', { title: question, shared })
    ).json()) as Json;
    const res = await analyst.send('POST', `/api/boards/${board.id}/cards`, {
      title: question,
      model: answer.interpretation.query.model ?? 'churn',
      query: answer.interpretation.query,
      intent: answer.interpretation.intent,
    });
    expect(res.status).toBe(201);
    return { board, card: (await res.json()) as Json };
  }

  async function png(client: Client, path: string): Promise<Buffer> {
    const res = await client.send('GET', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    return Buffer.from(await res.arrayBuffer());
  }

  it("draws the card for each viewer from the viewer's own rows", async () => {
    const { board, card } = await boardWithCard(true, 'churn rate by region last quarter');
    const path = `/api/boards/${board.id}/cards/${card.id}`;
    const mine = await png(analyst, `${path}/chart.png?language=zh`);
    expect(mine.subarray(1, 4).toString()).toBe('PNG');
    expect(mine.readUInt32BE(16)).toBeGreaterThanOrEqual(1440); // 720 px at 2×

    // manager_south sees only 华南: the image is their own answer's chart, not the owner's.
    const southAnswer = (await (await south.send('GET', `${path}/answer?language=zh`)).json()) as Json;
    expect(southAnswer.table.rows.map((r: Json) => r.region)).toEqual(['华南']);
    const ownerAnswer = (await (await analyst.send('GET', `${path}/answer?language=zh`)).json()) as Json;
    expect(ownerAnswer.table.rows).toHaveLength(7);
    const theirs = await png(south, `${path}/chart.png?language=zh`);
    expect(theirs.subarray(1, 4).toString()).toBe('PNG');
    expect(theirs.equals(await chartPng(southAnswer.chart))).toBe(true);
    expect(theirs.equals(mine)).toBe(false);
    expect(mine.equals(await chartPng(ownerAnswer.chart))).toBe(true);
  }, 60_000);

  it('is not found for a board the viewer cannot open, or a card without a chart', async () => {
    const { board, card } = await boardWithCard(false, 'churn rate by region last quarter');
    const hidden = await south.send('GET', `/api/boards/${board.id}/cards/${card.id}/chart.png`);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as Json).error.code).toBe('board_not_found');
    const missing = await analyst.send('GET', `/api/boards/${board.id}/cards/nope/chart.png`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Json).error.code).toBe('card_not_found');

    const single = await boardWithCard(false, 'how many customers are there');
    const none = await analyst.send(
      'GET',
      `/api/boards/${single.board.id}/cards/${single.card.id}/chart.png`,
    );
    const body = (await none.json()) as Json;
    expect([none.status, body.error.code]).toEqual([404, 'no_chart']);
  }, 60_000);
});
