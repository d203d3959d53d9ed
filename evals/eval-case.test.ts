import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EVAL_CATEGORIES,
  type Expectation,
  formatIssues,
  type Interpretation,
  loadEvalCases,
  scoreInterpretation,
} from './eval-case.ts';

// Member ids of DOMAIN.md §4 (the time dimensions of the retail model included).
const MEMBERS = {
  retail: {
    metrics: [
      'customers',
      'new_customers',
      'active_customers',
      'churned_customers',
      'churn_rate',
      'retention_rate',
      'reactivated_customers',
      'revenue',
      'orders',
      'avg_order_value',
      'purchase_frequency',
      'repeat_purchase_rate',
      'lost_revenue',
      'clv',
      'nps',
      'csat',
      'tickets',
      'complaint_rate',
      'avg_resolution_hours',
      'first_contact_resolution_rate',
      'at_risk_customers',
      'winback_rate',
    ],
    dimensions: [
      'region',
      'city',
      'acquisition_channel',
      'sales_channel',
      'category',
      'value_tier',
      'rfm_segment',
      'lifecycle_stage',
      'risk_tier',
      'tenure_band',
      'age_band',
      'gender',
      'customer_type',
      'ticket_category',
      'churn_reason',
    ],
    timeDimensions: [
      'metric_time',
      'order_date',
      'signup_date',
      'churn_date',
      'ticket_date',
      'feedback_date',
    ],
  },
  telco: {
    metrics: [
      'customers',
      'churned_customers',
      'churn_rate',
      'retention_rate',
      'avg_monthly_charges',
      'total_revenue',
    ],
    dimensions: [
      'contract',
      'payment_method',
      'internet_service',
      'tech_support',
      'online_security',
      'senior_citizen',
      'gender',
      'tenure_band',
      'paperless_billing',
      'city',
      'churn_category',
      'churn_reason',
      'satisfaction_score',
    ],
    timeDimensions: [],
  },
} as const;

const REASON_CODES = [
  'product_quality',
  'price',
  'service',
  'logistics',
  'competitor',
  'billing',
  'technical',
  'other',
];
// Stored values of semantic-layer/models/VOCABULARY.md. Telco city and churn_reason are open lists there
// ("Los Angeles, San Diego, …"); these are values of the v11 location and status tables.
const STORED: Record<'retail' | 'telco', Record<string, readonly (string | number | boolean)[]>> = {
  retail: {
    region: ['华东', '华南', '华北', '华中', '西南', '西北', '东北'],
    city: [
      ...['上海', '杭州', '南京', '苏州', '宁波', '合肥', '济南', '青岛', '福州', '厦门'],
      ...['广州', '深圳', '东莞', '佛山', '南宁', '海口', '北京', '天津', '石家庄', '太原', '呼和浩特'],
      ...['武汉', '长沙', '郑州', '南昌', '成都', '重庆', '昆明', '贵阳', '西安', '兰州', '乌鲁木齐', '银川'],
      ...['沈阳', '大连', '长春', '哈尔滨'],
    ],
    category: ['母婴', '服饰', '美妆', '数码', '家电', '食品', '家居', '运动'],
    acquisition_channel: [
      'organic_search',
      'paid_search',
      'social',
      'referral',
      'offline_store',
      'live_stream',
      'app_store',
    ],
    sales_channel: ['online', 'store', 'app'],
    gender: ['female', 'male', 'unknown'],
    customer_type: ['B2C', 'B2B'],
    value_tier: ['high', 'medium', 'low'],
    lifecycle_stage: ['new', 'active', 'at_risk', 'dormant', 'churned', 'won_back'],
    risk_tier: ['high', 'medium', 'low'],
    rfm_segment: [
      ...['champions', 'loyal', 'potential_loyalist', 'new_customers', 'promising', 'need_attention'],
      ...['about_to_sleep', 'at_risk', 'cannot_lose', 'hibernating', 'lost'],
    ],
    tenure_band: ['0-3m', '3-6m', '6-12m', '12-24m', '24m+'],
    age_band: ['<25', '25-34', '35-44', '45-54', '55+'],
    ticket_category: REASON_CODES,
    churn_reason: [...REASON_CODES, 'silent'],
  },
  telco: {
    contract: ['Month-to-month', 'One year', 'Two year'],
    payment_method: [
      'Electronic check',
      'Mailed check',
      'Bank transfer (automatic)',
      'Credit card (automatic)',
    ],
    internet_service: ['DSL', 'Fiber optic', 'No'],
    tech_support: ['Yes', 'No', 'No internet service'],
    online_security: ['Yes', 'No', 'No internet service'],
    senior_citizen: [true, false],
    paperless_billing: [true, false],
    gender: ['female', 'male'],
    tenure_band: ['0-12m', '12-24m', '24-48m', '48m+'],
    city: ['Los Angeles', 'San Diego', 'San Jose', 'Sacramento', 'San Francisco'],
    churn_category: ['Competitor', 'Dissatisfaction', 'Attitude', 'Price', 'Other'],
    churn_reason: [
      'Competitor offered more data',
      'Competitor had better devices',
      'Competitor made better offer',
    ],
    satisfaction_score: [1, 2, 3, 4, 5],
  },
};
const DEFAULT_AS_OF = '2026-10-01';

const { cases, issues } = loadEvalCases(join(import.meta.dirname, 'questions'));
const share = (pred: (c: (typeof cases)[number]) => boolean) => cases.filter(pred).length / cases.length;
const membersOf = (e: Expectation) => [
  ...(e.metrics ?? []),
  ...(e.dimensions ?? []),
  ...(e.filters ?? []).map((f) => f.member),
  ...(e.order ?? []).map((o) => o.member),
];

describe('the eval question set', () => {
  it('loads every file without an issue, ids unique', () => {
    expect(formatIssues(issues)).toBe('');
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('holds at least 320 cases, zh and en each at least 40%, telco about a quarter', () => {
    expect(cases.length).toBeGreaterThanOrEqual(320);
    expect(share((c) => c.lang === 'zh')).toBeGreaterThanOrEqual(0.4);
    expect(share((c) => c.lang === 'en')).toBeGreaterThanOrEqual(0.4);
    expect(share((c) => c.lang === 'mixed')).toBeGreaterThan(0.05);
    expect(share((c) => c.model === 'telco')).toBeGreaterThanOrEqual(0.2);
    expect(share((c) => c.model === 'telco')).toBeLessThanOrEqual(0.3);
  });

  it('gives expected values to at least 60 answer cases: both models, all languages, many categories', () => {
    const valued = cases.filter((c) => c.expect.values);
    expect(valued.length).toBeGreaterThanOrEqual(60);
    expect(new Set(valued.map((c) => c.model))).toEqual(new Set(['retail', 'telco']));
    expect(new Set(valued.map((c) => c.lang))).toEqual(new Set(['zh', 'en', 'mixed']));
    const categories = new Set<string>(valued.map((c) => c.category));
    for (const c of [
      'metric',
      'breakdown',
      'trend',
      'time_expression',
      'filter',
      'comparison',
      'follow_up',
      'list',
    ])
      expect({ category: c, valued: categories.has(c) }).toEqual({ category: c, valued: true });
    // Trends compare several points, breakdowns several rows.
    const trends = valued.filter((c) => c.category === 'trend');
    expect(trends.every((c) => c.expect.values!.match.length >= 3)).toBe(true);
  });

  it('has at least 8 cases in every category', () => {
    for (const category of EVAL_CATEGORIES)
      expect([category, cases.filter((c) => c.category === category).length >= 8]).toEqual([category, true]);
  });

  it('uses only member ids of its model (DOMAIN.md §4)', () => {
    const unknown = cases.flatMap((c) => {
      const m = MEMBERS[c.model];
      const known = new Set<string>([...m.metrics, ...m.dimensions, ...m.timeDimensions]);
      return membersOf(c.expect)
        .filter((id) => !known.has(id))
        .map((id) => `${c.id}: ${id}`);
    });
    expect(unknown).toEqual([]);
  });

  it('covers every retail metric and dimension of DOMAIN.md §4', () => {
    const used = new Set(cases.filter((c) => c.model === 'retail').flatMap((c) => membersOf(c.expect)));
    const unused = [...MEMBERS.retail.metrics, ...MEMBERS.retail.dimensions].filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('filters dimensions on stored values of VOCABULARY.md only', () => {
    const metrics = (model: 'retail' | 'telco') => new Set<string>(MEMBERS[model].metrics);
    const foreign = cases.flatMap((c) =>
      (c.expect.filters ?? [])
        .filter((f) => !metrics(c.model).has(f.member))
        .flatMap((f) =>
          f.values
            .filter((v) => !(STORED[c.model][f.member] ?? []).includes(v))
            .map((v) => `${c.id}: ${f.member}=${v}`),
        ),
    );
    expect(foreign).toEqual([]);
  });

  it('mirrors VOCABULARY.md (each closed-list stored value is written there)', () => {
    const vocabulary = readFileSync(
      join(import.meta.dirname, '../semantic-layer/models/VOCABULARY.md'),
      'utf8',
    );
    const missing = Object.values(STORED.retail)
      .flat()
      .filter((v) => !vocabulary.includes(String(v)));
    expect(missing).toEqual([]);
  });

  it('gives ranges with start < end that end by the as-of date, and none for telco', () => {
    const bad = cases.flatMap((c) => {
      const r = c.expect.timeRange;
      if (c.model === 'telco') return r ? [`${c.id}: telco has no dates`] : [];
      if (!r) return [];
      const asOf = c.asOf ?? DEFAULT_AS_OF;
      return r.start < r.end && r.end <= asOf ? [] : [`${c.id}: ${r.start}..${r.end} (as-of ${asOf})`];
    });
    expect(bad).toEqual([]);
  });

  it('expects a grain for every retail trend answer and no query keys for clarify or out_of_scope', () => {
    const trendsWithoutGrain = cases.filter(
      (c) => c.model === 'retail' && c.expect.intent === 'trend' && !c.expect.grain,
    );
    expect(trendsWithoutGrain.map((c) => c.id)).toEqual([]);
    const queryKeys = [
      'intent',
      'metrics',
      'dimensions',
      'filters',
      'timeRange',
      'grain',
      'compare',
      'order',
      'limit',
    ];
    const refusalsWithQuery = cases.filter(
      (c) => !c.expect.kind.includes('answer') && queryKeys.some((k) => k in c.expect),
    );
    expect(refusalsWithQuery.map((c) => c.id)).toEqual([]);
  });
});

describe('loadEvalCases', () => {
  it('reports every invalid case at once, with file, index and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-cases-'));
    const good =
      '- {id: a-1, model: retail, lang: zh, category: metric, difficulty: easy, question: 流失率, expect: {kind: answer}}';
    writeFileSync(
      join(dir, 'a.yaml'),
      `${good}\n- {id: a-2, model: shop, lang: zh, category: metric, difficulty: easy, question: x, expect: {kind: answer}}\n`,
    );
    writeFileSync(
      join(dir, 'b.yaml'),
      [
        good,
        '- {id: b-2, model: retail, lang: en, category: follow_up, difficulty: easy, question: why?, expect: {kind: answer, timeRange: {start: "2026-10-01", end: "2026-07-01"}}}',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'c.yaml'), 'id: not-a-list\n');
    const { cases: loaded, issues: found } = loadEvalCases(dir);
    expect(loaded.map((c) => `${c.id}@${c.index}`)).toEqual(['a-1@0', 'a-1@0']);
    expect(found.map((i) => [i.code, i.file.slice(dir.length + 1), i.index, i.path])).toEqual([
      ['invalid_case', 'a.yaml', 1, 'model'],
      ['invalid_case', 'b.yaml', 1, 'expect.timeRange'],
      ['invalid_case', 'b.yaml', 1, 'conversation'],
      ['not_a_list', 'c.yaml', -1, ''],
      ['duplicate_id', 'b.yaml', 0, 'id'],
    ]);
    expect(formatIssues(found)).toContain('b.yaml #1 (b-2) expect.timeRange: start must be before end');
  });

  it('attaches the sidecar expected values by case id and reports unknown ids, doubles and bad rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-values-'));
    const head = 'model: retail, lang: en, category: metric, difficulty: easy, question: churn?';
    writeFileSync(
      join(dir, 'q.yaml'),
      [
        `- {id: v-1, ${head}, expect: {kind: answer}}`,
        `- {id: v-2, ${head}, expect: {kind: answer, values: {match: [{churn_rate: 0.1}]}}}`,
        `- {id: v-3, ${head}, expect: {kind: out_of_scope}}`,
      ].join('\n'),
    );
    const sidecar = join(mkdtempSync(join(tmpdir(), 'eval-sidecar-')), 'values.yaml');
    writeFileSync(
      sidecar,
      [
        'v-1: {by: [region], rows: 7, match: [{region: 华南, churn_rate: 0.2659}], tolerance: 0.0005}',
        'v-2: {match: [{churn_rate: 0.1}]}',
        'v-3: {match: [{churn_rate: 0.1}]}',
        'v-9: {match: [{churn_rate: 0.1}]}',
        'v-4: {by: [region], match: [{churn_rate: "high"}]}',
      ].join('\n'),
    );
    const { cases: loaded, issues: found } = loadEvalCases(dir, sidecar);
    expect(loaded.find((c) => c.id === 'v-1')!.expect.values).toEqual({
      by: ['region'],
      rows: 7,
      ordered: false,
      tolerance: 0.0005,
      match: [{ region: '华南', churn_rate: 0.2659 }],
    });
    expect(found.map((i) => [i.code, i.id, i.path])).toEqual([
      ['invalid_values', 'v-4', 'match.0'],
      ['invalid_values', 'v-4', 'match.0.churn_rate'],
      ['values_twice', 'v-2', ''],
      ['invalid_values', 'v-3', ''],
      ['values_for_unknown_case', 'v-9', ''],
    ]);
  });
});

describe('scoreInterpretation', () => {
  const Q3 = { start: '2026-07-01', end: '2026-10-01' };
  const expected: Expectation = {
    kind: 'answer',
    intent: 'comparison',
    metrics: ['churn_rate'],
    dimensions: ['region'],
    filters: [
      { member: 'region', op: 'in', values: ['华东', '华南'] },
      { member: 'value_tier', op: 'in', values: ['high'] },
    ],
    timeRange: Q3,
    grain: null,
    limit: null,
    order: [],
  };
  const actual: Interpretation = {
    kind: 'answer',
    intent: 'comparison',
    query: {
      model: 'retail',
      metrics: ['churn_rate'],
      dimensions: ['region'],
      filters: [
        { member: 'value_tier', op: 'in', values: ['high'] },
        { member: 'region', op: 'in', values: ['华南', '华东'] },
      ],
      timeRange: Q3,
    },
  };

  it('passes a matching query whatever the order of filters and filter values', () => {
    expect(scoreInterpretation(expected, actual)).toEqual({ pass: true, score: 1, reasons: [] });
  });

  it('fails a wrong range, names it and scores the share of keys matched', () => {
    const result = scoreInterpretation(expected, {
      ...actual,
      query: { ...actual.query!, timeRange: { start: '2026-07-01', end: '2026-09-30' } },
    });
    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(8 / 9);
    expect(result.reasons).toEqual([
      'timeRange: expected {"start":"2026-07-01","end":"2026-10-01"}, got {"start":"2026-07-01","end":"2026-09-30"}',
    ]);
  });

  it('treats null as "must be absent" and [] as "must be empty"', () => {
    const result = scoreInterpretation(
      { kind: 'answer', timeRange: null, limit: null, dimensions: [] },
      {
        kind: 'answer',
        query: {
          model: 'telco',
          metrics: ['churn_rate'],
          dimensions: ['contract'],
          timeRange: Q3,
          limit: 10,
        },
      },
    );
    expect(result.reasons).toEqual([
      'dimensions: missing [], unexpected [contract]',
      'timeRange: expected none, got {"start":"2026-07-01","end":"2026-10-01"}',
      'limit: expected none, got 10',
    ]);
  });

  it('checks only the keys present', () => {
    expect(
      scoreInterpretation(
        { kind: 'answer', intent: 'reasons' },
        { kind: 'answer', intent: 'reasons', query: actual.query },
      ),
    ).toEqual({
      pass: true,
      score: 1,
      reasons: [],
    });
  });

  it('keeps the order of `order` significant and reports missing filters', () => {
    const result = scoreInterpretation(
      {
        kind: 'answer',
        order: [{ member: 'churn_rate', dir: 'desc' }],
        filters: [{ member: 'region', op: 'in', values: ['华南'] }],
      },
      {
        kind: 'answer',
        query: { model: 'retail', metrics: ['churn_rate'], order: [{ member: 'churn_rate', dir: 'asc' }] },
      },
    );
    expect(result.reasons).toEqual([
      'filters: missing [region in [华南]], unexpected []',
      'order: expected [churn_rate desc], got [churn_rate asc]',
    ]);
  });

  it('accepts any of several kinds and fails a refusal expected as an answer', () => {
    const either: Expectation = { kind: ['out_of_scope', 'clarify'] };
    expect(scoreInterpretation(either, { kind: 'clarify' }).pass).toBe(true);
    expect(scoreInterpretation(either, { kind: 'answer', query: actual.query }).reasons).toEqual([
      'kind: expected out_of_scope or clarify, got answer',
    ]);
  });

  it('finds clarify options by text or by the member ids of their query', () => {
    const offered: Interpretation = {
      kind: 'clarify',
      options: [
        { label: '上个季度 (2026Q3)', question: '上个季度流失率' },
        {
          label: '按销售渠道',
          query: { model: 'retail', metrics: ['churn_rate'], dimensions: ['sales_channel'] },
        },
      ],
    };
    expect(
      scoreInterpretation({ kind: 'clarify', options_include: ['上个季度', 'sales_channel'] }, offered).pass,
    ).toBe(true);
    expect(
      scoreInterpretation({ kind: 'clarify', options_include: ['acquisition_channel'] }, offered).reasons,
    ).toEqual(['options: none offers [acquisition_channel]']);
  });

  it('fails a filter value that is not stored when stored values are given', () => {
    const injected: Interpretation = {
      kind: 'answer',
      query: {
        model: 'retail',
        metrics: ['churn_rate'],
        filters: [{ member: 'region', op: 'in', values: ["华南' OR 1=1 --"] }],
      },
    };
    const result = scoreInterpretation({ kind: 'answer' }, injected, { storedValues: STORED.retail });
    expect(result.reasons).toEqual(["filter values not stored: [region=华南' OR 1=1 --]"]);
  });
});
