import type { DraftPreview, SampleResult } from '../api/governance.ts';
import { h } from '../dom.ts';
import { formatValue } from '../format.ts';
import { t } from '../i18n/i18n.ts';
import { changeSummary } from './diff-view.ts';
import { issueList } from './issue-list.ts';

function sampleTable(result: SampleResult, label: string): HTMLElement {
  if (!result.ok) return h('div', null, h('h5', null, label), issueList(result.issues));
  return h(
    'div',
    { class: 'preview-table' },
    h('h5', null, label),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        null,
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            result.columns.map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          null,
          result.rows.slice(0, 12).map((row) =>
            h(
              'tr',
              null,
              result.columns.map((c) => {
                const value = row[c];
                const text =
                  typeof value === 'number' && !Number.isInteger(value)
                    ? formatValue(value, 'number')
                    : String(value ?? '—');
                return h('td', { class: typeof value === 'number' ? 'num' : null }, text);
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The preview of a draft: what changes, and sample queries before (published) and after (draft). */
export function previewSamples(preview: DraftPreview): HTMLElement {
  return h(
    'section',
    { class: 'preview' },
    h('h3', null, t('editor.previewTitle')),
    h(
      'p',
      { class: 'muted small' },
      t('editor.previewInfo', { ms: Math.round(preview.elapsedMs), asOf: preview.asOf.after }),
    ),
    changeSummary(preview.summary),
    preview.samples.length === 0 && h('p', { class: 'muted' }, t('editor.noSamples')),
    preview.samples.map((sample) =>
      h(
        'article',
        { class: 'preview-sample' },
        h(
          'h4',
          null,
          [...sample.query.metrics, ...(sample.query.dimensions ?? [])].join(' · '),
          ' ',
          h(
            'span',
            { class: sample.differs ? 'badge badge-changed' : 'badge badge-draft' },
            sample.differs ? t('editor.differs') : t('editor.same'),
          ),
        ),
        h(
          'div',
          { class: 'before-after' },
          sampleTable(sample.before, t('editor.before')),
          sampleTable(sample.after, t('editor.after')),
        ),
      ),
    ),
  );
}
