/** What the bots say besides answers, in Chinese and English. */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';

/** The language of a message: Chinese when it has a CJK character, else English. */
export function messageLanguage(text: string): Lang {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}

type Provider = 'slack' | 'wecom';

const linkCommand = (p: Provider, lang: Lang) =>
  p === 'slack' ? '/churn link <code>' : lang === 'zh' ? '绑定 <绑定码>' : 'link <code>';

export const channelMessages = {
  unlinked: (p: Provider, lang: Lang) =>
    lang === 'zh'
      ? `还不知道你在 Churn ChatBI 中是谁，所以不会回答任何数据。请登录网页版，在“账户”页面生成一次性绑定码，然后发送 \`${linkCommand(p, lang)}\`${p === 'slack' ? '（或请管理员为你的账户填写与 Slack 相同的邮箱）' : '（或请管理员在你的账户上填写企业微信 userid）'}。`
      : `I don't know who you are in Churn ChatBI yet, so I won't answer with any data. Sign in to the web app, create a one-time link code on the Account page, then send \`${linkCommand(p, lang)}\`${p === 'slack' ? ' (or ask an admin to set your account e-mail to your Slack e-mail)' : ' (or ask an admin to set your WeCom userid on your account)'}.`,
  linked: (username: string, lang: Lang) =>
    lang === 'zh'
      ? `已绑定到账户 ${username}。之后的提问都按该账户的数据权限回答。`
      : `Linked to the account ${username}. Your questions now run with its data access.`,
  badCode: (lang: Lang) =>
    lang === 'zh'
      ? '绑定码无效或已过期（有效期 10 分钟，只能使用一次）。请在网页版重新生成。'
      : 'That link code is unknown or expired (codes last 10 minutes and work once). Create a new one in the web app.',
  help: (p: Provider, lang: Lang) =>
    lang === 'zh'
      ? [
          '*Churn ChatBI* 回答客户流失相关的问题，按你自己的数据权限计算。',
          p === 'slack'
            ? '• 在频道里 @我 提问，或私信我，或用 `/churn 上季度各地区的流失率`'
            : '• 直接发送问题，例如“上季度各地区的流失率”',
          '• 在同一线程里继续追问（“按渠道看呢？”“为什么？”）会延续上下文',
          `• 绑定账户：\`${linkCommand(p, lang)}\`（绑定码在网页版“账户”页面生成）`,
        ].join('\n')
      : [
          '*Churn ChatBI* answers customer-churn questions with your own data access.',
          p === 'slack'
            ? '• Mention me in a channel, send me a direct message, or use `/churn churn rate by region last quarter`'
            : '• Send a question, e.g. "churn rate by region last quarter"',
          '• Follow-ups in the same thread ("by channel?", "why?") keep the context',
          `• Link your account: \`${linkCommand(p, lang)}\` (create the code on the web app's Account page)`,
        ].join('\n'),
  working: (lang: Lang) => (lang === 'zh' ? '⏳ 正在分析，请稍候…' : '⏳ Working on it…'),
  received: (lang: Lang) => (lang === 'zh' ? '收到，正在计算…' : 'Got it, working on it…'),
  rateLimited: (perMinute: number, lang: Lang) =>
    lang === 'zh'
      ? `提问太频繁了（每分钟最多 ${perMinute} 个），请稍后再试。`
      : `Too many questions (at most ${perMinute} a minute); please try again shortly.`,
  sharedAccess: (lang: Lang) =>
    lang === 'zh'
      ? '本频道成员的数据权限不同：以下结果只包含频道内每位成员都能看到的数据。'
      : 'Members of this channel have different data access: this answer only includes data every member may see.',
  privateReply: (lang: Lang) =>
    lang === 'zh'
      ? '本频道有成员尚未绑定账户（或没有共同可见的数据），所以结果只发给你本人；图表请私信我查看。'
      : 'Some members of this channel are not linked (or share no visible data), so only you see this answer; DM me for the chart.',
  groupPrivate: (sentPrivately: boolean, lang: Lang) =>
    sentPrivately
      ? lang === 'zh'
        ? '为保护数据权限，群聊中的提问结果已通过应用消息单独发给你。'
        : 'To protect data access, the answer was sent to you privately by the app.'
      : lang === 'zh'
        ? '为保护数据权限，群聊中不展示数据，请单聊我提问。'
        : 'To protect data access, I do not show data in group chats; please ask me in a one-to-one chat.',
  failed: (lang: Lang) =>
    lang === 'zh'
      ? '抱歉，这次没能完成回答，已记录错误。'
      : 'Sorry, I could not finish this answer; the error has been logged.',
  howComputed: (lang: Lang) => (lang === 'zh' ? '查看计算方式' : 'Show how this was computed'),
  chartTitle: (lang: Lang) => (lang === 'zh' ? '图表' : 'Chart'),
  moreRows: (shown: number, total: number, lang: Lang) =>
    lang === 'zh' ? `（显示前 ${shown} 行，共 ${total} 行）` : `(first ${shown} of ${total} rows)`,
  definitions: (lang: Lang) => (lang === 'zh' ? '所用定义' : 'Definitions used'),
  modelVersion: (lang: Lang) => (lang === 'zh' ? '模型版本' : 'Model version'),
  noProvenance: (lang: Lang) =>
    lang === 'zh' ? '找不到这条回答的计算记录。' : 'I cannot find how that answer was computed.',
};
