/**
 * Slack's inbound endpoints (hand-written Hono routes): `/events`, `/commands`, `/interactivity`. Each
 * reads the raw body once, checks the signature and timestamp (401 and nothing run otherwise, including a
 * verbatim replay), then only records a job and acknowledges — the answer is sent afterwards by the worker.
 * Event retries are de-duplicated on `event_id`; the same message reaching us as `app_mention` and as
 * `message` becomes one job.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AccountLinks } from '../account-links.ts';
import { isHelpCommand, parseLinkCommand } from '../account-links.ts';
import { channelMessages, messageLanguage } from '../channel-messages.ts';
import { enqueueInbound, type InboundQueueDeps } from '../enqueue-inbound.ts';
import { FOLLOW_UP_ACTION, PROVENANCE_ACTION } from './slack-blocks.ts';
import { type SlackJobPayload, slackChannelType, slackThreadKey, stripMentions } from './slack-jobs.ts';
import { verifySlackSignature } from './slack-signature.ts';

export interface SlackRouteDeps extends InboundQueueDeps {
  signingSecret: string;
  links: AccountLinks;
}

type SlackEvent = {
  type?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  channel?: string;
  channel_type?: string;
  ts?: string;
  thread_ts?: string;
};

export function slackRoutes(deps: SlackRouteDeps) {
  const app = new Hono();

  /** The verified raw body, or the 401 response. */
  const verified = async (c: Context): Promise<string | Response> => {
    const body = await c.req.text();
    const signature = c.req.header('x-slack-signature');
    const problem = verifySlackSignature({
      secret: deps.signingSecret,
      timestamp: c.req.header('x-slack-request-timestamp'),
      signature,
      body,
      nowMs: deps.now().getTime(),
    });
    if (problem) return c.json({ error: { code: problem, message: 'Slack signature check failed' } }, 401);
    if (!(await deps.store.channelQueue.recordEvent('slack', `sig:${signature}`, deps.now())))
      return c.json({ error: { code: 'replayed', message: 'This request was already received' } }, 401);
    return body;
  };

  /** Records an ask job (or a rate-limit notice instead). */
  const enqueue = (kind: 'ask' | 'provenance', dedupeKey: string, payload: SlackJobPayload) =>
    enqueueInbound(deps, {
      provider: 'slack',
      kind,
      dedupeKey,
      threadKey: payload.threadTs ? slackThreadKey(payload, payload.threadTs) : `command:${dedupeKey}`,
      externalUserId: payload.user,
      text: payload.text,
      payload,
    });

  app.post('/events', async (c) => {
    const body = await verified(c);
    if (body instanceof Response) return body;
    let envelope: {
      type?: string;
      challenge?: string;
      event_id?: string;
      team_id?: string;
      event?: SlackEvent;
    };
    try {
      envelope = JSON.parse(body);
    } catch {
      return c.json({ error: { code: 'bad_json', message: 'The body is not JSON' } }, 400);
    }
    if (envelope.type === 'url_verification') return c.json({ challenge: envelope.challenge ?? '' });
    if (envelope.type !== 'event_callback' || !envelope.event || !envelope.event_id) return c.body(null, 200);
    if (!(await deps.store.channelQueue.recordEvent('slack', `event:${envelope.event_id}`, deps.now())))
      return c.body(null, 200);
    const e = envelope.event;
    if (e.bot_id || e.subtype || !e.user || !e.channel || !e.ts || typeof e.text !== 'string')
      return c.body(null, 200);
    const team = envelope.team_id ?? '';
    const mention = e.type === 'app_mention';
    const direct = e.type === 'message' && e.channel_type === 'im';
    // A reply typed in a thread the bot answers in continues that conversation without a mention.
    const threadReply =
      e.type === 'message' &&
      !!e.thread_ts &&
      e.thread_ts !== e.ts &&
      (await deps.store.channelQueue.threadKnown(
        'slack',
        slackThreadKey({ team, channel: e.channel }, e.thread_ts),
      ));
    if (!mention && !direct && !threadReply) return c.body(null, 200);
    await enqueue('ask', `msg:${e.channel}:${e.ts}`, {
      team,
      channel: e.channel,
      channelType: direct ? 'im' : slackChannelType(e.channel),
      user: e.user,
      text: e.text,
      threadTs: e.thread_ts ?? e.ts,
    });
    return c.body(null, 200);
  });

  app.post('/commands', async (c) => {
    const body = await verified(c);
    if (body instanceof Response) return body;
    const form = new URLSearchParams(body);
    const text = (form.get('text') ?? '').trim();
    const user = form.get('user_id') ?? '';
    const team = form.get('team_id') ?? '';
    const channel = form.get('channel_id') ?? '';
    const lang = messageLanguage(text);
    const ephemeral = (message: string) => c.json({ response_type: 'ephemeral', text: message });
    if (!user || !channel)
      return c.json({ error: { code: 'bad_command', message: 'user_id and channel_id are required' } }, 400);
    if (!text || isHelpCommand(text)) return ephemeral(channelMessages.help('slack', lang));
    const link = parseLinkCommand(text);
    if (link) {
      if (!link.code) return ephemeral(channelMessages.unlinked('slack', lang));
      const linked = await deps.links.redeem('slack', team, user, link.code);
      return ephemeral(
        linked ? channelMessages.linked(linked.username, lang) : channelMessages.badCode(lang),
      );
    }
    const isDm = form.get('channel_name') === 'directmessage' || slackChannelType(channel) === 'im';
    await enqueue('ask', `command:${form.get('trigger_id') ?? `${channel}:${user}:${text}`}`, {
      team,
      channel,
      channelType: isDm ? 'im' : 'channel',
      user,
      text,
      threadTs: null,
      responseUrl: form.get('response_url') ?? undefined,
    });
    return ephemeral(channelMessages.received(lang));
  });

  app.post('/interactivity', async (c) => {
    const body = await verified(c);
    if (body instanceof Response) return body;
    let payload: {
      type?: string;
      trigger_id?: string;
      team?: { id?: string };
      user?: { id?: string; team_id?: string };
      channel?: { id?: string };
      message?: { ts?: string; thread_ts?: string };
      container?: { message_ts?: string; thread_ts?: string };
      response_url?: string;
      actions?: { action_id?: string; value?: string; action_ts?: string }[];
    };
    try {
      payload = JSON.parse(new URLSearchParams(body).get('payload') ?? '');
    } catch {
      return c.json({ error: { code: 'bad_payload', message: 'payload must be JSON' } }, 400);
    }
    const action = payload.actions?.[0];
    const user = payload.user?.id;
    const channel = payload.channel?.id;
    const threadTs =
      payload.message?.thread_ts ??
      payload.container?.thread_ts ??
      payload.message?.ts ??
      payload.container?.message_ts;
    if (payload.type !== 'block_actions' || !action?.action_id || !user || !channel || !threadTs)
      return c.body(null, 200);
    const kind =
      action.action_id === PROVENANCE_ACTION
        ? 'provenance'
        : action.action_id.startsWith(FOLLOW_UP_ACTION)
          ? 'ask'
          : null;
    if (!kind) return c.body(null, 200);
    await enqueue(kind, `action:${payload.trigger_id ?? `${channel}:${threadTs}:${action.action_ts}`}`, {
      team: payload.team?.id ?? payload.user?.team_id ?? '',
      channel,
      channelType: slackChannelType(channel),
      user,
      text: kind === 'ask' ? stripMentions(action.value ?? '') : '',
      threadTs,
      responseUrl: payload.response_url,
      ...(kind === 'provenance' ? { ref: action.value ?? '' } : {}),
    });
    return c.body(null, 200);
  });

  return app;
}
