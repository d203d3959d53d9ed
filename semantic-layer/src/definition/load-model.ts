import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Issue, IssueLog } from '../issues.ts';
import type { SemanticModel } from '../model.ts';
import { checkRollups } from '../rollup/check-rollups.ts';
import { compileTags } from './compile-tags.ts';
import { MODEL_FILES } from './model-files.ts';
import { RollupsFileSchema } from './rollups-schema.ts';
import {
  ChurnFileSchema,
  DimensionsFileSchema,
  MetricsFileSchema,
  ModelFileSchema,
  MonitorsFileSchema,
  PlaybookFileSchema,
  SourcesFileSchema,
} from './schema.ts';
import { TagsFileSchema } from './tags-schema.ts';
import { validateModel } from './validate-model.ts';

export { MODEL_FILES } from './model-files.ts';

const OPTIONAL_FILES = new Set(['playbook.yaml', 'monitors.yaml', 'churn.yaml', 'tags.yaml', 'rollups.yaml']);
const NO_CHURN = {
  churn: { type: 'label', table: 'customers', customer: 'customer_id', column: 'churn_label' },
};

export type LoadResult =
  | { ok: true; model: SemanticModel; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

/** Reads the definition files of `models/<name>/` (sub-folders such as `ingest/` are not definitions). */
export function readModelFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.yaml') && statSync(join(dir, name)).isFile())
      files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

/** Loads and validates a model folder. Nothing half-loaded is returned: any error → `ok: false`. */
export function loadModelFromDir(dir: string): LoadResult {
  return loadModel(readModelFiles(dir));
}

/**
 * Loads a model from its YAML texts (a folder, or a draft version from the app store).
 * Every issue is collected, with file, YAML path and line, before failing once.
 */
export function loadModel(files: Record<string, string>): LoadResult {
  const log = new IssueLog();
  const parsed: Record<string, unknown> = {};
  const schemas: Record<string, z.ZodType> = {
    'model.yaml': ModelFileSchema,
    'sources.yaml': SourcesFileSchema,
    'dimensions.yaml': DimensionsFileSchema,
    'metrics.yaml': MetricsFileSchema,
    'churn.yaml': ChurnFileSchema,
    'playbook.yaml': PlaybookFileSchema,
    'monitors.yaml': MonitorsFileSchema,
    'tags.yaml': TagsFileSchema,
    'rollups.yaml': RollupsFileSchema,
  };
  for (const file of MODEL_FILES) {
    const text = files[file];
    if (text === undefined) {
      if (!OPTIONAL_FILES.has(file)) log.error('missing_file', `${file} is missing`, { file });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, merge: true });
    for (const e of doc.errors) {
      log.error('yaml_syntax', e.message.split('\n')[0]!, { file, line: lines.linePos(e.pos[0]).line });
    }
    if (doc.errors.length) continue;
    const result = schemas[file]!.safeParse(doc.toJS());
    if (!result.success) {
      for (const zi of result.error.issues) {
        const path = zi.path.map(String);
        const node = doc.getIn(path, true);
        const line = isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined;
        log.error('invalid_shape', zi.message, { file, path: path.join('.'), line });
      }
      continue;
    }
    parsed[file] = result.data;
  }
  // A file that did not parse is left out, with the checks that need it; the others are still checked
  // for meaning, so one load reports every issue of every file. The model is only returned when clean.
  const valid = new Set(Object.keys(parsed));
  if (files['churn.yaml'] === undefined) {
    parsed['churn.yaml'] = ChurnFileSchema.parse(NO_CHURN);
    log.warn(
      'missing_file',
      'churn.yaml is missing: no churn definition, so churn metrics and analyses are empty',
      {
        file: 'churn.yaml',
      },
    );
  }
  for (const optional of OPTIONAL_FILES)
    if (!valid.has(optional) && files[optional] === undefined) valid.add(optional);

  const m = (parsed['model.yaml'] ?? PLACEHOLDER_MODEL) as z.infer<typeof ModelFileSchema>;
  const sources = (parsed['sources.yaml'] as z.infer<typeof SourcesFileSchema> | undefined)?.sources ?? {};
  const dimensions =
    (parsed['dimensions.yaml'] as z.infer<typeof DimensionsFileSchema> | undefined)?.dimensions ?? {};
  const metrics = (parsed['metrics.yaml'] as z.infer<typeof MetricsFileSchema> | undefined)?.metrics ?? {};
  const churn = parsed['churn.yaml'] as z.infer<typeof ChurnFileSchema>;
  const playbook =
    (parsed['playbook.yaml'] as z.infer<typeof PlaybookFileSchema> | undefined)?.playbook ?? {};
  const monitors =
    (parsed['monitors.yaml'] as z.infer<typeof MonitorsFileSchema> | undefined)?.monitors ?? {};

  const measureSources: Record<string, string> = {};
  for (const [sourceId, source] of Object.entries(sources)) {
    for (const measureId of Object.keys(source.measures)) {
      if (measureSources[measureId]) {
        log.error(
          'duplicate_id',
          `measure ${measureId} is defined by ${measureSources[measureId]} and ${sourceId}`,
          {
            file: 'sources.yaml',
            path: `sources.${sourceId}.measures.${measureId}`,
          },
        );
      } else measureSources[measureId] = sourceId;
    }
  }

  const model: SemanticModel = {
    id: m.id,
    label: m.label,
    description: m.description,
    timezone: m.timezone,
    currency: m.currency,
    asOf: m.as_of,
    defaultMetric: m.default_metric,
    rowLevelSecurity: m.row_level_security,
    synonyms: m.synonyms ?? { zh: [], en: [] },
    calendar: m.calendar ?? {},
    drillPaths: m.drill_paths,
    sources: Object.fromEntries(Object.entries(sources).map(([id, s]) => [id, { ...s, id }])),
    dimensions: Object.fromEntries(Object.entries(dimensions).map(([id, d]) => [id, { ...d, id }])),
    metrics: Object.fromEntries(Object.entries(metrics).map(([id, d]) => [id, { ...d, id }])),
    measureSources,
    churn,
    playbook,
    monitors,
    tags: {},
    rollups: (parsed['rollups.yaml'] as z.infer<typeof RollupsFileSchema> | undefined)?.rollups ?? {},
    version: contentHash(files),
    files: { ...files },
  };
  // Tags become boolean dimensions (compile-tags.ts), checked with the rest of the model.
  const tagFile = parsed['tags.yaml'] as z.infer<typeof TagsFileSchema> | undefined;
  if (tagFile && valid.has('dimensions.yaml') && valid.has('sources.yaml')) {
    const compiled = compileTags(tagFile.tags, model, log);
    Object.assign(model.dimensions, compiled.dimensions);
    model.tags = compiled.tags;
  }
  validateModel(model, log, valid);
  // Rollups resolve their metrics like queries: only on a model that is otherwise clean.
  if (!log.hasErrors) checkRollups(model, log);
  locateIssues(log.issues, files);
  if (log.hasErrors) return { ok: false, issues: log.issues };
  return { ok: true, model, warnings: log.warnings };
}

/** Stands in for a model.yaml that did not parse, so the other files can still be checked (never returned). */
const PLACEHOLDER_MODEL: z.infer<typeof ModelFileSchema> = {
  id: 'invalid',
  label: { zh: '-', en: '-' },
  description: { zh: '-', en: '-' },
  timezone: 'UTC',
  currency: 'CNY',
  as_of: '1970-01-01',
  default_metric: 'invalid',
  row_level_security: [],
  synonyms: { zh: [], en: [] },
  calendar: {},
  drill_paths: [],
};

/** Fills in the line of issues that have a file and a YAML path but no line yet. */
function locateIssues(issues: Issue[], files: Record<string, string>): void {
  const docs = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: LineCounter }>();
  for (const issue of issues) {
    if (issue.line || !issue.file || !issue.path || files[issue.file] === undefined) continue;
    let entry = docs.get(issue.file);
    if (!entry) {
      const lines = new LineCounter();
      entry = { doc: parseDocument(files[issue.file]!, { lineCounter: lines, merge: true }), lines };
      docs.set(issue.file, entry);
    }
    const node = entry.doc.getIn(issue.path.split('.'), true);
    if (isNode(node) && node.range) issue.line = entry.lines.linePos(node.range[0]).line;
  }
}

/** The model version: a short hash over the definition files in name order. */
export function contentHash(files: Record<string, string>): string {
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) h.update(`${name}\0${files[name]}\0`);
  return h.digest('hex').slice(0, 12);
}
