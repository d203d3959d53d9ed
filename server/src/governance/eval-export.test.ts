import { describe, expect, it } from 'vitest';
import { caseFromWrongAnswer, exportEvalCases, languageOf } from './eval-export.ts';
import type { WrongAnswer } from './wrong-answers.ts';

const item = (overrides: Partial<WrongAnswer> = {}): WrongAnswer => ({
  id: '0b8f3c1e-7d2a-4a51-9c3e-2f1d0e9a8b7c',
  status: 'resolved',
  createdAt: new Date('2026-10-02T08:00:00Z'),
  comment: null,
  reportedBy: 'viewer',
  model: 'retail',
  conversationId: 'c',
  seq: 1,
  question: 'Which regions lost the most customers?',
  earlierQuestions: [],
  given: {
    kind: 'answer',
    intent: 'metric',
    query: null,
    interpreter: 'rules',
    modelVersion: 'v1',
    language: 'en',
  },
  correction: {
    kind: 'answer',
    intent: 'breakdown',
    query: {
      model: 'retail',
      metrics: ['churned_customers'],
      dimensions: ['region'],
      filters: [],
      order: [{ member: 'churned_customers', dir: 'desc' }],
    },
    correctedBy: 'u',
    correctedAt: '2026-10-02T09:00:00Z',
  },
  ...overrides,
});

describe('eval export', () => {
  it('writes the corrected interpretation as a strict expectation', () => {
    const result = caseFromWrongAnswer(item());
    expect(result).toMatchObject({
      ok: true,
      case: {
        id: 'feedback-retail-0b8f3c1e7d2a',
        lang: 'en',
        category: 'breakdown',
        difficulty: 'medium',
        expect: {
          kind: 'answer',
          intent: 'breakdown',
          metrics: ['churned_customers'],
          dimensions: ['region'],
          filters: [],
          timeRange: null,
          grain: null,
          compare: null,
          order: [{ member: 'churned_customers', dir: 'desc' }],
          limit: null,
        },
      },
    });
  });

  it('exports clarify and out-of-scope corrections by kind only, and skips what the format cannot hold', () => {
    const clarify = item({ correction: { kind: 'clarify', correctedBy: 'u', correctedAt: 't' } });
    expect(caseFromWrongAnswer(clarify)).toMatchObject({
      ok: true,
      case: { category: 'clarify', expect: { kind: 'clarify' } },
    });
    const { cases, skipped, yaml } = exportEvalCases(
      [item({ model: 'cdnow' }), item({ correction: null }), item({ question: null })],
      '2026-10-02',
    );
    expect(cases).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'model cdnow has no eval set',
      'no correction recorded',
      'the question was not stored',
    ]);
    expect(yaml).toContain('# skipped 0b8f3c1e-7d2a-4a51-9c3e-2f1d0e9a8b7c: model cdnow has no eval set');
    expect(yaml.trimEnd().endsWith('[]')).toBe(true);
  });

  it('tells zh, en and mixed questions apart', () => {
    expect(languageOf('上个季度流失率是多少?')).toBe('zh');
    expect(languageOf('churn rate last quarter')).toBe('en');
    expect(languageOf('华南的churn rate')).toBe('mixed');
    expect(languageOf('2026年Q3流失率')).toBe('zh');
  });
});
