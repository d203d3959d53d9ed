import { governance } from '../api/governance.ts';
import { emptyState, errorMessage, loadInto } from '../components/states.ts';
import { h } from '../dom.ts';
import { versionList } from '../editor/version-list.ts';
import { pick, t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { currentUser } from '../session.ts';

/** The editor's start page: each model's versions, with "new draft" and open/view per version. */
export function versionsOverview(outlet: HTMLElement): void {
  const body = h('div');
  const status = h('p', { class: 'form-error', role: 'alert' });
  outlet.replaceChildren(
    h(
      'div',
      { class: 'editor' },
      h('h1', null, t('editor.title')),
      h('p', { class: 'muted' }, t('editor.intro')),
      status,
      body,
    ),
  );
  const me = currentUser()?.id;
  void loadInto(
    body,
    async () => {
      const models = await governance.models();
      return Promise.all(models.map(async (m) => ({ model: m, versions: await governance.versions(m.id) })));
    },
    (entries) =>
      entries.length === 0
        ? emptyState(t('editor.noModels'))
        : entries.map(({ model, versions }) =>
            h(
              'section',
              { class: 'model-versions', 'data-model': model.id },
              h('h2', null, pick(model.label), ' ', h('code', { class: 'muted small' }, model.id)),
              h(
                'div',
                { class: 'button-row' },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'btn btn-primary new-draft',
                    onclick: async () => {
                      try {
                        const draft = await governance.createDraft(model.id);
                        navigate(`editor/${model.id}/${draft.versionNo}`);
                      } catch (error) {
                        status.textContent = errorMessage(error);
                      }
                    },
                  },
                  `+ ${t('editor.newDraft')}`,
                ),
              ),
              versions.length === 0
                ? emptyState(t('editor.noVersions'))
                : versionList(versions, (v) => [
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'btn btn-small',
                        onclick: () => navigate(`editor/${v.model}/${v.versionNo}`),
                      },
                      v.status === 'draft' && v.authorId === me ? t('editor.open') : t('editor.view'),
                    ),
                  ]),
            ),
          ),
  );
}
