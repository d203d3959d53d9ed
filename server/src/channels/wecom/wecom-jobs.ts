/**
 * Answers WeCom jobs. App messages (`via: app`): the linked user's question through the pipeline, then
 * active messages — markdown, the chart as an image, and a button card with the follow-ups. Intelligent
 * robot messages (`via: bot`): the answer is computed into the job's checkpoint (markdown and the PNG as
 * base64 + md5), which the robot's stream refreshes read; in a group chat no data is shown there — the
 * answer goes to the asker privately through the app when it is configured.
 */
import { createHash } from 'node:crypto';
import type { Answer } from '../../answer/answer-schema.ts';
import { chartPng } from '../../answer/chart-png.ts';
import type { ChannelJob } from '../../store/channel-queue.ts';
import { type AccountLinks, isHelpCommand, parseLinkCommand } from '../account-links.ts';
import { askInChannel, type ChannelAskDeps } from '../channel-ask.ts';
import { channelMessages, messageLanguage } from '../channel-messages.ts';
import type { JobContext } from '../job-worker.ts';
import type { WecomApi } from './wecom-api.ts';
import { APP_MARKDOWN_BYTES, answerMarkdown, BOT_MARKDOWN_BYTES } from './wecom-markdown.ts';

/** What a WeCom job carries. */
export interface WecomJobPayload {
  via: 'app' | 'bot';
  userid: string;
  text: string;
  /** Robot only. */
  chattype?: 'single' | 'group';
  streamId?: string;
}

/** What a robot job leaves for the stream refreshes. */
export interface BotResult {
  markdown: string;
  image?: { base64: string; md5: string };
}

export interface WecomJobDeps extends ChannelAskDeps {
  /** Absent when only the robot is configured. */
  api: WecomApi | null;
  links: AccountLinks;
  corpId: string;
}

/** Follow-up button keys carry the question. */
export const QUESTION_KEY_PREFIX = 'q:';
/** A WeCom app chat has no threads: after an hour of silence a question starts a new conversation. */
const IDLE_MS = 60 * 60 * 1000;

export function wecomJobHandler(deps: WecomJobDeps) {
  return async (job: ChannelJob, ctx: JobContext): Promise<void> => {
    const p = job.payload as unknown as WecomJobPayload;
    const cp = job.checkpoint as Record<string, unknown>;
    const lang = messageLanguage(p.text);
    const text = p.text.replace(/^@\S+\s*/u, '').trim();

    const botDone = (result: BotResult) => ctx.checkpoint({ bot: result });
    const notice = async (message: string) => {
      if (p.via === 'bot') return botDone({ markdown: message });
      if (!cp.noticeSent) await deps.api!.sendMarkdown(p.userid, message, job.id);
    };

    if (job.kind === 'notice') return notice(String((job.payload as { notice?: string }).notice ?? ''));
    const link = parseLinkCommand(text);
    if (link) {
      const user = link.code ? await deps.links.redeem('wecom', deps.corpId, p.userid, link.code) : null;
      return notice(
        link.code
          ? user
            ? channelMessages.linked(user.username, lang)
            : channelMessages.badCode(lang)
          : channelMessages.unlinked('wecom', lang),
      );
    }
    if (!text || isHelpCommand(text)) return notice(channelMessages.help('wecom', lang));
    const user = await deps.links.wecomUser(deps.corpId, p.userid);
    if (!user) return notice(channelMessages.unlinked('wecom', lang));

    const group = p.via === 'bot' && p.chattype === 'group';
    if (group && !deps.api) return botDone({ markdown: channelMessages.groupPrivate(false, lang) });

    let answer = cp.answer as Answer | undefined;
    if (!answer) {
      const result = await askInChannel(deps, {
        provider: 'wecom',
        threadKey: `${p.via === 'bot' && !group ? 'bot' : 'app'}:${p.userid}`,
        user,
        question: text,
        attributes: user.attributes,
        idleMs: IDLE_MS,
      });
      answer = result.answer;
      await ctx.checkpoint({ answer });
    }

    if (p.via === 'bot' && !group) {
      const png = answer.chart ? await chartPng(answer.chart) : null;
      return botDone({
        markdown: answerMarkdown(answer, BOT_MARKDOWN_BYTES),
        ...(png
          ? { image: { base64: png.toString('base64'), md5: createHash('md5').update(png).digest('hex') } }
          : {}),
      });
    }
    await sendAnswer(deps, job, ctx, p.userid, answer);
    if (group) await botDone({ markdown: channelMessages.groupPrivate(true, lang) });
  };
}

/** Markdown, then the chart image, then the follow-up buttons; each step once. */
async function sendAnswer(
  deps: WecomJobDeps,
  job: ChannelJob,
  ctx: JobContext,
  userid: string,
  answer: Answer,
) {
  const api = deps.api!;
  const cp = job.checkpoint as Record<string, unknown>;
  if (!cp.markdownSent) {
    await api.sendMarkdown(userid, answerMarkdown(answer, APP_MARKDOWN_BYTES), job.id);
    await ctx.checkpoint({ markdownSent: true });
  }
  if (answer.chart && !cp.imageSent) {
    const mediaId = await api.sendImage(userid, await chartPng(answer.chart), job.id);
    await ctx.checkpoint({ imageSent: mediaId });
  }
  const followUps = [
    ...(answer.options ?? []).map((o) => ({ text: o.label, question: o.question })),
    ...answer.suggestions.map((s) => ({ text: s, question: s })),
  ].filter((f) => Buffer.byteLength(QUESTION_KEY_PREFIX + f.question, 'utf8') <= 1024);
  if (followUps.length && !cp.cardSent) {
    await api.sendButtons(
      userid,
      {
        taskId: `job${job.id}`,
        title: channelMessages.followUpTitle(answer.kind === 'clarify', answer.language),
        description: answer.narrative.slice(0, 40),
        buttons: followUps.map((f) => ({ text: f.text.slice(0, 20), key: QUESTION_KEY_PREFIX + f.question })),
      },
      job.id,
    );
    await ctx.checkpoint({ cardSent: true });
  }
}
