import type { ModelVersionView, VersionStatus } from '../api/governance.ts';
import { h } from '../dom.ts';
import { formatDateTime } from '../format.ts';
import { t } from '../i18n/i18n.ts';
import { reviewNote } from './review-notes.ts';

/** A version's status as a badge. */
export function statusBadge(status: VersionStatus, active = false): HTMLElement {
  return h(
    'span',
    { class: `badge status-${status}`, 'data-status': status },
    t(`status.${status}`),
    active ? ` · ${t('status.active')}` : '',
  );
}

/** Versions of a model, newest first, each with the buttons `actions` gives it. */
export function versionList(
  versions: ModelVersionView[],
  actions: (version: ModelVersionView) => (Node | null)[],
): HTMLElement {
  return h(
    'ul',
    { class: 'version-list' },
    versions.map((v) =>
      h(
        'li',
        { class: 'version-card', 'data-version': v.versionNo, 'data-status': v.status },
        h(
          'header',
          null,
          h('strong', null, `${v.model} v${v.versionNo}`),
          statusBadge(v.status, v.active),
          v.basedOnVersion !== null &&
            h('span', { class: 'muted small' }, t('editor.basedOn', { n: v.basedOnVersion })),
          h('span', { class: 'muted small' }, formatDateTime(v.createdAt)),
        ),
        v.submitNote &&
          h('p', { class: 'small submit-note-text' }, `${t('review.submitNote')}: ${v.submitNote}`),
        v.reviewComment &&
          h('p', { class: 'small' }, `${t('review.comment')}: ${reviewNote(v.reviewComment)}`),
        h('div', { class: 'button-row' }, actions(v)),
      ),
    ),
  );
}
