/**
 * "Copy as image" and "Download PNG" under a chart: both fetch the server renderer's PNG of the stored answer
 * (GET /api/conversations/:id/answers/:seq/chart.png, /api/shares/:token/chart.png for a shared answer,
 * /api/boards/:id/cards/:cardId/chart.png for a board card: the image Slack and WeCom get), so the picture is the same wherever it is pasted, whatever the browser draws.
 */
import { apiHeaders, errorFrom, query } from '../api/client.ts';
import { h } from '../dom.ts';
import { lang, t } from '../i18n/i18n.ts';
import { downloadBlob, fileNameFor } from './csv.ts';
import { errorMessage } from './states.ts';

/** Where the server draws a stored answer's chart. */
export function answerChartPath(conversationId: string, seq: number): string {
  return `/api/conversations/${encodeURIComponent(conversationId)}/answers/${seq}/chart.png`;
}

/** Where the server draws a shared answer's chart, computed with the opener's access. */
export function sharedChartPath(token: string): string {
  return `/api/shares/${encodeURIComponent(token)}/chart.png${query({ language: lang() })}`;
}

/** Where the server draws a board card's chart, computed with the viewer's access and the board's period. */
export function cardChartPath(
  boardId: string,
  cardId: string,
  options: { period?: string; share?: string } = {},
): string {
  const card = `/api/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}`;
  return `${card}/chart.png${query({ ...options, language: lang() })}`;
}

/** The server-rendered PNG at `path`. */
export async function chartImage(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: apiHeaders('GET'), credentials: 'same-origin' });
  if (!response.ok) throw await errorFrom(response);
  return response.blob();
}

/** The two buttons and their status line; `path` resolves to the PNG's route (once the answer is stored). */
export function chartImageBar(options: { path: () => Promise<string>; title: string }): HTMLElement {
  const status = h('span', { class: 'muted small image-status', role: 'status' });
  const fileName = fileNameFor(options.title, 'png');
  const run = (action: (png: Blob) => Promise<string>) => async () => {
    status.textContent = '';
    try {
      status.textContent = await action(await chartImage(await options.path()));
    } catch (error) {
      status.textContent = errorMessage(error);
    }
  };
  const copy = async (png: Blob) => {
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      return t('image.copied');
    } catch {
      // Clipboard images need a secure context and permission: the file is the fallback.
      downloadBlob(fileName, png);
      return t('image.downloaded');
    }
  };
  const download = async (png: Blob) => {
    downloadBlob(fileName, png);
    return '';
  };
  return h(
    'div',
    { class: 'chart-image-bar button-row' },
    h('button', { type: 'button', class: 'btn btn-small copy-image', onclick: run(copy) }, t('image.copy')),
    h(
      'button',
      { type: 'button', class: 'btn btn-small download-png', onclick: run(download) },
      t('image.download'),
    ),
    status,
  );
}
