import type { Answer } from '../api/types.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageId } from '../i18n/messages-en.ts';

function sqlBlock(sql: string, params: unknown[] | undefined, index: number, copy: (text: string) => void) {
  return h(
    'div',
    { class: 'sql-block' },
    h(
      'div',
      { class: 'sql-block-bar' },
      h('span', { class: 'muted' }, t('provenance.query', { n: index + 1 })),
      h(
        'button',
        { type: 'button', class: 'btn btn-small', onclick: () => copy(sql) },
        t('provenance.copySql'),
      ),
    ),
    h('pre', null, h('code', { class: 'sql' }, sql)),
    params &&
      params.length > 0 &&
      h('p', { class: 'muted params' }, `${t('provenance.params')}: ${JSON.stringify(params)}`),
  );
}

/** "How this was computed": definitions used, the compiled SQL with its parameters, model version, timings. */
export function provenancePanel(answer: Answer): HTMLDetailsElement {
  const { provenance, interpretation } = answer;
  const copy = (text: string) => void navigator.clipboard?.writeText(text).catch(() => {});
  const timings = Object.entries(provenance.timings ?? {});
  return h(
    'details',
    { class: 'provenance' },
    h('summary', null, t('provenance.title')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('provenance.modelVersion')),
      h('dd', null, h('code', { class: 'model-version' }, provenance.modelVersion)),
      h('dt', null, t('provenance.interpreter')),
      h(
        'dd',
        null,
        `${interpretation.interpreter === 'llm' ? 'LLM' : t('provenance.rules')} · ${interpretation.intent}`,
      ),
      interpretation.promptVersion && [
        h('dt', null, t('provenance.prompt')),
        h('dd', null, interpretation.promptVersion),
      ],
      provenance.answeredFrom && [
        h('dt', null, t('provenance.answeredFrom')),
        h(
          'dd',
          { class: 'answered-from' },
          provenance.answeredFrom.kind === 'rollup'
            ? t('provenance.fromRollup', {
                rollup: provenance.answeredFrom.rollup ?? '',
                grain: t(`chips.grain.${provenance.answeredFrom.grain ?? 'month'}` as MessageId),
              })
            : t('provenance.fromBase'),
        ),
      ],
      h('dt', null, t('provenance.elapsed')),
      h(
        'dd',
        null,
        `${Math.round(provenance.elapsedMs)} ms`,
        timings.length > 0 &&
          h(
            'span',
            { class: 'muted' },
            ` (${timings.map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')})`,
          ),
      ),
    ),
    provenance.definitions.length > 0 &&
      h(
        'section',
        null,
        h('h4', null, t('provenance.definitions')),
        h(
          'dl',
          { class: 'definitions' },
          provenance.definitions.map((d) => [
            h('dt', null, d.label, ' ', h('code', { class: 'muted' }, d.id)),
            h('dd', null, d.description),
          ]),
        ),
      ),
    interpretation.assumptions.length > 0 &&
      h(
        'section',
        null,
        h('h4', null, t('provenance.assumptions')),
        h(
          'ul',
          null,
          interpretation.assumptions.map((a) => h('li', null, a)),
        ),
      ),
    provenance.sql.length > 0 &&
      h(
        'section',
        null,
        h('h4', null, t('provenance.sql')),
        provenance.sql.map((sql, i) => sqlBlock(sql, provenance.params[i], i, copy)),
      ),
  );
}
