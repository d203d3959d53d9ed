/**
 * Renders Slack messages as the fake recorded them (Block Kit JSON, plus uploaded images) to a simple
 * Slack-like HTML page, so a screenshot shows what a user would see in the thread.
 */
import type { SlackPost } from './fake-slack.ts';

const esc = (t: string) =>
  t
    .replace(/&(?!amp;|lt;|gt;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Slack mrkdwn → HTML (code blocks, *bold*, `code`, line breaks); the text is already entity-escaped. */
export function mrkdwnHtml(text: string): string {
  return esc(text)
    .split(/```/)
    .map((part, i) =>
      i % 2
        ? `<pre>${part}</pre>`
        : part
            .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
            .replace(/`([^`\n]+)`/g, '<code>$1</code>')
            .replace(/\n/g, '<br>'),
    )
    .join('');
}

function blockHtml(block: Record<string, unknown>): string {
  switch (block.type) {
    case 'section':
      return `<div class="section">${mrkdwnHtml(String((block.text as { text: string }).text))}</div>`;
    case 'context':
      return `<div class="context">${(block.elements as { text: string }[]).map((e) => mrkdwnHtml(e.text)).join(' · ')}</div>`;
    case 'actions':
      return `<div class="actions">${(block.elements as { text: { text: string } }[])
        .map((b) => `<button>${esc(b.text.text)}</button>`)
        .join('')}</div>`;
    default:
      return '';
  }
}

/** One thread: the question, then each message (its blocks), then the images. */
export function threadHtml(input: {
  question: string;
  asker: string;
  posts: SlackPost[];
  images: Buffer[];
}): string {
  const messages = input.posts
    .map(
      (p) =>
        `<div class="msg"><div class="avatar bot">C</div><div><div class="name">Churn ChatBI <span class="app">APP</span></div>${p.blocks.map(blockHtml).join('')}</div></div>`,
    )
    .join('');
  const images = input.images
    .map(
      (png) =>
        `<div class="msg"><div class="avatar bot">C</div><div><div class="name">Churn ChatBI <span class="app">APP</span></div><img src="data:image/png;base64,${png.toString('base64')}"></div></div>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:0;background:#fff;color:#1d1c1d;width:760px}
.head{padding:10px 16px;border-bottom:1px solid #ddd;font-weight:bold}
.msg{display:flex;gap:10px;padding:10px 16px}.avatar{width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:bold;flex:none}
.avatar.user{background:#2eb67d}.name{font-weight:bold;margin-bottom:4px}.app{font-size:10px;background:#eee;color:#666;padding:1px 4px;border-radius:3px}
.section{margin:4px 0;line-height:1.45}.context{color:#616061;font-size:12px;margin:4px 0}
pre{background:#f8f8f8;border:1px solid #e2e2e2;border-radius:4px;padding:8px;font-family:"WenQuanYi Micro Hei Mono","WenQuanYi Micro Hei",monospace;font-size:12px;white-space:pre}
.actions button{margin:4px 6px 0 0;padding:4px 10px;border:1px solid #bbb;border-radius:4px;background:#fff;font:inherit;font-size:13px}
img{max-width:640px;border:1px solid #ddd;border-radius:4px}</style>
<div class="head"># 流失分析 · thread</div>
<div class="msg"><div class="avatar user">${esc(input.asker.slice(0, 1).toUpperCase())}</div><div><div class="name">${esc(input.asker)}</div>${esc(input.question)}</div></div>
${messages}${images}`;
}
