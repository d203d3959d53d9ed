import type { IssueLog } from '../issues.ts';
import { measureOf, metricDependencies, type SemanticModel } from '../model.ts';
import { checkModelSql } from './check-model-sql.ts';
import { MODEL_FILES } from './model-files.ts';

/** Characters a derived-metric expression may use besides `{metric}` references. */
const DERIVED_EXPR = /^[\d\s.+\-*/()]*$/;

const ALL_FILES: ReadonlySet<string> = new Set(MODEL_FILES);

/**
 * Checks what zod cannot: references, types, cycles among metrics, joins that would double count,
 * synonyms claimed twice. Adds every issue to `log` (with file and path) and never throws.
 * `valid` names the files that parsed: a check that reads a file missing from it is skipped, so a
 * broken file does not also show up as false errors in the files that refer to it.
 */
export function validateModel(model: SemanticModel, log: IssueLog, valid = ALL_FILES): void {
  const has = (...files: string[]) => files.every((f) => valid.has(f));
  if (has('sources.yaml')) checkSources(model, log);
  if (has('dimensions.yaml', 'sources.yaml')) checkDimensions(model, log);
  if (has('metrics.yaml', 'sources.yaml')) checkMetrics(model, log);
  if (has('metrics.yaml')) checkCycles(model, log);
  checkSynonyms(model, log);
  checkModelSql(model, log, (file) => has(file));
  if (has('model.yaml', 'metrics.yaml') && !model.metrics[model.defaultMetric]) {
    log.error('unknown_member', `default_metric ${model.defaultMetric} is not a metric`, {
      file: 'model.yaml',
      path: 'default_metric',
    });
  }
  if (has('model.yaml', 'dimensions.yaml')) checkRowLevelSecurity(model, log);
  if (has('metrics.yaml', 'dimensions.yaml')) checkPerCustomer(model, log);
  if (has('monitors.yaml', 'metrics.yaml', 'dimensions.yaml', 'churn.yaml')) checkMonitors(model, log);
}

/** `per_customer` names a numeric dimension. */
function checkPerCustomer(model: SemanticModel, log: IssueLog): void {
  for (const m of Object.values(model.metrics)) {
    if (!m.per_customer) continue;
    const d = model.dimensions[m.per_customer];
    if (d?.type !== 'numeric')
      log.error(
        'unknown_member',
        `per_customer of ${m.id} must name a numeric dimension, not ${m.per_customer}`,
        {
          file: 'metrics.yaml',
          path: `metrics.${m.id}.per_customer`,
        },
      );
  }
}

function checkRowLevelSecurity(model: SemanticModel, log: IssueLog): void {
  model.rowLevelSecurity.forEach((r, i) => {
    if (!model.dimensions[r.dimension])
      log.error('unknown_member', `row-level security names unknown dimension ${r.dimension}`, {
        file: 'model.yaml',
        path: `row_level_security.${i}.dimension`,
      });
  });
  model.drillPaths.forEach((path, i) => {
    path.forEach((dimension, j) => {
      if (!model.dimensions[dimension])
        log.error('unknown_member', `drill path names unknown dimension ${dimension}`, {
          file: 'model.yaml',
          path: `drill_paths.${i}.${j}`,
        });
    });
  });
}

function checkSources(model: SemanticModel, log: IssueLog): void {
  for (const source of Object.values(model.sources)) {
    const file = 'sources.yaml';
    const at = `sources.${source.id}`;
    if (Boolean(source.table) === Boolean(source.sql))
      log.error('invalid_shape', 'a source needs exactly one of `table` or `sql`', { file, path: at });
    source.joins.forEach((j, i) => {
      const target = model.sources[j.to];
      if (!target) {
        log.error('unknown_source', `join to unknown source ${j.to}`, { file, path: `${at}.joins.${i}.to` });
        return;
      }
      // A many_to_one / one_to_one join must land on the target's whole primary key, or it multiplies rows.
      if (j.relationship !== 'one_to_many') {
        const onTarget = Object.values(j.on).sort().join(',');
        if (onTarget !== [...target.primary_key].sort().join(','))
          log.error(
            'fan_out',
            `join ${source.id} → ${j.to} is declared ${j.relationship} but is not on ${j.to}'s primary key (${target.primary_key.join(', ')}): it would double count`,
            { file, path: `${at}.joins.${i}.on` },
          );
      }
    });
    for (const [mid, m] of Object.entries(source.measures)) {
      if (m.at && !source.validity)
        log.error('type_mismatch', `state measure ${mid} needs the source to declare validity`, {
          file,
          path: `${at}.measures.${mid}.at`,
        });
      if (m.ending_in_period && !m.at)
        log.error('type_mismatch', `ending_in_period only applies to state measures (at: period_start)`, {
          file,
          path: `${at}.measures.${mid}.ending_in_period`,
        });
      if (m.with_event_in_period) {
        const path = `${at}.measures.${mid}.with_event_in_period`;
        const event = model.sources[m.with_event_in_period];
        if (!m.at || !source.validity?.entity)
          log.error(
            'type_mismatch',
            `with_event_in_period only applies to state measures (at: period_start) of a source whose validity names an entity`,
            { file, path },
          );
        else if (!event)
          log.error('unknown_source', `with_event_in_period names unknown source ${m.with_event_in_period}`, {
            file,
            path,
          });
        else if (!event.time)
          log.error(
            'type_mismatch',
            `source ${event.id} has no time column, so it has no events in a period`,
            {
              file,
              path,
            },
          );
      }
      if (m.agg === 'percentile' && m.percentile === undefined)
        log.error('invalid_shape', `percentile measure ${mid} needs percentile: 0..1`, {
          file,
          path: `${at}.measures.${mid}`,
        });
    }
  }
}

function checkDimensions(model: SemanticModel, log: IssueLog): void {
  const file = 'dimensions.yaml';
  for (const d of Object.values(model.dimensions)) {
    const at = `dimensions.${d.id}`;
    if (model.metrics[d.id])
      log.error('duplicate_id', `${d.id} is both a dimension and a metric`, { file, path: at });
    if (!model.sources[d.source])
      log.error('unknown_source', `dimension ${d.id} reads unknown source ${d.source}`, {
        file,
        path: `${at}.source`,
      });
    d.alternates.forEach((a, i) => {
      if (!model.sources[a.source])
        log.error('unknown_source', `unknown source ${a.source}`, {
          file,
          path: `${at}.alternates.${i}.source`,
        });
    });
    if (d.type === 'numeric_band') {
      const bands = d.bands ?? [];
      if (bands.length < 2)
        log.error('invalid_shape', 'numeric_band needs at least two bands', { file, path: `${at}.bands` });
      bands.forEach((b, i) => {
        const last = i === bands.length - 1;
        if (last !== (b.lt === undefined))
          log.error('invalid_shape', 'every band but the last needs `lt`; the last has none', {
            file,
            path: `${at}.bands.${i}`,
          });
        const prev = bands[i - 1]?.lt;
        if (b.lt !== undefined && prev !== undefined && b.lt <= prev)
          log.error('invalid_shape', 'bands must be in increasing order of `lt`', {
            file,
            path: `${at}.bands.${i}.lt`,
          });
      });
    }
    if (d.type !== 'time' && d.grains)
      log.error('type_mismatch', 'only time dimensions have grains', { file, path: `${at}.grains` });
  }
}

function checkMetrics(model: SemanticModel, log: IssueLog): void {
  const file = 'metrics.yaml';
  const need = (id: string, path: string, what = 'metric') => {
    if (!model.metrics[id]) log.error('unknown_member', `unknown ${what} ${id}`, { file, path });
  };
  for (const m of Object.values(model.metrics)) {
    const at = `metrics.${m.id}`;
    switch (m.type) {
      case 'simple':
        if (!measureOf(model, m.measure))
          log.error('unknown_member', `unknown measure ${m.measure}`, { file, path: `${at}.measure` });
        break;
      case 'ratio':
        need(m.numerator, `${at}.numerator`);
        need(m.denominator, `${at}.denominator`);
        break;
      case 'derived': {
        const refs = metricDependencies(m);
        if (!refs.length)
          log.error('invalid_shape', 'a derived metric refers to at least one {metric}', {
            file,
            path: `${at}.expr`,
          });
        for (const r of refs) need(r, `${at}.expr`);
        if (!DERIVED_EXPR.test(m.expr.replace(/\{[a-z][a-z0-9_]*\}/g, '')))
          log.error(
            'invalid_shape',
            'derived expressions may only use {metric}, numbers, + - * / and parentheses',
            {
              file,
              path: `${at}.expr`,
            },
          );
        break;
      }
      case 'cumulative':
      case 'period_over_period':
        need(m.metric, `${at}.metric`);
        break;
      case 'cohort_retention':
        if (!model.sources[m.cohort_source])
          log.error('unknown_source', `unknown source ${m.cohort_source}`, {
            file,
            path: `${at}.cohort_source`,
          });
        break;
    }
  }
}

function checkCycles(model: SemanticModel, log: IssueLog): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const m = model.metrics[id];
    if (!m || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      log.error('cycle', `metrics depend on each other in a cycle: ${cycle.join(' → ')}`, {
        file: 'metrics.yaml',
        path: `metrics.${id}`,
      });
      return;
    }
    state.set(id, 'visiting');
    for (const dep of metricDependencies(m)) visit(dep, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of Object.keys(model.metrics)) visit(id, []);
}

/** The same word may not name two members: an interpreter could not tell them apart. */
function checkSynonyms(model: SemanticModel, log: IssueLog): void {
  const owners = new Map<string, string>();
  const members = [
    ...Object.values(model.metrics).map((m) => ({ m, file: 'metrics.yaml', path: `metrics.${m.id}` })),
    ...Object.values(model.dimensions).map((m) => ({
      m,
      file: m.tag ? 'tags.yaml' : 'dimensions.yaml',
      path: `${m.tag ? 'tags' : 'dimensions'}.${m.id}`,
    })),
  ];
  for (const { m, file, path } of members) {
    const words = new Set(
      [m.id, m.label.zh, m.label.en, ...m.synonyms.zh, ...m.synonyms.en].map((w) => w.trim().toLowerCase()),
    );
    for (const w of words) {
      const owner = owners.get(w);
      if (owner && owner !== m.id)
        log.error('duplicate_synonym', `"${w}" names both ${owner} and ${m.id}`, {
          file,
          path: `${path}.synonyms${synonymList(m.synonyms, w)}`,
        });
      else owners.set(w, m.id);
    }
  }
}

/** `.zh` or `.en`: the synonym list that holds `word` (so the issue points at its line); '' for an id or label. */
function synonymList(synonyms: { zh: string[]; en: string[] }, word: string): string {
  for (const lang of ['zh', 'en'] as const)
    if (synonyms[lang].some((s) => s.trim().toLowerCase() === word)) return `.${lang}`;
  return '';
}

/** Monitors name metrics, dimensions and early-warning rules of this model; a change alert in pp needs a rate. */
function checkMonitors(model: SemanticModel, log: IssueLog): void {
  const file = 'monitors.yaml';
  for (const [mid, m] of Object.entries(model.monitors)) {
    const at = `monitors.${mid}`;
    if (m.kind === 'early_warning') {
      m.rules.forEach((r, i) => {
        if (!model.churn.early_warning[r])
          log.error('unknown_member', `monitor ${mid} names unknown early-warning rule ${r}`, {
            file,
            path: `${at}.rules.${i}`,
          });
      });
      if (!model.dimensions[m.group_by])
        log.error('unknown_member', `monitor ${mid} groups by unknown dimension ${m.group_by}`, {
          file,
          path: `${at}.group_by`,
        });
      continue;
    }
    const metric = model.metrics[m.metric];
    if (!metric)
      log.error('unknown_member', `monitor ${mid} names unknown metric ${m.metric}`, {
        file,
        path: `${at}.metric`,
      });
    m.filters.forEach((f, i) => {
      if (!model.dimensions[f.member])
        log.error('unknown_member', `monitor ${mid} filters on unknown dimension ${f.member}`, {
          file,
          path: `${at}.filters.${i}.member`,
        });
    });
    m.breakdown.forEach((d, i) => {
      if (!model.dimensions[d])
        log.error('unknown_member', `monitor ${mid} breaks down by unknown dimension ${d}`, {
          file,
          path: `${at}.breakdown.${i}`,
        });
    });
    if (metric && m.condition.type === 'change' && m.condition.unit === 'pp' && metric.format !== 'percent')
      log.error('type_mismatch', `monitor ${mid}: a change in pp needs a percent metric`, {
        file,
        path: `${at}.condition.unit`,
      });
  }
}
