import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/definition/load-model.ts';
import { retailModel } from './load-fixture.ts';

/** rollups.yaml is checked on load like every definition file: shape by zod, meaning by resolving it. */
function loadWithRollups(yaml: string) {
  return loadModel({ ...retailModel().files, 'rollups.yaml': yaml });
}

const issuesOf = (yaml: string) => {
  const r = loadWithRollups(yaml);
  if (r.ok) throw new Error('expected the model to be refused');
  return r.issues.map((i) => ({ code: i.code, file: i.file, path: i.path }));
};

describe('rollups.yaml', () => {
  it('loads the shipped rollups', () => {
    expect(Object.keys(retailModel().rollups)).toEqual([
      'churn_overview',
      'churn_by_tier_at_start',
      'churn_by_region_tier_at_start',
    ]);
    expect(retailModel().rollups.churn_overview!.grains).toEqual(['month', 'quarter', 'year']);
  });

  it('refuses a wrong shape: an unknown grain, no metrics, a stray key', () => {
    const issues = issuesOf('rollups:\n  r:\n    metrics: []\n    grains: [hour]\n    dimension: [region]\n');
    expect(issues.every((i) => i.code === 'invalid_shape' && i.file === 'rollups.yaml')).toBe(true);
    expect(issues.map((i) => i.path).sort()).toEqual([
      'rollups.r',
      'rollups.r.grains.0',
      'rollups.r.metrics',
    ]);
  });

  it('names unknown members and time dimensions with their YAML path', () => {
    expect(
      issuesOf(
        'rollups:\n  r:\n    metrics: [churn_rate, nope]\n    dimensions: [region, snapshot_date, gone]\n    grains: [quarter]\n',
      ),
    ).toEqual([
      { code: 'unknown_member', file: 'rollups.yaml', path: 'rollups.r.metrics.1' },
      { code: 'type_mismatch', file: 'rollups.yaml', path: 'rollups.r.dimensions.1' },
      { code: 'unknown_member', file: 'rollups.yaml', path: 'rollups.r.dimensions.2' },
    ]);
  });

  it('refuses metrics its dimensions would double count', () => {
    const issues = issuesOf(
      'rollups:\n  r:\n    metrics: [revenue]\n    dimensions: [ticket_category]\n    grains: [month]\n',
    );
    expect(issues).toEqual([{ code: 'fan_out', file: 'rollups.yaml', path: 'rollups.r.metrics' }]);
  });
});
