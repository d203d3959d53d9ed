import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { unifiedDiff } from './unified-diff.ts';
import { flowText, setYamlMember } from './yaml-member-edit.ts';

const RETAIL_METRICS = '../../../semantic-layer/models/retail/metrics.yaml';

const FILE = `# Metrics (a header comment that must survive)
metrics:
  churn_rate:
    type: ratio # trailing comment
    synonyms:
      {
        zh: [流失比例, 流失比率],
        en: [attrition, churn %],
      }
    label: { zh: 流失率, en: Churn rate }
  # the next member keeps this comment
  revenue:
    type: simple
    measure: revenue_sum
`;

/** Lines of `after` that are not in `before` at the same place, and the reverse. */
function changedLines(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (a[head] === b[head] && head < a.length) head++;
  let tail = 0;
  while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

describe('setYamlMember', () => {
  it('replaces a scalar in place and keeps its trailing comment', () => {
    const r = setYamlMember(FILE, ['metrics', 'churn_rate', 'type'], 'derived');
    expect(r).toMatchObject({ ok: true, spliced: true });
    if (!r.ok) return;
    expect(changedLines(FILE, r.text)).toEqual({
      removed: ['    type: ratio # trailing comment'],
      added: ['    type: derived # trailing comment'],
    });
  });

  it('edits the lists of a flow map spread over lines where they stand, quoting only where needed', () => {
    const r = setYamlMember(FILE, ['metrics', 'churn_rate', 'synonyms'], {
      zh: ['流失比例'],
      en: ['attrition', 'a, b'],
    });
    if (!r.ok) throw new Error(r.message);
    expect(changedLines(FILE, r.text)).toEqual({
      removed: ['        zh: [流失比例, 流失比率],', '        en: [attrition, churn %],'],
      added: ['        zh: [流失比例],', '        en: [attrition, "a, b"],'],
    });
    expect(parse(r.text).metrics.churn_rate.synonyms).toEqual({
      zh: ['流失比例'],
      en: ['attrition', 'a, b'],
    });
  });

  it('saves a whole member with one more synonym as a one-line diff of the shipped metrics.yaml (a list laid out one item per line)', () => {
    // What the editor's member form sends: the whole member, one synonym longer.
    const shipped = readFileSync(new URL(RETAIL_METRICS, import.meta.url), 'utf8');
    const member = parse(shipped).metrics.churn_rate;
    member.synonyms.zh.push('蒸发率');
    const r = setYamlMember(shipped, ['metrics', 'churn_rate'], member);
    if (!r.ok) throw new Error(r.message);
    const diff = unifiedDiff(shipped, r.text, { from: 'a/metrics.yaml', to: 'b/metrics.yaml' });
    const changed = diff.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l));
    // churn_rate's zh synonyms are laid out one per line (Biome's YAML format): one more is one more line.
    expect(changed).toEqual([expect.stringMatching(/^\+ +蒸发率,$/)]);
    expect(parse(r.text).metrics.churn_rate).toEqual(member);
  });

  it('edits inside a flow map by rewriting that map only', () => {
    const r = setYamlMember(FILE, ['metrics', 'churn_rate', 'label', 'en'], 'Attrition rate');
    if (!r.ok) throw new Error(r.message);
    expect(changedLines(FILE, r.text)).toEqual({
      removed: ['    label: { zh: 流失率, en: Churn rate }'],
      added: ['    label: { zh: 流失率, en: Attrition rate }'],
    });
  });

  it('replaces a whole block member and leaves the comments of its neighbours', () => {
    const metric = { type: 'simple', measure: 'churned_count', label: { zh: '流失', en: 'Churned' } };
    const r = setYamlMember(FILE, ['metrics', 'churn_rate'], metric);
    if (!r.ok) throw new Error(r.message);
    expect(
      r.text.startsWith('# Metrics (a header comment that must survive)\nmetrics:\n  churn_rate:\n'),
    ).toBe(true);
    expect(r.text).toContain('  # the next member keeps this comment\n  revenue:\n');
    expect(parse(r.text).metrics.churn_rate).toEqual(metric);
  });

  it('adds a new member at the end of its map, and deletes one with its lines', () => {
    const added = setYamlMember(FILE, ['metrics', 'orders'], { type: 'simple', measure: 'order_count' });
    if (!added.ok) throw new Error(added.message);
    expect(
      added.text.endsWith('    measure: revenue_sum\n  orders: { type: simple, measure: order_count }\n'),
    ).toBe(true);
    const removed = setYamlMember(added.text, ['metrics', 'revenue'], undefined);
    if (!removed.ok) throw new Error(removed.message);
    expect(Object.keys(parse(removed.text).metrics)).toEqual(['churn_rate', 'orders']);
    expect(removed.text).not.toContain('revenue_sum');
  });

  it('creates missing parents as one nested value', () => {
    const r = setYamlMember(FILE, ['metrics', 'revenue', 'synonyms', 'zh'], ['营收']);
    if (!r.ok) throw new Error(r.message);
    expect(parse(r.text).metrics.revenue).toEqual({
      type: 'simple',
      measure: 'revenue_sum',
      synonyms: { zh: ['营收'] },
    });
    expect(changedLines(FILE, r.text).removed).toEqual([]);
  });

  it('writes long values as indented blocks', () => {
    const description = {
      zh: '很长的说明'.repeat(8),
      en: 'A description that is far too long to sit on one line',
    };
    const r = setYamlMember(FILE, ['metrics', 'revenue', 'description'], description);
    if (!r.ok) throw new Error(r.message);
    expect(changedLines(FILE, r.text).added).toEqual([
      '    description:',
      `      zh: ${'很长的说明'.repeat(8)}`,
      '      en: A description that is far too long to sit on one line',
    ]);
  });

  it('refuses files that do not parse and deletions of missing members, as values', () => {
    expect(setYamlMember('a: [1,\n', ['a'], 1)).toMatchObject({ ok: false, code: 'yaml_syntax' });
    expect(setYamlMember(FILE, ['metrics', 'nope'], undefined)).toMatchObject({
      ok: false,
      code: 'member_not_found',
    });
  });

  it('quotes flow scalars only where YAML needs it', () => {
    expect(flowText({ a: ['x y', 'p: q', '[z]', '1', true, null, 2] })).toBe(
      '{ a: [x y, "p: q", "[z]", "1", true, null, 2] }',
    );
  });
});
