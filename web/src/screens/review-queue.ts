import { governance, type ModelSummary, type ModelVersionView } from '../api/governance.ts';
import { clearCatalogCache } from '../catalog-store.ts';
import { diffView } from '../components/diff-view.ts';
import { emptyState, errorMessage, loadInto, loadingState } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { userNames } from '../editor/review-notes.ts';
import { statusBadge, versionList } from '../editor/version-list.ts';
import { formatDateTime } from '../format.ts';
import { pick, t } from '../i18n/i18n.ts';
import type { Route } from '../router.ts';

/** One version waiting for review: its diff against the version it was based on, a comment, approve/reject. */
function reviewCard(version: ModelVersionView, reload: () => void): HTMLElement {
  const diffSlot = h('div', null, loadingState());
  const commentId = uid('review-comment');
  const comment = h('textarea', {
    id: commentId,
    rows: 2,
    maxlength: 2000,
    placeholder: t('review.commentPlaceholder'),
  });
  const status = h('p', { class: 'form-error', role: 'alert' });
  const submitter = h('p', { class: 'review-meta review-submitter' });
  void userNames().then((names) => {
    const author = version.authorId ? names.get(version.authorId) : undefined;
    submitter.textContent = t('review.submittedBy', { author: author ?? version.authorId ?? '—' });
  });
  const from = version.basedOnVersion ?? version.versionNo - 1;
  if (from >= 1) {
    void loadInto(diffSlot, () => governance.diff(version.model, from, version.versionNo), diffView);
  } else diffSlot.replaceChildren(emptyState(t('review.noBase')));

  const act = async (button: HTMLButtonElement, action: () => Promise<unknown>) => {
    status.textContent = '';
    button.disabled = true;
    try {
      await action();
      clearCatalogCache();
      reload();
    } catch (error) {
      status.textContent = errorMessage(error);
      button.disabled = false;
    }
  };
  const approve = h('button', { type: 'button', class: 'btn btn-primary approve' }, t('review.approve'));
  const reject = h('button', { type: 'button', class: 'btn btn-danger reject' }, t('review.reject'));
  approve.addEventListener('click', () =>
    act(approve, () =>
      governance.approve(version.model, version.versionNo, comment.value.trim() || undefined),
    ),
  );
  reject.addEventListener('click', () => {
    if (!comment.value.trim()) {
      status.textContent = t('review.rejectNeedsComment');
      comment.focus();
      return;
    }
    void act(reject, () => governance.reject(version.model, version.versionNo, comment.value.trim()));
  });

  return h(
    'article',
    { class: 'version-card review-card', 'data-model': version.model, 'data-version': version.versionNo },
    h(
      'header',
      null,
      h('h3', null, `${version.model} v${version.versionNo}`),
      statusBadge(version.status),
      h('span', { class: 'muted small' }, t('review.basedOn', { n: from })),
      h('span', { class: 'muted small' }, formatDateTime(version.createdAt)),
    ),
    submitter,
    version.submitNote
      ? h('p', { class: 'review-meta review-reason' }, `${t('review.submitNote')}: ${version.submitNote}`)
      : null,
    diffSlot,
    h('label', { for: commentId }, t('review.comment')),
    comment,
    status,
    h('div', { class: 'button-row' }, approve, reject),
  );
}

/** History of a model's versions with rollback to an earlier published one. */
function historySection(model: ModelSummary, versions: ModelVersionView[], reload: () => void): HTMLElement {
  const status = h('p', { class: 'form-error', role: 'alert' });
  return h(
    'section',
    { class: 'version-history', 'data-model': model.id },
    h('h2', null, t('review.history'), ' · ', pick(model.label)),
    status,
    versions.length === 0
      ? emptyState(t('editor.noVersions'))
      : versionList(versions, (v) => [
          h('a', { class: 'btn btn-small', href: `#/editor/${v.model}/${v.versionNo}` }, t('editor.view')),
          v.status === 'superseded'
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn-small rollback',
                  onclick: async () => {
                    if (!window.confirm(t('review.confirmRollback', { n: v.versionNo }))) return;
                    try {
                      await governance.rollback(v.model, v.versionNo);
                      clearCatalogCache();
                      reload();
                    } catch (error) {
                      status.textContent = errorMessage(error);
                    }
                  },
                },
                t('review.rollback', { n: v.versionNo }),
              )
            : null,
        ]),
  );
}

/** The admin's review queue: versions in review with their diff, approve/reject, version history, rollback. */
export function reviewQueueScreen(outlet: HTMLElement, _route: Route): void {
  const body = h('div');
  outlet.replaceChildren(h('div', { class: 'review' }, h('h1', null, t('review.title')), body));
  const reload = () => reviewQueueScreen(outlet, _route);
  void loadInto(
    body,
    async () => {
      const models = await governance.models();
      return Promise.all(
        models.map(async (model) => ({ model, versions: await governance.versions(model.id) })),
      );
    },
    (entries) => {
      const pending = entries.flatMap((e) => e.versions.filter((v) => v.status === 'in_review'));
      return [
        h(
          'section',
          { class: 'review-pending' },
          h('h2', null, t('review.pending', { count: pending.length })),
          pending.length === 0 ? emptyState(t('review.empty')) : pending.map((v) => reviewCard(v, reload)),
        ),
        ...entries.map((e) => historySection(e.model, e.versions, reload)),
      ];
    },
  );
}
