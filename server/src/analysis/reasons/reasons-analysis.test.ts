import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoRuntime,
  demoRuntime,
  governedRows,
  recordingRuntime,
} from '../../../test/analysis/test-runtime.ts';
import { presentResult } from '../../answer/compose.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';
import type { ReasonLine, SegmentReasons } from './reasons-analysis.ts';
import { reasonsAnalysis } from './reasons-analysis.ts';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (parts: Partial<AnalysisRequest> & { dimensions?: string[] } = {}): AnalysisRequest => ({
  intent: 'reasons',
  language: parts.language ?? 'zh',
  query: { model: 'retail', metrics: ['churned_customers'], dimensions: parts.dimensions ?? [] },
  ...(parts.attributes ? { attributes: parts.attributes } : {}),
});
const reasons = (r: AnalysisResult) => r.analysis.reasons as ReasonLine[];

describe('reasonsAnalysis on the default demo (Q3 2026)', () => {
  let demo: DemoRuntime;
  let zh: AnalysisResult;
  beforeAll(async () => {
    demo = await demoRuntime();
    zh = await reasonsAnalysis(demo.runtime, ask());
  });
  afterAll(() => demo?.close());

  it('defaults to the last complete quarter and says so', () => {
    expect(zh.analysis.period).toEqual(Q3);
    expect(zh.assumptions.join(' ')).toContain('2026年Q3');
  });

  it('splits churners into controllable and uncontrollable reasons by the governed classification (hand-written SQL)', async () => {
    const split = zh.analysis.controllable as {
      controllable: { churned: number; share: number; low: number; high: number };
      uncontrollable: { churned: number };
      silent: { churned: number };
      total: number;
    };
    const raw = await demo.runtime.engine.query(
      `SELECT count(DISTINCT customer_id) FILTER (WHERE reason_category IN
           ('product_quality', 'price', 'service', 'logistics', 'billing', 'technical')) AS controllable,
         count(DISTINCT customer_id) FILTER (WHERE reason_category IN ('competitor', 'other')) AS uncontrollable,
         count(DISTINCT customer_id) FILTER (WHERE reason_category = 'silent') AS silent
       FROM customer_spells
       WHERE churn_date >= DATE '2026-07-01' AND churn_date < DATE '2026-10-01'
         AND spell_start < DATE '2026-07-01'`, // active at the quarter start
    );
    const row = raw.rows[0]!;
    expect(split.controllable.churned).toBe(Number(row.controllable));
    expect(split.uncontrollable.churned).toBe(Number(row.uncontrollable));
    expect(split.silent.churned).toBe(Number(row.silent));
    expect(split.controllable.low).toBeLessThan(split.controllable.share);
    expect(split.controllable.high).toBeGreaterThan(split.controllable.share);
    expect(zh.narrative).toContain('可控原因');
  });

  it('counts the same churners as the governed churned_customers metric', async () => {
    const [row] = await governedRows(demo.runtime, { metrics: ['churned_customers'], timeRange: Q3 });
    expect(zh.analysis.churned).toBe(Number(row!.churned_customers));
    const lines = reasons(zh);
    expect(lines.reduce((s, l) => s + l.churned, 0)).toBe(zh.analysis.churned);
    expect(lines.reduce((s, l) => s + l.share, 0)).toBeCloseTo(1, 12);
  });

  it('finds the planted logistics problem as the top named reason, silent churn as its own last row', () => {
    const lines = reasons(zh);
    expect(lines[0]!.reason).toBe('logistics');
    expect(lines.at(-1)!.reason).toBe('silent');
    expect(lines.at(-1)!.churned).toBeGreaterThan(0);
    expect(zh.narrative).toContain('物流配送');
    expect(zh.narrative).toContain('静默流失');
  });

  it('quotes what logistics churners wrote, including the planted complaints', () => {
    const verbatims = zh.analysis.verbatims as Record<string, { text: string }[]>;
    const planted = demo.truth.expectations.find(
      (e) => e.kind === 'signal_text' && e.effect === 'south_china_late_delivery',
    ) as { samples: string[] };
    expect(verbatims.logistics!.length).toBeGreaterThan(0);
    expect(verbatims.logistics!.some((v) => planted.samples.includes(v.text))).toBe(true);
  });

  it('splits by region: logistics leads in 华南 with a far larger share than elsewhere', async () => {
    const en = await reasonsAnalysis(demo.runtime, ask({ language: 'en', dimensions: ['region'] }));
    const segments = en.analysis.segments as SegmentReasons[];
    const share = (region: string) =>
      segments.find((s) => s.segment === region)?.reasons.find((l) => l.reason === 'logistics')?.share ?? 0;
    const south = segments.find((s) => s.segment === '华南')!;
    expect(south.reasons.find((l) => l.reason !== 'silent')!.reason).toBe('logistics');
    for (const other of segments.filter((s) => s.segment !== '华南' && s.churned >= 20))
      expect(share('华南')).toBeGreaterThan(2 * share(other.segment!));
    expect(en.narrative).toMatch(/South China: \d+ churners, mainly logistics/);
    const presented = presentResult(en.presentation, []);
    expect(presented.chart).not.toBeNull();
    expect(presented.table.rows[0]!.region).toBe('South China');
  });

  it('presents a horizontal bar of churners by reason with labelled reasons', () => {
    const presented = presentResult(zh.presentation, []);
    expect(presented.table.rows.map((r) => r.churn_reason)).toContain('无信号（静默流失）');
    expect(presented.chart).not.toBeNull();
  });

  it('sees only 华南 under row-level security, in every statement', async () => {
    const { runtime, statements } = recordingRuntime(demo.runtime);
    const secured = await reasonsAnalysis(runtime, ask({ attributes: { region: ['华南'] } }));
    const [south] = await governedRows(demo.runtime, {
      metrics: ['churned_customers'],
      timeRange: Q3,
      filters: [{ member: 'region', op: 'in', values: ['华南'] }],
    });
    expect(secured.analysis.churned).toBe(Number(south!.churned_customers));
    expect(secured.analysis.churned).toBeLessThan(zh.analysis.churned as number);
    expect(statements.length).toBe(secured.sql.length);
    for (const s of statements) expect(s.params).toContain('华南');
    // Verbatims come from 华南 churners only.
    const texts = Object.values(secured.analysis.verbatims as Record<string, { text: string }[]>).flat();
    expect(texts.length).toBeGreaterThan(0);
    const southTexts = await demo.runtime.engine.query(
      "SELECT DISTINCT f.text FROM feedback f JOIN customers c USING (customer_id) WHERE c.region = '华南'",
    );
    const allowed = new Set(southTexts.rows.map((r) => String(r.text)));
    for (const t of texts) expect(allowed.has(t.text)).toBe(true);
  });
});
