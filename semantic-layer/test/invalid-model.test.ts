import { describe, expect, it } from 'vitest';
import { loadModel, readModelFiles } from '../src/index.ts';
import type { Issue } from '../src/issues.ts';

/**
 * A copy of the retail model with deliberate errors spread over several files: loading it reports
 * every one at once (file, YAML path, line, code) and returns no model at all.
 */

const RETAIL = new URL('../models/retail', import.meta.url).pathname;

/** Replaces the one occurrence of `from` in `files[file]`; returns the 1-based line where `marker` now is. */
function edit(files: Record<string, string>, file: string, from: string, to: string, marker = to): number {
  const text = files[file]!;
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`${file}: expected exactly one "${from}"`);
  files[file] = text.slice(0, at) + to + text.slice(at + from.length);
  return files[file]!.slice(0, files[file]!.indexOf(marker)).split('\n').length;
}

/** The retail files with seven errors; returns them and where each error is. */
function brokenRetail() {
  const files = readModelFiles(RETAIL);
  const lines = {
    unknown: edit(files, 'metrics.yaml', 'numerator: churned_customers', 'numerator: churned_customerz'),
    cycle: edit(files, 'metrics.yaml', 'expr: "1 - {churn_rate}"', 'expr: "1 - {churn_rate} + 0 * {clv}"'),
    cycleBack: edit(
      files,
      'metrics.yaml',
      'expr: "{revenue_per_customer} * 0.3 * (1 - {churn_rate}) / (1 + 0.025 - (1 - {churn_rate}))"',
      'expr: "{revenue_per_customer} * 0.3 * {retention_rate} / (1 + 0.025 - {retention_rate})"',
    ),
    grains: edit(
      files,
      'dimensions.yaml',
      '    sql: region\n',
      '    sql: region\n    grains: [month]\n',
      'grains',
    ),
    synonym: edit(
      files,
      'dimensions.yaml',
      'zh: [区域, 大区, 地域, 片区,',
      'zh: [区域, 大区, 地域, 片区, 收入,',
    ),
    fanOut: edit(
      files,
      'sources.yaml',
      '    time: created_ts\n    joins:\n',
      '    time: created_ts\n    joins:\n      - { to: orders, on: { customer_id: customer_id }, relationship: many_to_one }\n',
      '{ to: orders',
    ),
    eventSource: edit(
      files,
      'sources.yaml',
      'with_event_in_period: tickets',
      'with_event_in_period: ticketz',
    ),
    syntax: edit(files, 'churn.yaml', 'window_days: 90', 'window_days: [90'),
  };
  return { files, lines };
}

const find = (issues: Issue[], code: Issue['code'], file: string) =>
  issues.filter((i) => i.code === code && i.file === file);

describe('an invalid model', () => {
  it('loads as shipped (the errors below are the only ones)', () => {
    const r = loadModel(readModelFiles(RETAIL));
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('reports every error of every file at once, with file, YAML path, line and code, and serves nothing', () => {
    const { files, lines } = brokenRetail();
    const r = loadModel(files);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect('model' in r).toBe(false);
    const issues = r.issues;

    expect(find(issues, 'unknown_member', 'metrics.yaml')).toContainEqual(
      expect.objectContaining({
        path: 'metrics.churn_rate.numerator',
        line: lines.unknown,
        severity: 'error',
      }),
    );
    expect(find(issues, 'type_mismatch', 'dimensions.yaml')).toContainEqual(
      expect.objectContaining({ path: 'dimensions.region.grains', line: lines.grains }),
    );
    // Reported once (clv names retention_rate twice), at the body of the first metric of the cycle.
    expect(find(issues, 'cycle', 'metrics.yaml')).toEqual([
      expect.objectContaining({
        path: 'metrics.retention_rate',
        line: lines.cycle - 1,
        message: expect.stringContaining('retention_rate → clv → retention_rate'),
      }),
    ]);
    expect(find(issues, 'fan_out', 'sources.yaml')).toEqual([
      expect.objectContaining({ path: 'sources.tickets.joins.0.on', line: lines.fanOut }),
    ]);
    expect(find(issues, 'duplicate_synonym', 'dimensions.yaml')).toEqual([
      expect.objectContaining({ path: 'dimensions.region.synonyms.zh', line: lines.synonym }),
    ]);
    expect(find(issues, 'duplicate_synonym', 'dimensions.yaml')[0]!.message).toContain('收入');
    expect(find(issues, 'unknown_source', 'sources.yaml')).toEqual([
      expect.objectContaining({
        path: 'sources.customer_spells.measures.complaining_active_count.with_event_in_period',
        line: lines.eventSource,
        message: expect.stringContaining('ticketz'),
      }),
    ]);
    // The parser notices the unclosed bracket where the next key starts.
    const syntax = find(issues, 'yaml_syntax', 'churn.yaml');
    expect(syntax.length).toBeGreaterThanOrEqual(1);
    expect(syntax.every((i) => i.line! >= lines.syntax && i.line! <= lines.syntax + 1)).toBe(true);

    // Nothing else: each issue is one of the planted errors.
    const planted = new Set([
      'unknown_member',
      'type_mismatch',
      'cycle',
      'fan_out',
      'duplicate_synonym',
      'unknown_source',
      'yaml_syntax',
    ]);
    expect(issues.filter((i) => !planted.has(i.code))).toEqual([]);
    for (const i of issues) {
      expect(i.file, `${i.code} has a file`).toBeTruthy();
      expect(i.line, `${i.code} has a line`).toBeGreaterThan(0);
      if (i.code !== 'yaml_syntax') expect(i.path, `${i.code} has a YAML path`).toBeTruthy();
    }
  });

  it('still reports a file whose shape is wrong beside the meaning errors of the others', () => {
    const { files } = brokenRetail();
    edit(files, 'model.yaml', 'default_metric: churn_rate', 'default_metric: 42');
    const r = loadModel(files);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(
      expect.objectContaining({ code: 'invalid_shape', file: 'model.yaml', path: 'default_metric' }),
    );
    expect(r.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['cycle', 'fan_out', 'yaml_syntax']));
  });

  it('gives the same issues in the same order on every load', () => {
    const a = loadModel(brokenRetail().files);
    const b = loadModel(brokenRetail().files);
    expect(a).toEqual(b);
  });
});
