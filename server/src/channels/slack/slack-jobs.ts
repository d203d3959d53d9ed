/**
 * Answers Slack jobs: who is asking (linked user, else instructions and no data), what the audience may
 * see (a DM: the asker's access; a channel: what every member shares, else an ephemeral reply), the
 * pipeline, then the reply in the thread — a "working on it" message for analyses that is updated with
 * the answer, and the chart uploaded as a PNG. Each finished step is checkpointed, so a resumed job
 * neither answers twice nor posts twice.
 */
import type { Answer } from '../../answer/answer-schema.ts';
import { chartPng } from '../../answer/chart-png.ts';
import type { ChannelJob } from '../../store/channel-queue.ts';
import { isUuid } from '../../store/db.ts';
import type { UserAttributes } from '../../store/schema.ts';
import type { User } from '../../store/users.ts';
import { type AccountLinks, isHelpCommand, parseLinkCommand } from '../account-links.ts';
import { askInChannel, type ChannelAskDeps } from '../channel-ask.ts';
import { channelMessages, messageLanguage } from '../channel-messages.ts';
import type { JobContext } from '../job-worker.ts';
import { isNarrower, sharedAttributes } from '../shared-access.ts';
import type { SlackApi, SlackMessage } from './slack-api.ts';
import { answerMessage, noticeMessage, provenanceMessage } from './slack-blocks.ts';

/** What a Slack job carries (from an event, a slash command or a button). */
export interface SlackJobPayload {
  team: string;
  channel: string;
  /** `im` for direct messages; anything else is a shared conversation. */
  channelType: string;
  user: string;
  text: string;
  /** Thread to answer in; null for a slash command (a new message is posted, then answered in its thread). */
  threadTs: string | null;
  responseUrl?: string;
  /** For `provenance` jobs: `conversationId:seq`. */
  ref?: string;
  /** For `notice` jobs: the text to send. */
  notice?: string;
}

export interface SlackJobDeps extends ChannelAskDeps {
  api: SlackApi;
  links: AccountLinks;
}

/** The thread key of a Slack thread. */
export const slackThreadKey = (p: { team: string; channel: string }, threadTs: string) =>
  `${p.team}:${p.channel}:${threadTs}`;

/** Direct-message channel ids start with D. */
export const slackChannelType = (channel: string) => (channel.startsWith('D') ? 'im' : 'channel');

/** Removes `<@U123>` mentions from a message. */
export const stripMentions = (text: string) =>
  text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function slackJobHandler(deps: SlackJobDeps) {
  return async (job: ChannelJob, ctx: JobContext): Promise<void> => {
    const p = job.payload as unknown as SlackJobPayload;
    const cp = job.checkpoint as Record<string, unknown>;
    const lang = messageLanguage(p.text);
    const reply = (message: SlackMessage, privately: boolean) => sendReply(deps, job, p, message, privately);

    if (job.kind === 'notice') return reply(noticeMessage(p.notice ?? ''), true);
    if (job.kind === 'provenance') {
      const user = await deps.links.slackUser(p.team, p.user, () => deps.api.email(p.user, job.id));
      if (!user) return reply(noticeMessage(channelMessages.unlinked('slack', lang)), true);
      const answer = await findAnswer(deps, p);
      return reply(
        answer ? provenanceMessage(answer) : noticeMessage(channelMessages.noProvenance(lang)),
        false,
      );
    }
    const question = stripMentions(p.text);
    const link = parseLinkCommand(question);
    if (link) {
      const user = link.code ? await deps.links.redeem('slack', p.team, p.user, link.code) : null;
      return reply(
        noticeMessage(
          link.code
            ? user
              ? channelMessages.linked(user.username, lang)
              : channelMessages.badCode(lang)
            : channelMessages.unlinked('slack', lang),
        ),
        true,
      );
    }
    if (!question || isHelpCommand(question))
      return reply(noticeMessage(channelMessages.help('slack', lang)), true);

    const user = await deps.links.slackUser(p.team, p.user, () => deps.api.email(p.user, job.id));
    if (!user) return reply(noticeMessage(channelMessages.unlinked('slack', lang)), true);

    const audience = await audienceOf(deps, job, p, user);
    let threadTs = p.threadTs ?? (cp.rootTs as string | undefined) ?? null;
    if (!threadTs && audience.public) {
      // A slash command: a message with the question opens the thread the answer goes into.
      threadTs = await deps.api.post(p.channel, null, noticeMessage(`<@${p.user}>: ${question}`), job.id);
      await ctx.checkpoint({ rootTs: threadTs });
    }
    const threadKey = slackThreadKey(p, threadTs ?? `command:${job.id}`);

    let answer = cp.answer as Answer | undefined;
    let ref = (cp.ref as string | undefined) ?? null;
    let working: Promise<void> | undefined;
    if (!answer) {
      const result = await askInChannel(deps, {
        provider: 'slack',
        threadKey,
        user,
        question,
        attributes: audience.attributes,
        onStage: (stage) => {
          if (stage !== 'analyse' || !audience.public || cp.workingTs || working) return;
          working = deps.api
            .post(p.channel, threadTs, noticeMessage(channelMessages.working(lang)), job.id)
            .then((ts) => ctx.checkpoint({ workingTs: ts }));
        },
      });
      await working?.catch(() => undefined);
      answer = result.answer;
      ref = result.seq === null ? null : `${answer.conversationId}:${result.seq}`;
      await ctx.checkpoint({ answer, ref });
    }

    const message = answerMessage(answer, { ref, note: audience.note });
    if (!audience.public) {
      if (!cp.answered) {
        await reply(answerMessage(answer, { ref: null, note: channelMessages.privateReply(lang) }), true);
        await ctx.checkpoint({ answered: true });
      }
      return;
    }
    if (!cp.answerTs) {
      if (cp.workingTs) await deps.api.update(p.channel, cp.workingTs as string, message, job.id);
      const ts =
        (cp.workingTs as string | undefined) ?? (await deps.api.post(p.channel, threadTs, message, job.id));
      await ctx.checkpoint({ answerTs: ts });
    }
    if (answer.chart && !cp.fileId) {
      const png = await chartPng(answer.chart);
      const fileId = await deps.api.uploadPng(
        {
          channel: p.channel,
          threadTs,
          png,
          filename: 'chart.png',
          title: answer.narrative.slice(0, 80) || channelMessages.chartTitle(lang),
        },
        job.id,
      );
      await ctx.checkpoint({ fileId });
    }
  };
}

/** Who reads the reply, and so which access the answer may use. */
async function audienceOf(
  deps: SlackJobDeps,
  job: ChannelJob,
  p: SlackJobPayload,
  asker: User,
): Promise<{ public: boolean; attributes: UserAttributes; note?: string }> {
  if (p.channelType === 'im') return { public: true, attributes: asker.attributes };
  const bot = await deps.api.botUserId();
  const members = (await deps.api.members(p.channel, job.id)).filter((m) => m !== bot && m !== p.user);
  const access: UserAttributes[] = [asker.attributes];
  for (const member of members) {
    let bot = false;
    const user = await deps.links.slackUser(p.team, member, async () => {
      const profile = await deps.api.profile(member, job.id);
      bot = profile.bot;
      return profile.email;
    });
    if (bot) continue; // another app in the channel reads nothing
    if (!user) return { public: false, attributes: asker.attributes };
    access.push(user.attributes);
  }
  const shared = sharedAttributes(access);
  if (!shared) return { public: false, attributes: asker.attributes };
  const lang = messageLanguage(p.text);
  return {
    public: true,
    attributes: shared,
    note: isNarrower(shared, asker.attributes) ? channelMessages.sharedAccess(lang) : undefined,
  };
}

/** Sends a reply: privately (ephemeral / response_url) or in the thread. */
async function sendReply(
  deps: SlackJobDeps,
  job: ChannelJob,
  p: SlackJobPayload,
  message: SlackMessage,
  privately: boolean,
) {
  if (privately && p.channelType !== 'im') {
    if (p.responseUrl)
      await deps.api.respond(
        p.responseUrl,
        { response_type: 'ephemeral', replace_original: false, ...message },
        job.id,
      );
    else await deps.api.ephemeral(p.channel, p.user, p.threadTs, message, job.id);
    return;
  }
  await deps.api.post(p.channel, p.threadTs, message, job.id);
}

/** The answer a provenance button refers to, when it was given in this same thread. */
async function findAnswer(deps: SlackJobDeps, p: SlackJobPayload): Promise<Answer | null> {
  const [conversationId, seqText] = (p.ref ?? '').split(':');
  if (!conversationId || !isUuid(conversationId) || !p.threadTs) return null;
  const inThread = await deps.store.channelQueue.threadHasConversation(
    'slack',
    slackThreadKey(p, p.threadTs),
    conversationId,
  );
  if (!inThread) return null;
  const messages = await deps.store.conversations.listMessages(conversationId);
  const message = messages.find((m) => m.seq === Number(seqText));
  return (message?.answer as Answer | undefined) ?? null;
}
