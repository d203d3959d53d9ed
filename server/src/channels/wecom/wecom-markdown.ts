/**
 * Answers as WeCom markdown (which has no tables or code blocks): the headline in bold, the narrative,
 * the assumptions as a quote, the table's top rows as one line each, cut to WeCom's byte limit.
 */
import type { Answer } from '../../answer/answer-schema.ts';
import { answerToText } from '../answer-to-text.ts';
import { channelMessages } from '../channel-messages.ts';

/** Byte limits: app markdown 2048, intelligent-robot stream 20480, group webhook 4096. */
export const APP_MARKDOWN_BYTES = 2048;
export const BOT_MARKDOWN_BYTES = 20480;

/** Cuts UTF-8 text to at most `max` bytes without splitting a character. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > max - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}

/** The answer as WeCom markdown within `maxBytes`. */
export function answerMarkdown(answer: Answer, maxBytes = APP_MARKDOWN_BYTES, note?: string): string {
  const t = answerToText(answer);
  const lines: string[] = [];
  if (note) lines.push(`<font color="comment">${note}</font>`);
  lines.push(`**${t.headline}**`);
  if (t.narrative) lines.push(t.narrative);
  for (const a of t.assumptions) lines.push(`> ${a}`);
  if (t.table) {
    lines.push('');
    const rest = t.table.labels.slice(1);
    for (const row of t.table.rows)
      lines.push(`- **${row[0]}** ${rest.map((label, i) => `${label} ${row[i + 1]}`).join(', ')}`.trimEnd());
    if (t.table.total > t.table.rows.length)
      lines.push(channelMessages.moreRows(t.table.rows.length, t.table.total, t.lang));
  }
  return truncateBytes(lines.join('\n'), maxBytes);
}
