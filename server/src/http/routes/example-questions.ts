import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';

/**
 * Example questions for the catalog and the home page, built from the model's own labels so that a
 * new model gets examples without code changes. Each runs through the same interpreter as typed text.
 */
export function exampleQuestions(catalog: Catalog): {
  zh: string[];
  en: string[];
  byMember: Record<string, { zh: string; en: string }>;
} {
  const metric = catalog.metrics.find((m) => m.id === catalog.defaultMetric) ?? catalog.metrics[0]!;
  const dim = catalog.dimensions.find(
    (d) => d.type === 'categorical' && d.values.length > 1 && d.values.length <= 12,
  );
  const byMember: Record<string, { zh: string; en: string }> = {};
  for (const m of catalog.metrics)
    byMember[m.id] = m.requiresPeriod
      ? { zh: `上个季度的${m.label.zh}是多少?`, en: `What was ${m.label.en.toLowerCase()} last quarter?` }
      : { zh: `${m.label.zh}是多少?`, en: `What is the ${m.label.en.toLowerCase()}?` };
  for (const d of catalog.dimensions)
    byMember[d.id] = {
      zh: `上个季度按${d.label.zh}看${metric.label.zh}`,
      en: `${metric.label.en} by ${d.label.en.toLowerCase()} last quarter`,
    };
  const zh = [
    `上个季度${metric.label.zh}是多少?`,
    dim ? `上个季度哪个${dim.label.zh}的${metric.label.zh}最高?` : `近12个月${metric.label.zh}的月度趋势`,
    `近12个月${metric.label.zh}的月度趋势`,
    '上个季度流失客户的主要原因是什么?',
    '哪些高价值客户有流失风险? 怎么挽回?',
  ];
  const en = [
    `What was the ${metric.label.en.toLowerCase()} last quarter?`,
    dim
      ? `Which ${dim.label.en.toLowerCase()} had the highest ${metric.label.en.toLowerCase()} last quarter?`
      : `Monthly ${metric.label.en.toLowerCase()} trend over the past 12 months`,
    `Monthly ${metric.label.en.toLowerCase()} trend over the past 12 months`,
    'What were the main reasons customers churned last quarter?',
    'Which high-value customers are at risk, and what should we do?',
  ];
  return { zh, en, byMember };
}
