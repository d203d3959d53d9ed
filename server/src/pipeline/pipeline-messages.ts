import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { Issue } from '../../../semantic-layer/src/issues.ts';

/** What the user reads when a question cannot be answered, in their language. */
export const pipelineMessages = {
  cannotCompile(issues: Issue[], understood: string[], lang: Lang): string {
    if (issues.some((i) => i.code === 'access_denied'))
      return lang === 'zh'
        ? '您的数据权限属性与该模型的访问规则不匹配，因此看不到任何数据；请联系管理员更正。'
        : "Your data-access attributes match none of this model's access rules, so you see no data; ask an administrator to correct them.";
    const detail = issues.map((i) => i.message).join('; ');
    const got = understood.length ? understood.join(lang === 'zh' ? '、' : ', ') : null;
    return lang === 'zh'
      ? `这个问题按当前的指标定义无法计算（${detail}）。${got ? `我理解到：${got}。` : ''}可以换一个维度或指标再试，或在目录中查看可用的指标。`
      : `This question cannot be computed with the current definitions (${detail}). ${got ? `What I understood: ${got}. ` : ''}Try another dimension or metric, or browse the catalog for what is available.`;
  },
  timeout(lang: Lang): string {
    return lang === 'zh'
      ? '查询超时了。请缩小时间范围或减少分组维度后再试。'
      : 'The query timed out. Narrow the time range or group by fewer dimensions and try again.';
  },
  noRows(lang: Lang): string {
    return lang === 'zh'
      ? '在所选范围内没有数据（可能是时间范围或筛选条件过窄，或您的数据权限不包含这些记录）。'
      : 'No data in the selected scope (the time range or filters may be too narrow, or your data access does not include these rows).';
  },
  internal(lang: Lang): string {
    return lang === 'zh'
      ? '计算时出错了，我们已记录下来。请稍后再试或换个问法。'
      : 'Something went wrong while computing the answer; it has been logged. Please try again or rephrase.';
  },
  analysisUnavailable(lang: Lang): string {
    return lang === 'zh'
      ? '深入分析暂不可用，以下是语义层能直接给出的结果。'
      : 'The deeper analysis is not available; here is what the semantic layer can answer directly.';
  },
  llmFallback(lang: Lang): string {
    return lang === 'zh'
      ? '大模型解析不可用，已改用离线规则解析。'
      : 'The LLM interpreter was unavailable; the offline rules interpreter answered.';
  },
};
