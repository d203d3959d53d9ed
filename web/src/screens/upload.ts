/**
 * Upload a table (#/upload, analysts): the CSV goes to the server, which proposes a model (customer key,
 * churn, dimensions with values, bands, metrics, labels); the analyst corrects it — labels in both
 * languages, a column's role, dropping a column, merging label variants — sees the files it gives, and
 * submits it as a new model's draft for an admin to review (#/review).
 */
import {
  type AttributeRole,
  type ColumnEdit,
  type ModelChoices,
  type PlannedAttribute,
  ROLES,
  type UploadReply,
  uploads,
} from '../api/uploads.ts';
import { errorMessage, loadingState } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { pick, t } from '../i18n/i18n.ts';
import './upload.css';

/** A labelled form field. */
function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id || uid('upload-field');
  control.id = id;
  return h('div', { class: 'upload-field' }, h('label', { for: id }, label), control);
}

function textInput(value: string | undefined, className: string, onInput: (v: string) => void) {
  return h('input', {
    type: 'text',
    class: className,
    value: value ?? '',
    maxlength: 200,
    oninput: (e: Event) => onInput((e.target as HTMLInputElement).value),
  });
}

function select(
  options: Array<[string, string]>,
  value: string,
  className: string,
  onChange: (v: string) => void,
) {
  const el = h(
    'select',
    { class: className, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    options.map(([v, label]) => h('option', { value: v }, label)),
  );
  el.value = value;
  return el;
}

/** The edits of one column, created on first change. */
function editOf(choices: ModelChoices, column: string): ColumnEdit {
  choices.edits ??= {};
  choices.edits.columns ??= {};
  choices.edits.columns[column] ??= {};
  return choices.edits.columns[column];
}

/** One column of the table: role, labels, and for categories the values (Chinese label, merge into). */
function columnCard(a: PlannedAttribute, reply: UploadReply, choices: ModelChoices): HTMLElement {
  const edit = () => editOf(choices, a.column);
  const profile = reply.upload.columns.find((c) => c.name === a.column);
  const values = a.role === 'categorical' ? (profile?.top ?? []).map((v) => v.value) : [];
  const merges = { ...a.merges, ...choices.edits?.columns?.[a.column]?.merge };
  const variantOf = new Map(a.variants.flatMap((g) => g.from.map((f) => [f.value, g.into] as const)));
  return h(
    'article',
    { class: `upload-column${a.role === 'skipped' ? ' dropped' : ''}`, 'data-column': a.column },
    h(
      'header',
      null,
      h('h3', null, a.column),
      h(
        'span',
        { class: 'muted small' },
        t('upload.columnInfo', { type: profile?.type ?? '', distinct: profile?.distinct ?? 0 }),
      ),
    ),
    field(
      t('upload.role'),
      select(
        ROLES.map((r) => [r, t(`upload.role.${r}`)]),
        a.role,
        'role-select',
        (v) => (edit().role = v as AttributeRole),
      ),
    ),
    a.role !== 'skipped' && [
      field(
        t('upload.labelEn'),
        textInput(a.label, 'label-en', (v) => (edit().label = { ...edit().label, en: v })),
      ),
      field(
        t('upload.labelZh'),
        textInput(a.labelZh, 'label-zh', (v) => (edit().label = { ...edit().label, zh: v })),
      ),
    ],
    a.bands &&
      a.role === 'band' &&
      h('p', { class: 'muted small' }, t('upload.bands', { bands: a.bands.map((b) => b.value).join(' · ') })),
    values.length > 0 &&
      h(
        'ul',
        { class: 'upload-values' },
        values.map((v) =>
          h(
            'li',
            { 'data-value': v },
            h(
              'span',
              { class: 'value-name' },
              v,
              variantOf.has(v)
                ? h('span', { class: 'badge' }, t('upload.variantOf', { into: variantOf.get(v)! }))
                : null,
            ),
            textInput(a.valueLabels?.[v]?.zh, 'value-zh', (zh) => {
              const e = edit();
              e.values = { ...e.values, [v]: { ...e.values?.[v], zh } };
            }),
            select(
              [
                ['', t('upload.keepValue')],
                ...values
                  .filter((o) => o !== v)
                  .map((o): [string, string] => [o, t('upload.mergeInto', { into: o })]),
              ],
              merges[v] ?? '',
              'merge-into',
              (into) => {
                const e = edit();
                const next = { ...e.merge };
                if (into) next[v] = into;
                else delete next[v];
                e.merge = next;
              },
            ),
          ),
        ),
      ),
  );
}

/** The proposal: what was guessed, the metrics, the files, and whether they validate. */
function proposalPanel(reply: UploadReply): HTMLElement {
  const { plan, metrics, files, validation } = reply.proposal;
  return h(
    'section',
    { class: 'upload-proposal' },
    h('h2', null, t('upload.proposal')),
    h(
      'ul',
      { class: 'upload-notes' },
      plan.notes.map((n) => h('li', null, n)),
    ),
    h('h3', null, t('upload.metrics')),
    h(
      'ul',
      { class: 'upload-metrics' },
      metrics.map((m) =>
        h(
          'li',
          { 'data-metric': m.id },
          `${pick({ en: m.label.en, zh: m.label.zh ?? m.label.en })} (${m.id})`,
        ),
      ),
    ),
    validation.ok
      ? h('p', { class: 'upload-valid' }, t('upload.valid'))
      : h(
          'ul',
          { class: 'form-error upload-invalid' },
          validation.issues.map((i) => h('li', null, `${i.file ?? ''} ${i.message}`)),
        ),
    h(
      'details',
      { class: 'upload-files' },
      h('summary', null, t('upload.files', { count: Object.keys(files).length })),
      Object.entries(files).map(([name, text]) => h('div', null, h('h4', null, name), h('pre', null, text))),
    ),
  );
}

/** The editor of a proposal: model name and labels, key and churn, each column, then update or submit. */
function editor(outlet: HTMLElement, reply: UploadReply, choices: ModelChoices): HTMLElement {
  const status = h('p', { class: 'upload-status', role: 'status' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const run = async (button: HTMLButtonElement, action: () => Promise<void>) => {
    error.textContent = '';
    button.disabled = true;
    try {
      await action();
    } catch (e) {
      error.textContent = errorMessage(e);
      button.disabled = false;
    }
  };
  const refresh = h('button', { type: 'button', class: 'btn upload-refresh' }, t('upload.refresh'));
  refresh.addEventListener('click', () =>
    run(refresh, async () => {
      const next = await uploads.propose(reply.upload.id, choices);
      outlet.replaceChildren(editor(outlet, next, choices));
    }),
  );
  const submit = h('button', { type: 'button', class: 'btn btn-primary upload-submit' }, t('upload.submit'));
  submit.addEventListener('click', () =>
    run(submit, async () => {
      const { version } = await uploads.submit(reply.upload.id, choices);
      refresh.disabled = true;
      status.textContent = t('upload.submitted', { model: version.model, version: version.versionNo });
    }),
  );
  const { plan } = reply.proposal;
  const columns = reply.upload.columns.map((c): [string, string] => [c.name, c.name]);
  choices.edits ??= {};
  const edits = choices.edits;
  return h(
    'div',
    { class: 'upload-editor' },
    h(
      'p',
      { class: 'muted' },
      t('upload.summary', {
        file: reply.upload.fileName,
        rows: reply.upload.rows,
        columns: reply.upload.columns.length,
      }),
    ),
    h(
      'section',
      { class: 'upload-model' },
      field(
        t('upload.modelId'),
        textInput(choices.model, 'model-id', (v) => (choices.model = v.trim())),
      ),
      field(
        t('upload.labelEn'),
        textInput(plan.label, 'model-label-en', (v) => (edits.label = { ...edits.label, en: v })),
      ),
      field(
        t('upload.labelZh'),
        textInput(plan.labelZh, 'model-label-zh', (v) => (edits.label = { ...edits.label, zh: v })),
      ),
      field(
        t('upload.key'),
        select(columns, plan.key, 'key-select', (v) => (choices.key = v)),
      ),
      field(
        t('upload.churn'),
        select(
          [['', t('upload.noChurn')], ...columns],
          plan.churn?.column ?? '',
          'churn-select',
          (v) => (choices.churnColumn = v || undefined),
        ),
      ),
      plan.churn &&
        h('p', { class: 'muted small upload-churn-kind' }, t(`upload.churnKind.${plan.churn.kind}`)),
    ),
    h('h2', null, t('upload.columns')),
    h(
      'div',
      { class: 'upload-columns' },
      plan.attributes.map((a) => columnCard(a, reply, choices)),
    ),
    h('div', { class: 'button-row' }, refresh, submit),
    error,
    status,
    proposalPanel(reply),
  );
}

/** The upload screen: pick a CSV, then edit and submit the proposed model. */
export function uploadScreen(outlet: HTMLElement): void {
  const body = h('div', { class: 'upload-body' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const input = h('input', {
    type: 'file',
    accept: '.csv,text/csv',
    class: 'upload-file',
    id: uid('upload-file'),
  });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    error.textContent = '';
    body.replaceChildren(loadingState(t('upload.reading')));
    try {
      const reply = await uploads.send(file, file.name);
      body.replaceChildren(editor(body, reply, { model: reply.proposal.model }));
    } catch (e) {
      body.replaceChildren();
      error.textContent = errorMessage(e);
    }
  });
  outlet.replaceChildren(
    h(
      'div',
      { class: 'upload' },
      h('h1', null, t('upload.title')),
      h('p', { class: 'muted' }, t('upload.intro')),
      field(t('upload.file'), input),
      error,
      body,
    ),
  );
}
