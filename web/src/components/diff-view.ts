import type { ChangeSummary, VersionDiff } from '../api/governance.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

function lineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff-line diff-file';
  if (line.startsWith('+')) return 'diff-line diff-add';
  if (line.startsWith('-')) return 'diff-line diff-del';
  if (line.startsWith('@@')) return 'diff-line muted';
  return 'diff-line';
}

/** The member-level summary: what was added, removed or changed, and changed settings. */
export function changeSummary(summary: ChangeSummary): HTMLElement {
  const items: HTMLElement[] = [];
  for (const [kind, changes] of Object.entries(summary.members)) {
    for (const id of changes.added) items.push(h('li', null, t('diff.added', { kind, id })));
    for (const id of changes.removed) items.push(h('li', null, t('diff.removed', { kind, id })));
    for (const change of changes.changed)
      items.push(h('li', null, t('diff.changed', { kind, id: change.id, fields: change.fields.join(', ') })));
  }
  for (const s of summary.settings)
    items.push(
      h(
        'li',
        null,
        t('diff.setting', { path: `${s.file} ${s.path}`, before: String(s.before), after: String(s.after) }),
      ),
    );
  const list = items.length
    ? h('ul', { class: 'change-summary' }, items)
    : h('p', { class: 'muted' }, t('diff.noChanges'));
  if (!summary.accessPolicy?.changed) return list;
  return h(
    'div',
    null,
    h(
      'p',
      { class: 'access-policy-change', role: 'alert' },
      t('diff.accessPolicy', { changes: summary.accessPolicy.changes.join('; ') }),
    ),
    list,
  );
}

/** A version diff: the summary, then each file's unified diff with added and removed lines marked. */
export function diffView(diff: VersionDiff): HTMLElement {
  return h(
    'div',
    { class: 'version-diff' },
    changeSummary(diff.summary),
    diff.files.map((file) =>
      h(
        'div',
        { class: 'diff', role: 'region', tabindex: 0, 'aria-label': `${file.file} (${file.status})` },
        file.diff.split('\n').map((line) => h('div', { class: lineClass(line) }, line || ' ')),
      ),
    ),
  );
}
