/**
 * English words of answers (chart titles, axes, units, narrative joints, period labels), keyed like the
 * other server catalogs; `messages-zh.ts` has the same keys (the type checks it). `{name}` placeholders are
 * filled by `answerMessage`.
 */
export const EN = {
  'chart.interval': '95% CI',
  'chart.increase': 'Increase',
  'chart.decrease': 'Decrease',
  'chart.total': 'Total',
  'chart.contribution': 'Contribution to the change',
  'chart.current': 'Current',
  'chart.series': 'Series',
  'chart.title.drivers': 'Key drivers (relative risk)',
  'chart.title.decomposition': 'Change decomposition by {segment}',
  'chart.title.trend': '{metric} trend',
  'chart.title.by': '{metric} by {by}',
  'chart.title.by_separator': ' and ',
  'unit.hours': ' (hours)',
  'unit.days': ' (days)',
  'unit.percent_points': ' (pp)',
  'format.percent_points': '{value} pp',
  'format.hours': '{value} h',
  'format.day': '{value} day',
  'format.days': '{value} days',
  'format.unchanged': 'unchanged',
  'value.none': '(none)',
  'baseline.last_year': 'Same period last year',
  'baseline.previous': 'Previous',
  'baseline.last_year.inline': 'the same period last year',
  'baseline.previous.inline': 'the previous period',
  'clause.no_baseline': '; no data for {base} to compare with',
  'clause.unchanged': ', unchanged from {base} ({previous})',
  'clause.relative': ' ({relative})',
  'clause.change': ', {phrase}{relative} on {base} ({previous}){verdict}',
  'list.separator': ', ',
  'list.and': ' and ',
  'sentence.separator': ' ',
  'verdict.better': ' (better)',
  'verdict.worse': ' (worse)',
  'narrative.no_drivers': 'No factor had a computable relative risk.',
  'narrative.cohorts': '{count} cohorts.',
  'period.year': '{year}',
  'period.quarter': '{year} Q{quarter}',
  'period.years': '{year}–{last}',
  'period.days': '{start} to {last}',
} as const;

export type AnswerMessageId = keyof typeof EN;
