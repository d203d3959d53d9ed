/** What the user reads when a question cannot be answered (English); messages-zh.ts has the same keys. */
export const EN = {
  access_denied:
    "Your data-access attributes match none of this model's access rules, so you see no data; ask an administrator to correct them.",
  cannot_compile:
    'This question cannot be computed with the current definitions ({detail}). {understood}Try another dimension or metric, or browse the catalog for what is available.',
  'issue.fan_out':
    '{measures} cannot be split by {member}: one record of one is many of the other, so it would count twice',
  'issue.unreachable': '{measures} has no link to {member}',
  'issue.rls_unreachable': 'your data access on {member} cannot be applied to {measures}',
  'issue.time_range_required': '{measures} is measured over a period: name one, e.g. "last quarter"',
  'issue.not_groupable': '{measures} cannot be split by {grain}',
  'issue.grain_not_supported': '{member} has no {grain} grain',
  'issue.unknown_member': '"{member}" is not in the catalog',
  'issue.other': 'the question does not fit the model ({code})',
  understood: 'What I understood: {words}. ',
  understood_separator: ', ',
  timeout: 'The query timed out. Narrow the time range or group by fewer dimensions and try again.',
  no_rows:
    'No data in the selected scope (the time range or filters may be too narrow, or your data access does not include these rows).',
  internal:
    'Something went wrong while computing the answer; it has been logged. Please try again or rephrase.',
  analysis_unavailable:
    'The deeper analysis is not available; here is what the semantic layer can answer directly.',
  /** Followed directly by the answer's narrative (hence the trailing space). */
  access_only: 'You can only see {scope}; showing {scope}. ',
  /** Followed directly by the answer's narrative (hence the trailing space). */
  partial_answer: 'Not understood: "{terms}"; the result below does not use it. ',
  terms_separator: '", "',
  /** Followed directly by the answer's narrative (hence the trailing space). */
  unanswered: 'Only the first question is answered here; "{asks}" is not — please ask it separately. ',
  llm_fallback: 'The LLM interpreter was unavailable; the offline rules interpreter answered.',
  subscription_confirm:
    'Subscribe? "{question}" {schedule} ({timezone}), sent to your {channel}. Each delivery is computed again with your data access.',
  subscription_filter: '{member} = {values}',
  list_separator: ', ',
  scope_all: 'all data (no row-level restriction)',
  scope_none: 'no data: your access attributes match no rule of this model',
  scope_restricted: 'only your data: {rules}',
  'channel.inbox': 'web inbox',
  'channel.email': 'e-mail',
  'channel.slack': 'Slack',
  'channel.wecom': 'WeCom',
} as const;

export type PipelineMessageId = keyof typeof EN;
