import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

/**
 * The YAML view of a draft: pick a file, edit its text, save it whole (which is also the way to repair
 * a file that no longer parses). Issues of the file are listed under it by the caller.
 */
export function yamlFiles(
  files: Record<string, string>,
  selected: string,
  onSelect: (file: string) => void,
  save: (file: string, text: string) => Promise<void>,
  readOnly: boolean,
): HTMLElement {
  const selectId = uid('yaml-file');
  const textId = uid('yaml-text');
  const names = Object.keys(files).sort();
  const file = names.includes(selected) ? selected : (names[0] ?? '');
  const select = h(
    'select',
    { id: selectId },
    names.map((name) => h('option', { value: name, selected: name === file }, name)),
  );
  select.addEventListener('change', () => onSelect(select.value));
  const text = h('textarea', {
    id: textId,
    class: 'yaml-view',
    spellcheck: 'false',
    value: files[file] ?? '',
  });
  text.readOnly = readOnly;
  const status = h('span', { class: 'muted', role: 'status' });
  const form = h(
    'form',
    { class: 'yaml-files' },
    h('div', { class: 'toolbar' }, h('label', { for: selectId }, t('editor.file')), select),
    h('label', { for: textId, class: 'visually-hidden' }, file),
    text,
    !readOnly &&
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'submit', class: 'btn btn-primary' }, t('editor.saveFile')),
        status,
      ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = t('editor.saving');
    try {
      await save(file, text.value);
      status.textContent = '';
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  });
  return form;
}
