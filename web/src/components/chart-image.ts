/**
 * "Copy as image" and "Download PNG" under a chart: both fetch the server renderer's PNG of the stored answer
 * (GET /api/conversations/:id/answers/:seq/chart.png, the image Slack and WeCom get), so the picture is the
 * same wherever it is pasted, whatever the browser draws.
 */
import { apiHeaders, errorFrom } from '../api/client.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { downloadBlob, fileNameFor } from './csv.ts';
import { errorMessage } from './states.ts';

/** The server-rendered PNG of one answer's chart. */
export async function chartImage(conversationId: string, seq: number): Promise<Blob> {
  const path = `/api/conversations/${encodeURIComponent(conversationId)}/answers/${seq}/chart.png`;
  const response = await fetch(path, { headers: apiHeaders('GET'), credentials: 'same-origin' });
  if (!response.ok) throw await errorFrom(response);
  return response.blob();
}

/** The two buttons and their status line; `seq` resolves once the answer is stored. */
export function chartImageBar(options: {
  conversationId: string;
  seq: () => Promise<number>;
  title: string;
}): HTMLElement {
  const status = h('span', { class: 'muted small image-status', role: 'status' });
  const fileName = fileNameFor(options.title, 'png');
  const run = (action: (png: Blob) => Promise<string>) => async () => {
    status.textContent = '';
    try {
      status.textContent = await action(await chartImage(options.conversationId, await options.seq()));
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
