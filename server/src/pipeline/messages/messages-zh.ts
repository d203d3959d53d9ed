import type { PipelineMessageId } from './messages-en.ts';

/** 无法回答问题时用户看到的中文说明（键与 messages-en.ts 相同）。 */
export const ZH: Record<PipelineMessageId, string> = {
  access_denied: '您的数据权限属性与该模型的访问规则不匹配，因此看不到任何数据；请联系管理员更正。',
  cannot_compile:
    '这个问题按当前的指标定义无法计算（{detail}）。{understood}可以换一个维度或指标再试，或在目录中查看可用的指标。',
  'issue.fan_out': '“{measures}”不能按“{member}”拆分：两者是一对多的关系，会重复计算',
  'issue.unreachable': '“{measures}”和“{member}”之间没有关联',
  'issue.rls_unreachable': '您在“{member}”上的数据权限无法用于“{measures}”',
  'issue.time_range_required': '“{measures}”需要一个时间段，例如“上个季度”',
  'issue.not_groupable': '“{measures}”不能按{grain}拆分',
  'issue.grain_not_supported': '“{member}”没有{grain}粒度',
  'issue.unknown_member': '目录中没有“{member}”',
  'issue.other': '问题与模型定义不符（{code}）',
  understood: '我理解到：{words}。',
  understood_separator: '、',
  timeout: '查询超时了。请缩小时间范围或减少分组维度后再试。',
  no_rows: '在所选范围内没有数据（可能是时间范围或筛选条件过窄，或您的数据权限不包含这些记录）。',
  internal: '计算时出错了，我们已记录下来。请稍后再试或换个问法。',
  analysis_unavailable: '深入分析暂不可用，以下是语义层能直接给出的结果。',
  access_only: '你只能查看{scope}的数据，以下为{scope}的结果。',
  partial_answer: '没有理解“{terms}”，以下结果没有用到它。',
  terms_separator: '”、“',
  unanswered: '这里只回答了第一个问题，“{asks}”没有回答，请单独再问。',
  llm_fallback: '大模型解析不可用，已改用离线规则解析。',
  subscription_confirm:
    '要订阅吗？{schedule}（{timezone}）把“{question}”发送到您的{channel}。每次发送都按您的数据权限重新计算。',
  subscription_filter: '{member} = {values}',
  list_separator: '、',
  scope_all: '全部数据（无行级限制）',
  scope_none: '无数据：您的权限属性不匹配该模型的任何规则',
  scope_restricted: '仅限您的数据：{rules}',
  'channel.inbox': '网页收件箱',
  'channel.email': '邮箱',
  'channel.slack': 'Slack',
  'channel.wecom': '企业微信',
};
