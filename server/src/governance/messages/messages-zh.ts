import type { GovernanceCode, GovernanceWord } from './messages-en.ts';

/** 治理接口的中文消息（键与 messages-en.ts 相同）。 */
export const ZH: Record<GovernanceCode, string> = {
  unauthenticated: '请先登录',
  forbidden: '此操作需要{roles}角色',
  invalid_request: '请求无效：{detail}',
  model_not_found: '没有找到模型 {model} 的定义',
  version_not_found: '模型 {model} 没有版本 {versionNo}',
  not_a_draft: '版本 {versionNo} 当前状态为{status}，只有草稿可以编辑',
  not_author: '只有版本 {versionNo} 的作者可以修改或提交它',
  edit_conflict: '版本 {versionNo} 已被其他请求修改，请刷新后重新编辑',
  yaml_syntax: '{file} 不是有效的 YAML（{detail}），请整体替换该文件来修正',
  member_not_found: '{file} 中不存在：{detail}',
  not_a_map: '无法在 {file} 的该位置编辑：{detail}',
  unknown_file: '{file} 不是该模型的定义文件',
  invalid_definition: '定义中有 {count} 个错误，请修正后再{action}',
  invalid_transition: '版本 {versionNo} 当前为{status}，无法{action}',
  self_review: '不能审核自己编写的版本，请由另一位管理员审核',
  conflict: '另一个版本同时被发布，请刷新后重试',
  no_change: '版本 {versionNo} 与当前发布的版本内容相同',
  not_restorable: '只能回滚到曾经发布过的版本（版本 {versionNo} 为{status}）',
  activation_failed: '版本 {versionNo} 无法生效（{detail}），当前生效的仍是版本 {restored}',
  upload_activation_failed:
    '上传的模型 {model} 的版本 {versionNo} 已批准，但无法生效（{detail}）：该模型未上线；请修正数据或映射后重新上传',
  model_not_loaded: '服务器未加载模型 {model}，无法预览',
  preview_failed: '草稿预览失败：{detail}',
  preview_timeout: '预览超过 {seconds} 秒已被中止：草稿计算耗时过长。请简化定义（减少或简化规则）后重试。',
  feedback_not_found: '找不到差评反馈 {id}',
  invalid_correction: '更正后的查询与模型 {model} 不符：{detail}',
};

export const ZH_WORDS: Record<GovernanceWord, string> = {
  draft: '草稿',
  in_review: '审核中',
  published: '已发布',
  rejected: '已驳回',
  superseded: '已被取代',
  submit: '提交',
  submitted: '提交',
  approved: '批准',
  rejected_action: '驳回',
  preview: '预览',
  publish: '发布',
  analyst: '分析师',
  admin: '管理员',
  or: '或',
};
