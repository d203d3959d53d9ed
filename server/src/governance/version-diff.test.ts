import { describe, expect, it } from 'vitest';
import { diffVersions, isEmptySummary, summarizeChanges } from './version-diff.ts';

const v1 = {
  'metrics.yaml': 'metrics:\n  a: { type: simple, label: A }\n  b: { type: simple, label: B }\n',
  'churn.yaml': 'churn:\n  window_days: 90\n  window_overrides: {}\nearly_warning:\n  x: { when: "a > 1" }\n',
};

describe('diffVersions', () => {
  it('summarises members added, removed and changed, and settings by path', () => {
    const v2 = {
      'metrics.yaml': 'metrics:\n  a: { type: simple, label: A2 }\n  c: { type: simple, label: C }\n',
      'churn.yaml':
        'churn:\n  window_days: 120\n  window_overrides: { high: 60 }\nearly_warning:\n  x: { when: "a > 1" }\n',
      'playbook.yaml': 'playbook:\n  call: { priority: 1 }\n',
    };
    const diff = diffVersions(v1, v2, { from: 'v1', to: 'v2' });
    expect(diff.files.map((f) => [f.file, f.status])).toEqual([
      ['churn.yaml', 'modified'],
      ['metrics.yaml', 'modified'],
      ['playbook.yaml', 'added'],
    ]);
    expect(diff.summary.members.metrics).toEqual({
      added: ['c'],
      removed: ['b'],
      changed: [{ id: 'a', fields: ['label'] }],
    });
    expect(diff.summary.members.playbook).toEqual({ added: ['call'], removed: [], changed: [] });
    expect(diff.summary.members.early_warning).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.summary.settings).toEqual([
      { file: 'churn.yaml', path: 'churn.window_days', before: 90, after: 120 },
      { file: 'churn.yaml', path: 'churn.window_overrides.high', before: null, after: 60 },
    ]);
  });

  it('compares drafts that are not valid YAML by file only, naming the unreadable file', () => {
    const summary = summarizeChanges(v1, { ...v1, 'metrics.yaml': 'metrics: [' });
    expect(summary.unreadable).toEqual(['metrics.yaml']);
    expect(isEmptySummary(summarizeChanges(v1, { ...v1 }))).toBe(true);
  });
});
