/**
 * Reads an ingest mapping file and checks it against the canonical model, collecting every issue
 * (file, YAML path, line) before failing once, so an analyst fixes them all in one pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  CANONICAL_TABLE_NAMES,
  type CanonicalTableName,
  type CanonicalType,
  canonicalTable,
} from '../../canonical/canonical-schema.ts';
import { expandPathVariables } from '../shared-data.ts';
import type { MappingIssue } from './mapping-issue.ts';
import { columnObjectOf, type Mapping, mappingSchema } from './mapping-schema.ts';

/** The extension table for source-specific customer attributes (canonical-schema.ts header). */
export const ATTRIBUTES_TABLE = 'customer_attributes';
export type TargetTableName = CanonicalTableName | typeof ATTRIBUTES_TABLE;

/** A mapping that passed every static check, with file paths made absolute. */
export interface LoadedMapping {
  file: string;
  dir: string;
  mapping: Mapping;
  /** Absolute file path per file source. */
  filePaths: Record<string, string>;
  /** Finds the line of a YAML path, for issues found later (unknown source columns). */
  lineOf(path: (string | number)[]): number | undefined;
}

export type MappingLoadResult = { ok: true; loaded: LoadedMapping } | { ok: false; issues: MappingIssue[] };

type ZodIssue = z.core.$ZodIssue;

/**
 * A union failure ("string or object") says little; the branch that got furthest (fewest issues,
 * then the deepest path, then not a plain type mismatch) tells the analyst what to fix.
 */
function flattenUnions(issues: readonly ZodIssue[]): ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const depth = (xs: ZodIssue[]) => Math.max(...xs.map((x) => x.path.length));
    const typeOnly = (xs: ZodIssue[]) =>
      xs.every((x) => x.code === 'invalid_type' && x.path.length === 0) ? 1 : 0;
    const best = [...issue.errors].sort(
      (a, b) => a.length - b.length || depth(b) - depth(a) || typeOnly(a) - typeOnly(b),
    )[0]!;
    return flattenUnions(best).map((x) => ({ ...x, path: [...issue.path, ...x.path] }));
  });
}

/** Loads and validates a mapping file; every problem comes back at once as a value. */
export function loadMapping(file: string): MappingLoadResult {
  const abs = resolve(file);
  if (!existsSync(abs)) {
    return {
      ok: false,
      issues: [{ code: 'source_unreadable', file: abs, path: '', message: 'file not found' }],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(abs, 'utf8'), { lineCounter, uniqueKeys: true });
  const lineOf = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range) {
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return undefined;
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        code: 'yaml_syntax' as const,
        file: abs,
        path: '',
        line: e.linePos?.[0]?.line,
        message: e.message.split('\n')[0]!,
      })),
    };
  }
  const parsed = mappingSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      issues: flattenUnions(parsed.error.issues).map((i) => {
        const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        return {
          code: 'invalid_shape' as const,
          file: abs,
          path: path.join('.'),
          line: lineOf(path),
          message: i.message,
        };
      }),
    };
  }
  const mapping = parsed.data;
  const issues: MappingIssue[] = [];
  const issue = (code: MappingIssue['code'], path: (string | number)[], message: string) =>
    issues.push({ code, file: abs, path: path.join('.'), line: lineOf(path), message });

  const dir = dirname(abs);
  const filePaths: Record<string, string> = {};
  for (const [name, source] of Object.entries(mapping.sources)) {
    if (
      name === ATTRIBUTES_TABLE ||
      (CANONICAL_TABLE_NAMES as readonly string[]).includes(name) ||
      name.startsWith('__')
    )
      issue(
        'invalid_shape',
        ['sources', name],
        `source name "${name}" is reserved (a target table name); rename it`,
      );
    if (!('file' in source)) continue;
    const expanded = expandPathVariables(source.file);
    const path = resolve(dir, expanded.path);
    filePaths[name] = path;
    if (expanded.unset.length)
      issue(
        'source_unreadable',
        ['sources', name, 'file'],
        `environment variable ${expanded.unset.join(', ')} is not set (used in "${source.file}")`,
      );
    else if (!existsSync(path))
      issue('source_unreadable', ['sources', name, 'file'], `file not found: ${path}`);
    else if (
      !source.format &&
      !['.csv', '.parquet', '.json', '.ndjson', '.jsonl', '.tsv'].includes(extname(path))
    )
      issue(
        'invalid_shape',
        ['sources', name, 'format'],
        'cannot tell the format from the extension; set format',
      );
  }

  for (const [tableName, table] of Object.entries(mapping.tables)) {
    const at = ['tables', tableName];
    const isAttributes = tableName === ATTRIBUTES_TABLE;
    if (!isAttributes && !(CANONICAL_TABLE_NAMES as readonly string[]).includes(tableName)) {
      issue(
        'unknown_table',
        at,
        `not a canonical table (${CANONICAL_TABLE_NAMES.join(', ')}, ${ATTRIBUTES_TABLE})`,
      );
      continue;
    }
    const canonical = isAttributes ? null : canonicalTable(tableName as CanonicalTableName);
    const aliases = [table.from, ...(table.join ?? []).map((j) => j.source)];
    aliases.forEach((alias, i) => {
      if (!(alias in mapping.sources))
        issue(
          'unknown_source',
          i === 0 ? [...at, 'from'] : [...at, 'join', i - 1, 'source'],
          `no source "${alias}"`,
        );
    });
    for (const [colName, spec] of Object.entries(table.columns)) {
      const col = columnObjectOf(spec);
      const cp = [...at, 'columns', colName];
      const canonicalCol = canonical?.columns.find((c) => c.name === colName);
      if (canonical && !canonicalCol) {
        issue(
          'unknown_column',
          cp,
          `${tableName} has no column ${colName}; put source attributes in ${ATTRIBUTES_TABLE}`,
        );
        continue;
      }
      if (isAttributes && colName !== 'customer_id' && !col.type)
        issue('missing_type', cp, `declare a type for ${ATTRIBUTES_TABLE} columns`);
      if (isAttributes && !/^[a-z][a-z0-9_]*$/.test(colName))
        issue('invalid_shape', cp, 'use snake_case column names');
      const type: CanonicalType | undefined = col.type ?? canonicalCol?.type;
      if (col.format && type !== 'DATE' && type !== 'TIMESTAMP')
        issue('invalid_shape', [...cp, 'format'], 'format applies to DATE and TIMESTAMP columns only');
    }
    const required = isAttributes
      ? ['customer_id']
      : canonical!.columns.filter((c) => c.required).map((c) => c.name);
    for (const name of required)
      if (!(name in table.columns))
        issue('missing_required_column', [...at, 'columns'], `required column ${name} is not mapped`);
    const key = table.key ?? (isAttributes ? ['customer_id'] : [...canonical!.primaryKey]);
    for (const k of key)
      if (!(k in table.columns)) issue('bad_key', [...at, 'key'], `key column ${k} is not mapped`);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, loaded: { file: abs, dir, mapping, filePaths, lineOf } };
}
