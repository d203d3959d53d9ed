import {
  type DefinitionIssue,
  governance,
  type MemberKind,
  type ModelVersionView,
} from '../api/governance.ts';
import { clearCatalogCache } from '../catalog-store.ts';
import { issueList } from '../components/issue-list.ts';
import { previewSamples } from '../components/preview-samples.ts';
import { emptyState, errorMessage, errorState, loadingState } from '../components/states.ts';
import { h, replace, uid } from '../dom.ts';
import { churnWindowOf, membersOf } from '../editor/draft-files.ts';
import { memberForm } from '../editor/member-form.ts';
import { statusBadge } from '../editor/version-list.ts';
import { yamlFiles } from '../editor/yaml-files.ts';
import { pick, t } from '../i18n/i18n.ts';
import type { Route } from '../router.ts';
import { currentUser } from '../session.ts';
import { versionsOverview } from './definition-versions.ts';

/** The analyst's definition editor: versions of each model, and a draft's form/YAML editor. */
export function definitionEditorScreen(outlet: HTMLElement, route: Route): void {
  const [, model, no] = route.segments;
  if (model && no && Number.isInteger(Number(no))) draftEditor(outlet, model, Number(no));
  else versionsOverview(outlet);
}

interface DraftState {
  version: ModelVersionView;
  issues: DefinitionIssue[];
  tab: 'form' | 'yaml';
  kind: MemberKind;
  member: string | null;
  file: string;
  filter: string;
}

function draftEditor(outlet: HTMLElement, model: string, versionNo: number): void {
  const root = h('div', { class: 'editor' });
  outlet.replaceChildren(root);
  const message = h('p', { class: 'form-error', role: 'alert' });
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });
  const previewSlot = h('div');
  // The author's reason for the change, sent with the submission and shown to the reviewer.
  const submitNote = h('textarea', {
    name: 'submitNote',
    class: 'submit-note',
    rows: 2,
    maxlength: 2000,
    placeholder: t('editor.submitNotePlaceholder'),
    'aria-label': t('editor.submitNote'),
  });
  let state: DraftState;

  const run = async (action: () => Promise<void>) => {
    message.textContent = '';
    try {
      await action();
    } catch (error) {
      message.textContent = errorMessage(error);
      const issues = (error as { issues?: DefinitionIssue[] }).issues;
      if (issues?.length) {
        state.issues = issues;
        render();
      }
    }
  };

  const editable = () => state.version.status === 'draft' && state.version.authorId === currentUser()?.id;

  async function applyEdit(
    reply: Promise<{ version: ModelVersionView; validation: { issues: DefinitionIssue[] } }>,
  ) {
    const { version, validation } = await reply;
    state.version = version;
    state.issues = validation.issues;
    notice.hidden = false;
    notice.textContent = validation.issues.some((i) => i.severity !== 'warning')
      ? t('editor.savedWithErrors')
      : t('editor.saved');
    render();
  }

  function memberPane(): HTMLElement {
    const files = state.version.files ?? {};
    const members = membersOf(files, state.kind);
    const ids = Object.keys(members);
    const kindId = uid('kind');
    const filterId = uid('filter');
    const kindSelect = h(
      'select',
      { id: kindId },
      (['metrics', 'dimensions'] as const).map((k) =>
        h('option', { value: k, selected: k === state.kind }, t(`editor.kind.${k}`)),
      ),
    );
    kindSelect.addEventListener('change', () => {
      state.kind = kindSelect.value as MemberKind;
      state.member = null;
      render();
    });
    const filter = h('input', {
      id: filterId,
      type: 'search',
      value: state.filter,
      placeholder: t('editor.filterMembers'),
    });
    const list = h('ul');
    const fillList = () => {
      const needle = filter.value.trim().toLowerCase();
      list.replaceChildren(
        ...ids
          .filter(
            (id) =>
              !needle ||
              id.includes(needle) ||
              JSON.stringify(members[id]?.label ?? '')
                .toLowerCase()
                .includes(needle),
          )
          .map((id) =>
            h(
              'li',
              null,
              h(
                'button',
                {
                  type: 'button',
                  'data-member': id,
                  'aria-current': id === state.member ? 'true' : null,
                  onclick: () => {
                    state.member = id;
                    render();
                  },
                },
                pick(members[id]?.label as { zh: string; en: string }) || id,
                h('span', { class: 'muted small' }, ` ${id}`),
              ),
            ),
          ),
      );
    };
    filter.addEventListener('input', () => {
      state.filter = filter.value;
      fillList();
    });
    fillList();
    const selected = state.member ? members[state.member] : undefined;
    return h(
      'div',
      { class: 'editor-layout' },
      h(
        'nav',
        { class: 'member-list', 'aria-label': t('editor.members') },
        h('label', { for: kindId, class: 'visually-hidden' }, t('editor.kindLabel')),
        kindSelect,
        h('label', { for: filterId, class: 'visually-hidden' }, t('editor.filterMembers')),
        filter,
        list,
      ),
      h(
        'div',
        { class: 'editor-panel' },
        selected && state.member
          ? memberForm(
              state.kind,
              state.member,
              selected,
              state.issues,
              (next) => applyEdit(governance.saveMember(model, versionNo, state.kind, state.member!, next)),
              !editable(),
            )
          : emptyState(t('editor.pickMember')),
        churnWindowForm(),
      ),
    );
  }

  function churnWindowForm(): HTMLElement | null {
    const days = churnWindowOf(state.version.files ?? {});
    if (days === null) return null;
    const id = uid('window');
    const input = h('input', { id, type: 'number', min: 1, max: 3650, value: days, disabled: !editable() });
    const form = h(
      'form',
      { class: 'churn-window' },
      h('h3', null, t('editor.churnWindow')),
      h('p', { class: 'muted small' }, t('editor.churnWindowHint')),
      h('label', { for: id }, t('editor.windowDays')),
      ' ',
      input,
      ' ',
      editable() && h('button', { type: 'submit', class: 'btn btn-small' }, t('editor.saveWindow')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void run(() => applyEdit(governance.saveChurnWindow(model, versionNo, Number(input.value))));
    });
    return form;
  }

  function tabs(): HTMLElement {
    const tab = (name: DraftState['tab'], label: string) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': String(state.tab === name),
          onclick: () => {
            state.tab = name;
            render();
          },
        },
        label,
      );
    return h(
      'div',
      { class: 'tabs', role: 'tablist' },
      tab('form', t('editor.formTab')),
      tab('yaml', t('editor.yamlTab')),
    );
  }

  function render(): void {
    const v = state.version;
    const mine = editable();
    replace(
      root,
      h('p', null, h('a', { href: '#/editor' }, `← ${t('editor.allVersions')}`)),
      h('h1', null, `${t('editor.title')} · ${v.model} v${v.versionNo} `, statusBadge(v.status, v.active)),
      !mine &&
        h('p', { class: 'notice' }, v.status === 'draft' ? t('editor.notYourDraft') : t('editor.readOnly')),
      message,
      notice,
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'button', class: 'btn validate-button', onclick: () => void run(validate) },
          t('editor.validate'),
        ),
        h(
          'button',
          { type: 'button', class: 'btn preview-button', onclick: () => void run(preview) },
          t('editor.preview'),
        ),
        mine &&
          h(
            'button',
            { type: 'button', class: 'btn btn-primary submit-review', onclick: () => void run(submit) },
            t('editor.submit'),
          ),
      ),
      mine && submitNote,
      previewSlot,
      h(
        'section',
        { class: 'issues', 'aria-label': t('editor.issues') },
        h('h2', null, t('editor.issues')),
        issueList(state.issues),
      ),
      tabs(),
      state.tab === 'form'
        ? memberPane()
        : yamlFiles(
            v.files ?? {},
            state.file,
            (file) => {
              state.file = file;
              render();
            },
            (file, text) => applyEdit(governance.saveFiles(model, versionNo, { [file]: text })),
            !mine,
          ),
    );
  }

  async function validate(): Promise<void> {
    const result = await governance.validate(model, versionNo);
    state.issues = result.issues;
    notice.hidden = false;
    notice.textContent = result.ok ? t('editor.valid') : t('editor.invalid', { count: result.issues.length });
    render();
  }

  async function preview(): Promise<void> {
    previewSlot.replaceChildren(loadingState(t('editor.previewing')));
    try {
      previewSlot.replaceChildren(previewSamples(await governance.preview(model, versionNo)));
    } catch (error) {
      previewSlot.replaceChildren(errorState(error));
    }
  }

  async function submit(): Promise<void> {
    const { version } = await governance.submit(model, versionNo, submitNote.value.trim() || undefined);
    submitNote.value = '';
    state.version = { ...state.version, ...version };
    notice.hidden = false;
    notice.textContent = t('editor.submitted');
    clearCatalogCache();
    render();
  }

  root.replaceChildren(loadingState());
  void (async () => {
    try {
      const version = await governance.version(model, versionNo);
      const issues = version.status === 'draft' ? (await governance.validate(model, versionNo)).issues : [];
      state = {
        version,
        issues,
        tab: 'form',
        kind: 'metrics',
        member: null,
        file: 'metrics.yaml',
        filter: '',
      };
      render();
    } catch (error) {
      root.replaceChildren(errorState(error, () => draftEditor(outlet, model, versionNo)));
    }
  })();
}
