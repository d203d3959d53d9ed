import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

/**
 * An inline editor for one chip, shown in `slot`: a titled form with Apply / Cancel. Escape cancels;
 * focus moves to the first control and back to the chip when closed.
 */
export function openChipEditor(
  slot: HTMLElement,
  chip: HTMLElement,
  title: string,
  controls: Node[],
  /** Applies the edit; `false` keeps the editor open (e.g. a value is still missing). */
  apply: () => void | boolean,
): void {
  const close = () => {
    slot.replaceChildren();
    chip.setAttribute('aria-expanded', 'false');
    chip.focus();
  };
  const form = h(
    'form',
    { class: 'chip-editor', 'aria-label': title },
    h('fieldset', null, h('legend', null, title), controls),
    h(
      'div',
      { class: 'chip-editor-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, t('chips.apply')),
      h('button', { type: 'button', class: 'btn btn-small', onclick: close }, t('chips.cancel')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (apply() === false) return;
    slot.replaceChildren();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  for (const other of Array.from(chip.parentElement?.querySelectorAll('[aria-expanded="true"]') ?? [])) {
    other.setAttribute('aria-expanded', 'false');
  }
  chip.setAttribute('aria-expanded', 'true');
  slot.replaceChildren(form);
  form.querySelector<HTMLElement>('select, input, textarea')?.focus();
}

/** A labelled select. */
export function selectControl(
  label: string,
  options: { value: string; label: string }[],
  selected: string,
): { element: HTMLElement; value: () => string } {
  const select = h(
    'select',
    { 'aria-label': label },
    options.map((o) => h('option', { value: o.value, selected: o.value === selected }, o.label)),
  );
  return {
    element: h('label', { class: 'field' }, h('span', null, label), select),
    value: () => select.value,
  };
}

/** Checkboxes for a set of values. */
export function checkboxGroup(
  label: string,
  options: { value: string; label: string }[],
  selected: string[],
): { element: HTMLElement; values: () => string[] } {
  const boxes = options.map((o) => {
    const input = h('input', { type: 'checkbox', value: o.value, checked: selected.includes(o.value) });
    return { input, element: h('label', { class: 'check' }, input, h('span', null, o.label)) };
  });
  return {
    element: h(
      'div',
      { class: 'checkbox-group', role: 'group', 'aria-label': label },
      boxes.map((b) => b.element),
    ),
    values: () => boxes.filter((b) => b.input.checked).map((b) => b.input.value),
  };
}

/** A labelled date input. */
export function dateControl(label: string, value: string): { element: HTMLElement; value: () => string } {
  const input = h('input', { type: 'date', value, required: true });
  return { element: h('label', { class: 'field' }, h('span', null, label), input), value: () => input.value };
}
