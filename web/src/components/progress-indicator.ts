import type { AskProgress } from '../api/types.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { type MessageId, STAGE_MESSAGES } from '../i18n/messages-en.ts';

/** Shows the answer's progress (the SSE `progress` stages) while it is computed. */
export function progressIndicator(): { element: HTMLElement; update: (progress: AskProgress) => void } {
  const label = h('span', null, t('progress.thinking'));
  const steps = h('ol', { class: 'progress-steps' });
  const element = h(
    'div',
    { class: 'answer-progress', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'spinner' }),
    label,
    steps,
  );
  const seen = new Set<string>();
  function update(progress: AskProgress): void {
    const key = `progress.stage.${progress.stage}`;
    const text = (STAGE_MESSAGES as readonly string[]).includes(key) ? t(key as MessageId) : progress.stage;
    label.textContent = `${text} · ${(progress.elapsedMs / 1000).toFixed(1)} s`;
    if (!seen.has(progress.stage)) {
      seen.add(progress.stage);
      steps.appendChild(h('li', null, text));
    }
  }
  return { element, update };
}
