import type { DefinitionIssue } from '../api/governance.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

/** Where an issue is: `metrics.yaml:42 metrics.churn_rate.numerator`. */
export function issueLocation(issue: DefinitionIssue): string {
  const file = issue.file ? `${issue.file}${issue.line ? `:${issue.line}` : ''}` : '';
  return [file, issue.path].filter(Boolean).join(' ');
}

/** Validation issues with their file, line and YAML path; errors first. */
export function issueList(issues: DefinitionIssue[], okMessage = t('editor.valid')): HTMLElement {
  if (issues.length === 0) return h('p', { class: 'valid-note tone-good', role: 'status' }, `✓ ${okMessage}`);
  const sorted = [...issues].sort(
    (a, b) => (a.severity === 'warning' ? 1 : 0) - (b.severity === 'warning' ? 1 : 0),
  );
  return h(
    'ul',
    { class: 'issue-list', role: 'alert' },
    sorted.map((issue) =>
      h(
        'li',
        { class: issue.severity === 'warning' ? 'issue-warning' : 'issue-error' },
        h('strong', null, issue.severity === 'warning' ? t('editor.warning') : t('editor.error')),
        ' ',
        h('code', null, issueLocation(issue)),
        ' — ',
        issue.message,
      ),
    ),
  );
}
