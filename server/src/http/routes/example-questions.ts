import type { Bilingual, Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import { httpMessage } from '../messages/http-messages.ts';

/** A label's words for a message: `{name}` as it is, `{name_lower}` in lower case (mid-sentence English). */
function labelWords(name: string, label: Bilingual, lang: Lang): Record<string, string> {
  return { [name]: label[lang], [`${name}_lower`]: label[lang].toLowerCase() };
}

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
  const both = (text: (lang: Lang) => string) => ({ zh: text('zh'), en: text('en') });
  const byMember: Record<string, { zh: string; en: string }> = {};
  for (const m of catalog.metrics)
    byMember[m.id] = both((lang) =>
      httpMessage(
        m.requiresPeriod ? 'example.metric_in_period' : 'example.metric',
        lang,
        labelWords('metric', m.label, lang),
      ),
    );
  for (const d of catalog.dimensions)
    byMember[d.id] = both((lang) =>
      httpMessage('example.by_dimension', lang, {
        ...labelWords('metric', metric.label, lang),
        ...labelWords('dimension', d.label, lang),
      }),
    );
  const home = (lang: Lang) => {
    const words = {
      ...labelWords('metric', metric.label, lang),
      ...(dim ? labelWords('dimension', dim.label, lang) : {}),
    };
    const trend = httpMessage('example.trend', lang, words);
    return [
      httpMessage('example.last_quarter', lang, words),
      dim ? httpMessage('example.highest', lang, words) : trend,
      trend,
      httpMessage('example.reasons', lang),
      httpMessage('example.at_risk', lang),
    ];
  };
  return { zh: home('zh'), en: home('en'), byMember };
}
