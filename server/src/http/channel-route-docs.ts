/**
 * The chat-channel webhooks as the OpenAPI document shows them. They stay plain Hono routes (channels/):
 * they must read the raw body to check the provider's signature before anything is parsed, so a schema
 * validator cannot sit in front of them; they are documented here instead, and the coverage test
 * (server/test/http/route-coverage.ts) holds them to it like every other route.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { z } from 'zod';
import { ErrorBodySchema } from './api-router.ts';

const SIGNED =
  'Mounted only when the channel is configured. Authenticated by signature (no session): a bad signature, a timestamp more than 300 s away or a replayed request → 401 and nothing runs.';

const rawBody = (type: string, description: string) => ({
  required: true,
  description: `${description} Read raw: the signature covers the exact bytes.`,
  content: { [type]: { schema: z.string() } },
});

const refused = {
  401: {
    description: 'Bad signature or stale/replayed request',
    content: { 'application/json': { schema: ErrorBodySchema } },
  },
};

/** Adds the Slack and WeCom webhooks to `app`'s document (documentation only: no handler is registered). */
export function documentChannelRoutes<E extends Env>(app: OpenAPIHono<E>): void {
  const doc = (method: 'get' | 'post', path: string, summary: string, extra: Record<string, unknown>) =>
    app.openAPIRegistry.registerPath({
      method,
      path,
      summary,
      description: SIGNED,
      tags: ['channels'],
      security: [],
      responses: { 200: { description: 'Accepted' }, ...refused },
      ...extra,
    });
  doc('post', '/slack/events', 'Slack Events API: url_verification, app_mention, DMs, thread replies', {
    request: { body: rawBody('application/json', 'A Slack event envelope.') },
  });
  doc('post', '/slack/commands', 'Slack slash command `/churn <question | link CODE | help>`', {
    request: { body: rawBody('application/x-www-form-urlencoded', 'The slash-command form.') },
  });
  doc('post', '/slack/interactivity', 'Slack buttons: follow-ups, clarifications, "how was this computed"', {
    request: { body: rawBody('application/x-www-form-urlencoded', 'The interaction payload form.') },
  });
  const wecomQuery = z.object({
    msg_signature: z.string(),
    timestamp: z.string(),
    nonce: z.string(),
    echostr: z.string().optional(),
  });
  doc('get', '/wecom/callback', 'WeCom URL verification: returns the decrypted `echostr`', {
    request: { query: wecomQuery },
  });
  doc('post', '/wecom/callback', 'WeCom app messages and template-card clicks (encrypted XML)', {
    request: { query: wecomQuery, body: rawBody('text/xml', 'The encrypted WeCom message.') },
  });
  doc('post', '/wecom/bot', 'WeCom group robot: questions and stream refreshes (encrypted JSON)', {
    request: { query: wecomQuery, body: rawBody('application/json', 'The encrypted robot message.') },
  });
}
