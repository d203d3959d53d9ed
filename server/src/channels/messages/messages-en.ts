/**
 * English text of the Slack and WeCom bots besides answers; `messages-zh.ts` has the same keys (the type
 * checks it). `{name}` placeholders are filled by `channelMessages` (channel-messages.ts).
 */
export const EN = {
  'link_command.slack': '/churn link <code>',
  'link_command.wecom': 'link <code>',
  unlinked:
    "I don't know who you are in Churn ChatBI yet, so I won't answer with any data. Sign in to the web app, create a one-time link code on the Account page, then send `{command}`{how}.",
  'unlinked.slack': ' (or ask an admin to set your account e-mail to your Slack e-mail)',
  'unlinked.wecom': ' (or ask an admin to set your WeCom userid on your account)',
  linked: 'Linked to the account {username}. Your questions now run with its data access.',
  bad_code:
    'That link code is unknown or expired (codes last 10 minutes and work once). Create a new one in the web app.',
  'help.intro': '*Churn ChatBI* answers customer-churn questions with your own data access.',
  'help.ask.slack':
    '• Mention me in a channel, send me a direct message, or use `/churn churn rate by region last quarter`',
  'help.ask.wecom': '• Send a question, e.g. "churn rate by region last quarter"',
  'help.follow_up': '• Follow-ups in the same thread ("by channel?", "why?") keep the context',
  'help.link': "• Link your account: `{command}` (create the code on the web app's Account page)",
  working: '⏳ Working on it…',
  received: 'Got it, working on it…',
  rate_limited: 'Too many questions (at most {perMinute} a minute); please try again shortly.',
  shared_access:
    'Members of this channel have different data access: this answer only includes data every member may see.',
  private_reply:
    'Some members of this channel are not linked (or share no visible data), so only you see this answer; DM me for the chart.',
  'group.sent_privately': 'To protect data access, the answer was sent to you privately by the app.',
  'group.ask_privately':
    'To protect data access, I do not show data in group chats; please ask me in a one-to-one chat.',
  failed: 'Sorry, I could not finish this answer; the error has been logged.',
  how_computed: 'Show how this was computed',
  chart_title: 'Chart',
  more_rows: '(first {shown} of {total} rows)',
  definitions: 'Definitions used',
  model_version: 'Model version',
  no_provenance: 'I cannot find how that answer was computed.',
  not_understood: 'Words not understood: {words}',
  'list.separator': ', ',
  not_linked: 'the subscriber has not linked a {channel} account',
  'provider.slack': 'Slack',
  'provider.wecom': 'WeCom',
  'card.clarify': 'Did you mean?',
  'card.next': 'Ask next',
} as const;

export type ChannelMessageId = keyof typeof EN;
