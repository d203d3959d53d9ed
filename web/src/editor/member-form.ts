import type { DefinitionIssue, MemberKind } from '../api/governance.ts';
import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageId } from '../i18n/messages-en.ts';

/** A member as its YAML holds it (only the fields the form edits are typed). */
export type MemberDefinition = Record<string, unknown> & {
  label?: { zh?: string; en?: string };
  description?: { zh?: string; en?: string };
  synonyms?: { zh?: string[]; en?: string[] };
  owner?: string;
  certified?: boolean;
};

interface Field {
  path: string;
  label: MessageId;
  kind: 'text' | 'textarea' | 'list' | 'checkbox';
}

const FIELDS: Field[] = [
  { path: 'label.zh', label: 'editor.field.labelZh', kind: 'text' },
  { path: 'label.en', label: 'editor.field.labelEn', kind: 'text' },
  { path: 'description.zh', label: 'editor.field.descriptionZh', kind: 'textarea' },
  { path: 'description.en', label: 'editor.field.descriptionEn', kind: 'textarea' },
  { path: 'synonyms.zh', label: 'editor.field.synonymsZh', kind: 'list' },
  { path: 'synonyms.en', label: 'editor.field.synonymsEn', kind: 'list' },
  { path: 'owner', label: 'editor.field.owner', kind: 'text' },
  { path: 'certified', label: 'editor.field.certified', kind: 'checkbox' },
];

function read(member: MemberDefinition, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], member);
}

/** Splits a synonym list typed one per line or separated by commas (、，, ;). */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,，、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The member with the form's values written in; other fields (formula, format, …) are kept as they are.
 * @example withEdits(member, { 'label.zh': '流失率', 'synonyms.zh': ['掉客率'] })
 */
export function withEdits(member: MemberDefinition, values: Record<string, unknown>): MemberDefinition {
  const next: MemberDefinition = structuredClone(member);
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let target = next as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys.at(-1)!] = value;
  }
  return next;
}

/** The issues of one member, keyed by the form field they belong to ('' for the member as a whole). */
export function issuesByField(
  issues: DefinitionIssue[],
  kind: MemberKind,
  id: string,
): Map<string, DefinitionIssue[]> {
  const prefix = `${kind}.${id}`;
  const byField = new Map<string, DefinitionIssue[]>();
  for (const issue of issues) {
    if (!issue.path || (issue.path !== prefix && !issue.path.startsWith(`${prefix}.`))) continue;
    const rest = issue.path.slice(prefix.length + 1).replace(/\[\d+\]$/, '');
    const field =
      FIELDS.find((f) => rest === f.path || rest.startsWith(`${f.path}.`) || rest.startsWith(`${f.path}[`))
        ?.path ?? '';
    byField.set(field, [...(byField.get(field) ?? []), issue]);
  }
  return byField;
}

/**
 * The form for one metric or dimension: bilingual labels, descriptions and synonyms, owner and
 * certification, with each validation issue shown at its field. `save` gets the whole new member.
 */
export function memberForm(
  kind: MemberKind,
  id: string,
  member: MemberDefinition,
  issues: DefinitionIssue[],
  save: (next: MemberDefinition) => Promise<void>,
  readOnly: boolean,
): HTMLFormElement {
  const byField = issuesByField(issues, kind, id);
  const controls = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const status = h('span', { class: 'muted', role: 'status' });
  const fieldIssues = (path: string) =>
    (byField.get(path) ?? []).map((issue) =>
      h('span', { class: 'field-error', role: 'alert' }, issue.message),
    );

  const form = h(
    'form',
    { class: 'member-form', 'data-member': id, 'aria-label': t('editor.memberForm', { id }) },
    h('h3', null, id, ' ', h('span', { class: 'muted small' }, `(${kind})`)),
    fieldIssues(''),
    h(
      'div',
      { class: 'form-grid' },
      FIELDS.map((field) => {
        const controlId = uid('field');
        const value = read(member, field.path);
        let control: HTMLInputElement | HTMLTextAreaElement;
        if (field.kind === 'checkbox')
          control = h('input', { id: controlId, type: 'checkbox', checked: value === true });
        else if (field.kind === 'text') control = h('input', { id: controlId, value: String(value ?? '') });
        else {
          const text = Array.isArray(value) ? value.join('\n') : String(value ?? '');
          control = h('textarea', { id: controlId, rows: field.kind === 'list' ? 4 : 3, value: text });
        }
        control.name = field.path;
        control.disabled = readOnly;
        if (byField.has(field.path)) control.setAttribute('aria-invalid', 'true');
        controls.set(field.path, control);
        const wide = field.kind !== 'text' && field.kind !== 'checkbox';
        return field.kind === 'checkbox'
          ? h(
              'label',
              { class: 'check', for: controlId },
              control,
              h('span', null, t(field.label)),
              fieldIssues(field.path),
            )
          : h(
              'div',
              { class: wide ? 'field wide' : 'field' },
              h('label', { for: controlId }, t(field.label)),
              control,
              field.kind === 'list' && h('span', { class: 'muted small' }, t('editor.listHint')),
              fieldIssues(field.path),
            );
      }),
    ),
    !readOnly &&
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'submit', class: 'btn btn-primary' }, t('editor.saveMember')),
        status,
      ),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values: Record<string, unknown> = {};
    for (const field of FIELDS) {
      const control = controls.get(field.path)!;
      if (field.kind === 'checkbox') values[field.path] = (control as HTMLInputElement).checked;
      else if (field.kind === 'list') values[field.path] = splitList(control.value);
      else values[field.path] = control.value.trim();
    }
    status.textContent = t('editor.saving');
    try {
      await save(withEdits(member, values));
      status.textContent = '';
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  });
  return form;
}
