import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

/** The question input: Enter sends, Shift+Enter starts a new line; disabled while an answer is computed. */
export function questionBox(send: (question: string) => void): {
  element: HTMLElement;
  setBusy: (busy: boolean) => void;
  focus: () => void;
} {
  const id = uid('question');
  const input = h('textarea', {
    id,
    name: 'question',
    rows: 2,
    maxlength: 1000,
    placeholder: t('chat.placeholder'),
    autocomplete: 'off',
  });
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, t('chat.send'));
  const form = h(
    'form',
    { class: 'question-box', role: 'search' },
    h('label', { for: id, class: 'visually-hidden' }, t('chat.question')),
    input,
    button,
  );
  const submit = () => {
    const question = input.value.trim();
    if (!question || button.disabled) return;
    input.value = '';
    send(question);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  return {
    element: form,
    setBusy: (busy) => {
      button.disabled = busy;
      form.setAttribute('aria-busy', String(busy));
    },
    focus: () => input.focus(),
  };
}
