/**
 * Error codes of the governance API and their messages in Chinese and English. Codes are stable (clients
 * branch on them); messages are for people and take `{name}` parameters.
 */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';

const MESSAGES = {
  unauthenticated: { en: 'Sign in required', zh: '请先登录' },
  forbidden: { en: 'This requires the {roles} role', zh: '此操作需要{roles}角色' },
  invalid_request: { en: 'Invalid request: {detail}', zh: '请求无效：{detail}' },
  model_not_found: { en: 'No definitions are stored for model {model}', zh: '没有找到模型 {model} 的定义' },
  version_not_found: {
    en: 'Model {model} has no version {versionNo}',
    zh: '模型 {model} 没有版本 {versionNo}',
  },
  not_a_draft: {
    en: 'Version {versionNo} is {status}; only drafts can be edited',
    zh: '版本 {versionNo} 当前状态为{status}，只有草稿可以编辑',
  },
  not_author: {
    en: 'Only the author of version {versionNo} can change or submit it',
    zh: '只有版本 {versionNo} 的作者可以修改或提交它',
  },
  edit_conflict: {
    en: 'Version {versionNo} was changed by another request; reload it and apply your edit again',
    zh: '版本 {versionNo} 已被其他请求修改，请刷新后重新编辑',
  },
  yaml_syntax: {
    en: '{file} is not valid YAML ({detail}); replace the whole file to fix it',
    zh: '{file} 不是有效的 YAML（{detail}），请整体替换该文件来修正',
  },
  member_not_found: { en: 'Not found in {file}: {detail}', zh: '{file} 中不存在：{detail}' },
  not_a_map: { en: 'Cannot edit {file} there: {detail}', zh: '无法在 {file} 的该位置编辑：{detail}' },
  unknown_file: { en: '{file} is not a definition file of this model', zh: '{file} 不是该模型的定义文件' },
  invalid_definition: {
    en: 'The definition has {count} error(s); fix them before you {action}',
    zh: '定义中有 {count} 个错误，请修正后再{action}',
  },
  invalid_transition: {
    en: 'Version {versionNo} is {status} and cannot be {action}',
    zh: '版本 {versionNo} 当前为{status}，无法{action}',
  },
  self_review: {
    en: 'Authors cannot approve or reject their own versions; another admin must review it',
    zh: '不能审核自己编写的版本，请由另一位管理员审核',
  },
  conflict: {
    en: 'Another version was published at the same time; reload and try again',
    zh: '另一个版本同时被发布，请刷新后重试',
  },
  no_change: {
    en: 'Version {versionNo} has the same content as the published version',
    zh: '版本 {versionNo} 与当前发布的版本内容相同',
  },
  not_restorable: {
    en: 'Only versions that were published can be restored (version {versionNo} is {status})',
    zh: '只能回滚到曾经发布过的版本（版本 {versionNo} 为{status}）',
  },
  activation_failed: {
    en: 'Version {versionNo} could not be put into service ({detail}); version {restored} remains in force',
    zh: '版本 {versionNo} 无法生效（{detail}），当前生效的仍是版本 {restored}',
  },
  upload_activation_failed: {
    en: 'Version {versionNo} of the uploaded model {model} is approved but could not be put into service ({detail}): it is not served; fix the data or the mapping and upload again',
    zh: '上传的模型 {model} 的版本 {versionNo} 已批准，但无法生效（{detail}）：该模型未上线；请修正数据或映射后重新上传',
  },
  model_not_loaded: {
    en: 'Model {model} is not loaded on this server, so it cannot be previewed',
    zh: '服务器未加载模型 {model}，无法预览',
  },
  preview_failed: { en: 'The draft could not be previewed: {detail}', zh: '草稿预览失败：{detail}' },
  preview_timeout: {
    en: 'The preview was stopped after {seconds} s: the draft takes too long to compute. Simplify it (fewer or cheaper rules) and try again.',
    zh: '预览超过 {seconds} 秒已被中止：草稿计算耗时过长。请简化定义（减少或简化规则）后重试。',
  },
  feedback_not_found: { en: 'No thumbs-down feedback {id}', zh: '找不到差评反馈 {id}' },
  invalid_correction: {
    en: 'The corrected query does not fit model {model}: {detail}',
    zh: '更正后的查询与模型 {model} 不符：{detail}',
  },
} as const;

/** A governance error code. */
export type GovernanceCode = keyof typeof MESSAGES;

/** True for a code this catalog has a message for. */
export function isGovernanceCode(code: string): code is GovernanceCode {
  return Object.hasOwn(MESSAGES, code);
}

import type { MessageParams } from '../i18n/message-catalog.ts';

export type { MessageParams } from '../i18n/message-catalog.ts';

const WORDS: Record<string, { en: string; zh: string }> = {
  draft: { en: 'a draft', zh: '草稿' },
  in_review: { en: 'in review', zh: '审核中' },
  published: { en: 'published', zh: '已发布' },
  rejected: { en: 'rejected', zh: '已驳回' },
  superseded: { en: 'superseded', zh: '已被取代' },
  submit: { en: 'submit', zh: '提交' },
  submitted: { en: 'submitted', zh: '提交' },
  approved: { en: 'approved', zh: '批准' },
  rejected_action: { en: 'rejected', zh: '驳回' },
  preview: { en: 'preview', zh: '预览' },
  publish: { en: 'publish', zh: '发布' },
  analyst: { en: 'analyst', zh: '分析师' },
  admin: { en: 'admin', zh: '管理员' },
};

/** A status, action or role word in the user's language (unknown words pass through). */
export function word(key: string, lang: Lang): string {
  return WORDS[key]?.[lang] ?? key;
}

/**
 * The message for `code` in `lang`, with `{name}` replaced by `params.name`.
 * @example governanceMessage('no_change', 'zh', { versionNo: 3 })
 */
export function governanceMessage(code: GovernanceCode, lang: Lang, params: MessageParams = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    if (name === 'status' || name === 'action') return word(String(value), lang);
    if (name === 'roles') {
      return String(value)
        .split(',')
        .map((r) => word(r, lang))
        .join(lang === 'zh' ? '或' : ' or ');
    }
    return String(value);
  });
}
