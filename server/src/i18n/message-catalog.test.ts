import { describe, expect, it } from 'vitest';
import { loadModelFromDir } from '../../../semantic-layer/src/index.ts';
import { resolveQuery } from '../../../semantic-layer/src/resolve-query.ts';
import { EN as ANALYSIS_EN } from '../analysis/messages/messages-en.ts';
import { ZH as ANALYSIS_ZH } from '../analysis/messages/messages-zh.ts';
import { EN as ANSWER_EN } from '../answer/messages/messages-en.ts';
import { ZH as ANSWER_ZH } from '../answer/messages/messages-zh.ts';
import { EN as CAMPAIGN_EN } from '../campaigns/messages/messages-en.ts';
import { ZH as CAMPAIGN_ZH } from '../campaigns/messages/messages-zh.ts';
import { EN as CHANNEL_EN } from '../channels/messages/messages-en.ts';
import { ZH as CHANNEL_ZH } from '../channels/messages/messages-zh.ts';
import { EN as HTTP_EN } from '../http/messages/messages-en.ts';
import { ZH as HTTP_ZH } from '../http/messages/messages-zh.ts';
import { EN as PIPELINE_EN } from '../pipeline/messages/messages-en.ts';
import { ZH as PIPELINE_ZH } from '../pipeline/messages/messages-zh.ts';
import { pipelineMessages } from '../pipeline/pipeline-messages.ts';
import { fillMessage, messageCatalog } from './message-catalog.ts';

describe('server message catalogs', () => {
  it('fills {name} placeholders and leaves unknown ones', () => {
    expect(fillMessage('No model named {model} ({x})', { model: 'retail' })).toBe(
      'No model named retail ({x})',
    );
    const message = messageCatalog({ en: { hi: 'Hello {who}' }, zh: { hi: '你好，{who}' } });
    expect(message('hi', 'zh', { who: '华南' })).toBe('你好，华南');
  });

  it('has every message in both languages, the Chinese ones in Chinese', () => {
    // Narrative sentences order their words per language (the period before a Chinese sentence, after an
    // English one; lower-cased labels mid-sentence in English), so their placeholders may differ: each
    // language picks from the same parameters the narrative passes.
    const ownWordOrder = new Set<object>([ANSWER_ZH, ANALYSIS_ZH]);
    for (const [en, zh] of [
      [HTTP_EN, HTTP_ZH],
      [PIPELINE_EN, PIPELINE_ZH],
      [ANSWER_EN, ANSWER_ZH],
      [CHANNEL_EN, CHANNEL_ZH],
      [CAMPAIGN_EN, CAMPAIGN_ZH],
      [ANALYSIS_EN, ANALYSIS_ZH],
    ] as const) {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const [id, text] of Object.entries(zh)) {
        // `{x_lower}` is parameter x in lower case (mid-sentence English), the same parameter.
        const placeholders = (s: string) =>
          [...new Set((s.match(/\{\w+\}/g) ?? []).map((p) => p.replace(/_lower\}$/, '}')))].sort();
        // Text with English words has Chinese ones; pure punctuation around placeholders may stay as it is.
        // Statistical abbreviations (RR, OR, CI, PAF) read the same in both languages.
        const words = (en[id as keyof typeof en] as string).replace(/\{\w+\}|\b[A-Z]{2,4}\b/g, '');
        // Separators, field names, slash commands and brand names may read the same in both languages.
        // A narrative joint may be placeholders and punctuation alone in Chinese (the words come with them).
        const joint = ownWordOrder.has(zh) && !/[\p{L}]/u.test(text.replace(/\{\w+\}/g, ''));
        if (
          /[A-Za-z]{2}/.test(words) &&
          !joint &&
          !/separator|field|(link_command|provider|channel)\.slack/.test(id)
        )
          expect(text, id).toMatch(/[\u4e00-\u9fff]/);
        if (id !== 'issue.field' && !ownWordOrder.has(zh))
          expect(placeholders(text), id).toEqual(placeholders(en[id as keyof typeof en]));
      }
    }
  });

  it("tells why a question cannot be computed, naming members by label in the user's language", () => {
    const loaded = loadModelFromDir(
      new URL('../../../semantic-layer/models/retail', import.meta.url).pathname,
    );
    if (!loaded.ok) throw new Error('retail model does not load');
    const model = loaded.model;
    const unknown = [
      {
        code: 'unknown_member' as const,
        message: 'x',
        params: { member: 'province' },
        severity: 'error' as const,
      },
    ];
    expect(
      pipelineMessages.cannotCompile(unknown, model, ['流失率 → churn_rate', '华南 → region'], 'zh'),
    ).toBe(
      '这个问题按当前的指标定义无法计算（目录中没有“province”）。我理解到：流失率 → churn_rate、华南 → region。可以换一个维度或指标再试，或在目录中查看可用的指标。',
    );
    // A real issue from the layer: tickets split by the outreach channel would count a ticket once per message.
    const run = resolveQuery(model, {
      model: 'retail',
      metrics: ['tickets'],
      dimensions: ['message_channel'],
      timeRange: { start: '2026-07-01', end: '2026-10-01' },
    });
    if (run.ok) throw new Error('expected a fan-out issue');
    expect(run.issues.map((i) => i.code)).toEqual(['fan_out']);
    const zh = pipelineMessages.cannotCompile(run.issues, model, [], 'zh');
    expect(zh).toBe(
      `这个问题按当前的指标定义无法计算（“${model.metrics.tickets!.label.zh}”不能按“${model.dimensions.message_channel!.label.zh}”拆分：两者是一对多的关系，会重复计算）。可以换一个维度或指标再试，或在目录中查看可用的指标。`,
    );
    expect(zh).not.toMatch(/[a-z]{4,}/);
    expect(pipelineMessages.cannotCompile(run.issues, model, [], 'en')).toBe(
      `This question cannot be computed with the current definitions (${model.metrics.tickets!.label.en} cannot be split by ${model.dimensions.message_channel!.label.en}: one record of one is many of the other, so it would count twice). Try another dimension or metric, or browse the catalog for what is available.`,
    );
    // A code without a told form still reads in the user's language.
    const other = [{ code: 'compare_conflict' as const, message: 'x', severity: 'error' as const }];
    expect(pipelineMessages.cannotCompile(other, model, [], 'zh')).toContain(
      '问题与模型定义不符（compare_conflict）',
    );
  });
});
