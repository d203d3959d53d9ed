import { api } from '../api/client.ts';
import { h, svg, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { errorMessage } from './states.ts';

/** Which message is rated: the conversation and the answer's sequence number in it. */
export interface FeedbackTarget {
  conversationId: string;
  seq: () => Promise<number>;
}

const THUMB =
  'M2 10h3v10H2zM7 20h9.5a2 2 0 0 0 2-1.6l1.4-7A2 2 0 0 0 18 9h-5l.8-4a1.6 1.6 0 0 0-2.9-1.2L7 9.5z';

/** A thumb icon; the down thumb is the up one turned over. */
function thumb(down: boolean): SVGSVGElement {
  const path = svg('path', {
    d: THUMB,
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 1.6,
    'stroke-linejoin': 'round',
  });
  return svg(
    'svg',
    { viewBox: '0 0 22 22', 'aria-hidden': 'true' },
    svg('g', down ? { transform: 'rotate(180 11 11)' } : {}, path),
  );
}

/** Thumbs up/down with an optional comment, sent to POST /api/feedback. */
export function feedbackBox(target: FeedbackTarget): HTMLElement {
  let rating: 'up' | 'down' | null = null;
  const commentId = uid('feedback-comment');
  const status = h('span', { class: 'muted', role: 'status' });
  const comment = h('textarea', {
    id: commentId,
    rows: 2,
    maxlength: 2000,
    placeholder: t('feedback.commentPlaceholder'),
  });
  const send = h('button', { type: 'submit', class: 'btn btn-small' }, t('feedback.send'));
  const form = h(
    'form',
    { class: 'feedback-comment', hidden: true },
    h('label', { for: commentId, class: 'visually-hidden' }, t('feedback.comment')),
    comment,
    send,
  );
  const up = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-pressed': 'false', title: t('feedback.up') },
    thumb(false),
  );
  const down = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-pressed': 'false', title: t('feedback.down') },
    thumb(true),
  );
  up.setAttribute('aria-label', t('feedback.up'));
  down.setAttribute('aria-label', t('feedback.down'));

  async function submit(): Promise<void> {
    if (!rating) return;
    status.textContent = t('feedback.sending');
    send.disabled = true;
    try {
      const seq = await target.seq();
      await api('POST', '/api/feedback', {
        conversationId: target.conversationId,
        seq,
        rating,
        ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
      });
      status.textContent = t('feedback.thanks');
      form.hidden = true;
      up.disabled = true;
      down.disabled = true;
    } catch (error) {
      status.textContent = errorMessage(error);
    } finally {
      send.disabled = false;
    }
  }

  function choose(next: 'up' | 'down'): void {
    rating = next;
    up.setAttribute('aria-pressed', String(next === 'up'));
    down.setAttribute('aria-pressed', String(next === 'down'));
    form.hidden = false;
    comment.placeholder = next === 'down' ? t('feedback.whatWrong') : t('feedback.commentPlaceholder');
    comment.focus();
  }
  up.addEventListener('click', () => choose('up'));
  down.addEventListener('click', () => choose('down'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });

  return h(
    'div',
    { class: 'feedback' },
    h('span', { class: 'muted' }, t('feedback.prompt')),
    up,
    down,
    status,
    form,
  );
}
