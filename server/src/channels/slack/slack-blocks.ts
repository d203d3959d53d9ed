/**
 * Block Kit for answers: the headline in bold and the narrative, the assumptions, the table's top rows as
 * aligned text, buttons for clarify options and follow-up suggestions, and "show how this was computed".
 * `text` (the notification fallback) repeats the headline and the table rows, so it stands on its own.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { Answer } from '../../answer/answer-schema.ts';
import { answerToText, tableLines } from '../answer-to-text.ts';
import { channelMessages } from '../channel-messages.ts';
import type { SlackMessage } from './slack-api.ts';

/** Action ids of the buttons. */
export const FOLLOW_UP_ACTION = 'followup';
export const PROVENANCE_ACTION = 'provenance';

const SECTION_MAX = 2900;
const MAX_BUTTONS = 6;

/** Escapes text for mrkdwn (`&`, `<`, `>`). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const section = (text: string) => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, SECTION_MAX) },
});
const context = (lines: string[]) => ({
  type: 'context',
  elements: lines.slice(0, 10).map((l) => ({ type: 'mrkdwn', text: clip(escapeMrkdwn(l), 2000) })),
});

/** An answer as a Slack message; `ref` (conversation:seq) lets the provenance button find it. */
export function answerMessage(answer: Answer, opts: { ref: string | null; note?: string }): SlackMessage {
  const t = answerToText(answer);
  const blocks: unknown[] = [];
  if (opts.note) blocks.push(context([opts.note]));
  blocks.push(section(`*${escapeMrkdwn(t.headline)}*${t.narrative ? `\n${escapeMrkdwn(t.narrative)}` : ''}`));
  if (t.assumptions.length) blocks.push(context(t.assumptions));
  let tableText = '';
  if (t.table) {
    tableText = tableLines(t.table).join('\n');
    const more =
      t.table.total > t.table.rows.length
        ? `\n${channelMessages.moreRows(t.table.rows.length, t.table.total, t.lang)}`
        : '';
    blocks.push(section(`\`\`\`${clip(escapeMrkdwn(tableText), SECTION_MAX - 20)}\`\`\`${more}`));
  }
  const buttons = t.followUps.slice(0, MAX_BUTTONS).map((f, i) => ({
    type: 'button',
    action_id: `${FOLLOW_UP_ACTION}:${i}`,
    text: { type: 'plain_text', text: clip(f.label, 75), emoji: true },
    value: clip(f.question, 2000),
  }));
  if (opts.ref && answer.kind === 'answer')
    buttons.push({
      type: 'button',
      action_id: PROVENANCE_ACTION,
      text: { type: 'plain_text', text: channelMessages.howComputed(t.lang), emoji: true },
      value: opts.ref,
    });
  if (buttons.length) blocks.push({ type: 'actions', elements: buttons });
  const text = [opts.note, t.headline, t.narrative, tableText].filter(Boolean).join('\n');
  return { text: clip(text, 3900), blocks };
}

/** "How this was computed": definitions, model version and SQL of an answer. */
export function provenanceMessage(answer: Answer): SlackMessage {
  const lang: Lang = answer.language;
  const p = answer.provenance;
  const defs = p.definitions
    .map((d) => `• *${escapeMrkdwn(d.label)}*: ${escapeMrkdwn(d.description)}`)
    .join('\n');
  const blocks: unknown[] = [
    section(`*${channelMessages.definitions(lang)}*\n${defs || '—'}`),
    context([
      `${channelMessages.modelVersion(lang)}: ${p.modelVersion}`,
      ...answer.interpretation.assumptions,
    ]),
  ];
  for (const sql of p.sql.slice(0, 3))
    blocks.push(section(`\`\`\`${clip(escapeMrkdwn(sql), SECTION_MAX - 10)}\`\`\``));
  return { text: clip(`${channelMessages.definitions(lang)}\n${defs}\n${p.sql.join('\n')}`, 3900), blocks };
}

/** A short bot message (help, instructions, errors). */
export function noticeMessage(text: string): SlackMessage {
  return { text, blocks: [section(escapeMrkdwn(text))] };
}
