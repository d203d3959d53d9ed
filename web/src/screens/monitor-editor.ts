/**
 * Monitors in the catalog (#/monitors): the governed monitors of the model, and for analysts a form that
 * edits one (or a new one) into their draft's `monitors.yaml` — the same draft → review → publish flow as
 * every definition: save validates the draft, "Submit for review" sends it to the review queue.
 */
import { parseDocument } from 'yaml';
import { governance, type ModelVersionView } from '../api/governance.ts';
import { listMonitors, type MonitorView } from '../api/monitors.ts';
import { loadCatalog } from '../catalog-store.ts';
import { issueList } from '../components/issue-list.ts';
import { emptyState, errorMessage, loadInto } from '../components/states.ts';
import { h } from '../dom.ts';
import { pick, t } from '../i18n/i18n.ts';
import { currentModel } from '../model-choice.ts';
import { type MetricMonitor, monitorForm } from '../monitors/monitor-form.ts';
import '../monitors/monitors.css';
import { scheduleWords } from '../monitors/schedule-words.ts';
import { screenFrame } from '../monitors/screen-frame.ts';
import type { Route } from '../router.ts';
import { currentUser, hasRole } from '../session.ts';

const MONITORS_FILE = 'monitors.yaml';

/** The user's own draft of a model, or a new one from the published version. */
async function myDraft(model: string): Promise<ModelVersionView> {
  const me = currentUser()?.id;
  const mine = (await governance.versions(model, 'draft')).find((v) => v.authorId === me);
  const draft = mine ?? (await governance.createDraft(model));
  return governance.version(model, draft.versionNo);
}

/** `monitors.yaml` with one monitor set (comments and the other monitors kept). */
export function withMonitor(text: string | undefined, id: string, monitor: MetricMonitor): string {
  const doc = parseDocument(text?.trim() ? text : 'monitors: {}\n');
  doc.setIn(['monitors', id], doc.createNode(monitor));
  return doc.toString();
}

export function monitorEditorScreen(outlet: HTMLElement, route: Route): void {
  const [, model, id] = route.segments;
  if (model && id && hasRole('analyst')) editMonitor(outlet, model, id);
  else monitorList(outlet);
}

function monitorList(outlet: HTMLElement): void {
  const body = h('div', { class: 'monitors-body' });
  outlet.replaceChildren(
    screenFrame(
      'monitors',
      t('monitors.title'),
      { href: '#/catalog', label: t('nav.catalog') },
      t('monitors.intro'),
      body,
    ),
  );
  void loadInto(
    body,
    () => listMonitors(currentModel()),
    ({ model, monitors }) => {
      const editable = (m: MonitorView) => hasRole('analyst') && m.kind === 'metric';
      const list = monitors.map((m) =>
        h(
          'li',
          { class: 'monitor-card', 'data-monitor': m.id },
          h('h2', null, m.label ? pick(m.label) : m.id),
          h(
            'p',
            { class: 'muted' },
            t(`monitors.kind.${m.kind}` as 'monitors.kind.metric'),
            ' · ',
            m.schedule ? scheduleWords(m.schedule.cron) : '',
          ),
          typeof m.description === 'object' && m.description
            ? h('p', null, pick(m.description as { zh: string; en: string }))
            : null,
          editable(m) &&
            h(
              'a',
              { class: 'btn', href: `#/monitors/${encodeURIComponent(model)}/${encodeURIComponent(m.id)}` },
              t('monitors.edit'),
            ),
        ),
      );
      return [
        hasRole('analyst')
          ? h(
              'p',
              null,
              h(
                'a',
                { class: 'btn btn-primary', href: `#/monitors/${encodeURIComponent(model)}/new` },
                t('monitors.new'),
              ),
            )
          : h('span'),
        list.length ? h('ul', { class: 'monitor-list' }, list) : emptyState(t('monitors.intro')),
      ];
    },
  );
}

function editMonitor(outlet: HTMLElement, model: string, id: string): void {
  const body = h('div', { class: 'monitor-editor-body' });
  outlet.replaceChildren(
    screenFrame(
      'monitor-editor',
      t('monitors.title'),
      { href: '#/monitors', label: t('monitors.title') },
      null,
      body,
    ),
  );
  const isNew = id === 'new';
  void loadInto(
    body,
    async () => {
      const [{ monitors }, catalog] = await Promise.all([listMonitors(model), loadCatalog(model)]);
      return { monitor: monitors.find((m) => m.id === id), catalog };
    },
    ({ monitor, catalog }) => {
      if (!isNew && monitor?.kind !== 'metric')
        return h(
          'p',
          null,
          t('monitors.earlyWarningYaml'),
          ' ',
          h('a', { href: '#/editor' }, t('nav.editor')),
        );
      const initial: MetricMonitor = monitor
        ? (({ id: _id, ...rest }) => rest as unknown as MetricMonitor)(monitor)
        : {
            kind: 'metric',
            label: { zh: '', en: '' },
            metric: catalog.metrics[0]?.id ?? '',
            filters: [],
            period: 'month',
            condition: { type: 'threshold', op: 'above', value: 0.1 },
            attribution: 'decomposition',
            schedule: { cron: '0 9 * * 1' },
            owner: currentUser()?.username ?? '',
          };
      const form = monitorForm(initial, catalog, isNew, isNew ? '' : id);
      const result = h('div', { class: 'monitor-save-result' });
      const save = h('button', { type: 'submit', class: 'btn btn-primary' }, t('monitors.save'));
      const element = h(
        'form',
        { class: 'monitor-form' },
        form.element,
        h('div', { class: 'button-row' }, save),
        result,
      );
      element.addEventListener('submit', async (event) => {
        event.preventDefault();
        const { id: monitorId, monitor: edited } = form.read();
        if (!/^[a-z][a-z0-9_]*$/.test(monitorId)) {
          result.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, t('monitors.badId')));
          return;
        }
        save.disabled = true;
        try {
          const draft = await myDraft(model);
          const text = withMonitor(draft.files?.[MONITORS_FILE], monitorId, edited);
          const { version, validation } = await governance.saveFiles(model, draft.versionNo, {
            [MONITORS_FILE]: text,
          });
          const errors = validation.issues.filter((i) => i.severity !== 'warning');
          const submit = h(
            'button',
            {
              type: 'button',
              class: 'btn btn-primary submit-review',
              disabled: errors.length > 0,
              onclick: async () => {
                try {
                  await governance.submit(model, version.versionNo);
                  submit.replaceWith(
                    h('p', { role: 'status' }, t('monitors.submitted', { no: version.versionNo })),
                  );
                } catch (error) {
                  result.append(h('p', { class: 'form-error', role: 'alert' }, errorMessage(error)));
                }
              },
            },
            t('monitors.submit'),
          );
          result.replaceChildren(
            h(
              'p',
              { role: 'status' },
              t(errors.length ? 'monitors.savedWithErrors' : 'monitors.savedTo', { no: version.versionNo }),
            ),
            issueList(validation.issues),
            h(
              'div',
              { class: 'button-row' },
              submit,
              h(
                'a',
                { class: 'btn', href: `#/editor/${encodeURIComponent(model)}/${version.versionNo}` },
                t('monitors.openDraft'),
              ),
            ),
          );
        } catch (error) {
          result.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, errorMessage(error)));
          const issues = (error as { issues?: [] }).issues;
          if (issues?.length) result.append(issueList(issues));
        } finally {
          save.disabled = false;
        }
      });
      return element;
    },
  );
}
