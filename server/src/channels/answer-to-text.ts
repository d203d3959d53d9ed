/**
 * An `Answer` as plain parts every chat channel formats its own way: a headline (the narrative's first
 * sentence), the rest of the narrative, the assumptions, the table's top rows as formatted cells, the
 * follow-up questions (suggestions or clarify options) and the provenance.
 */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { Answer } from '../answer/answer-schema.ts';
import { formatValue, type ValueFormat } from '../answer/format.ts';
import { channelMessages } from './channel-messages.ts';

export interface AnswerText {
  lang: Lang;
  headline: string;
  narrative: string;
  assumptions: string[];
  table: { labels: string[]; rows: string[][]; total: number } | null;
  /** Questions to offer as buttons: clarify options first, then suggestions. */
  followUps: { label: string; question: string }[];
}

/** Default number of table rows shown in a chat message. */
export const CHAT_TABLE_ROWS = 10;

/** Splits the narrative after its first sentence. */
export function splitHeadline(narrative: string): { headline: string; rest: string } {
  const text = narrative.trim();
  const match = /^(.+?[。！？!?]|.+?\.(?=\s|$))\s*/su.exec(text);
  if (!match || match[0].length >= text.length) return { headline: text, rest: '' };
  return { headline: match[1]!.trim(), rest: text.slice(match[0].length).trim() };
}

/** The text parts of an answer, with at most `maxRows` table rows. */
export function answerToText(answer: Answer, maxRows = CHAT_TABLE_ROWS): AnswerText {
  const lang = answer.language;
  const { headline, rest } = splitHeadline(answer.narrative);
  const unknown = answer.interpretation.unknownTerms ?? [];
  const assumptions = [...answer.interpretation.assumptions];
  if (unknown.length) assumptions.push(channelMessages.notUnderstood(unknown, lang));
  const t = answer.table;
  const table = t?.rows.length
    ? {
        labels: t.columns.map((c) => c.label),
        rows: t.rows
          .slice(0, maxRows)
          .map((row) =>
            t.columns.map((c) =>
              c.type === 'number'
                ? formatValue(row[c.name], c.format as ValueFormat | undefined, lang)
                : String(row[c.name] ?? '—'),
            ),
          ),
        total: t.rows.length,
      }
    : null;
  const followUps = [
    ...(answer.options ?? []).map((o) => ({ label: o.label, question: o.question })),
    ...answer.suggestions.map((s) => ({ label: s, question: s })),
  ];
  return { lang, headline, narrative: rest, assumptions, table, followUps };
}

/** Display width of a string in a monospace font (CJK and full-width characters count 2). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** The table as aligned monospace lines (numbers right-aligned). */
export function tableLines(table: NonNullable<AnswerText['table']>): string[] {
  const widths = table.labels.map((l, i) =>
    Math.max(displayWidth(l), ...table.rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const numeric = table.labels.map((_, i) =>
    table.rows.every((r) => /^[-+¥$]?[\d.,]/.test(r[i] ?? '') || r[i] === '—'),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - displayWidth(cell)));
        return numeric[i] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(table.labels), ...table.rows.map(line)];
}
