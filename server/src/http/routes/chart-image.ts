/**
 * GET /api/conversations/{id}/answers/{seq}/chart.png: the chart of one of the user's answers drawn by the
 * server renderer (the same PNG Slack and WeCom get), for the web's "copy as image" and PNG export (shared
 * answers: GET /api/shares/{token}/chart.png, in shares.ts, through `pngResponse`). Only
 * stored, server-made specs are drawn: a client never sends a spec (a Vega spec can load URLs).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Answer } from '../../answer/answer-schema.ts';
import { chartPng } from '../../answer/chart-png.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';

const Params = z.object({
  id: z.string().max(64),
  seq: z.coerce.number().int().positive().max(100_000),
});

/** The chart-image route (mounted under /api, beside the conversations). */
export function chartImageRoutes(store: Store) {
  const app = apiRouter<AuthEnv>();
  const route = apiRoute({
    method: 'get',
    path: '/conversations/{id}/answers/{seq}/chart.png',
    summary: "The chart of one of the user's answers as a PNG (server renderer, CJK font loaded)",
    tags: ['conversations'],
    security: SIGNED_IN,
    request: { params: Params },
    responses: {
      200: {
        description: 'The chart, 2× scale',
        content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } },
      },
    },
    errors: ['unauthenticated', 'conversation_not_found', 'no_chart'],
  });
  app.openapi(route, async (c) => {
    const { id, seq } = c.req.valid('param');
    const conv = await store.conversations.get(id, c.get('user').id);
    if (!conv) throw new ApiError('conversation_not_found');
    const message = await store.conversations.getTurn(conv.id, seq);
    if (!message) throw new ApiError('conversation_not_found');
    return pngResponse(c, (message.answer as Answer).chart);
  });
  return app;
}

/** The PNG response of a server-made chart spec (404 `no_chart` without one). */
export async function pngResponse(c: Context, chart: Answer['chart'] | undefined) {
  if (!chart) throw new ApiError('no_chart');
  const png = await chartPng(chart as Record<string, unknown>);
  return c.body(new Uint8Array(png), 200, {
    'content-type': 'image/png',
    'cache-control': 'private, max-age=3600',
  });
}
