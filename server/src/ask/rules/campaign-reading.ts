/**
 * In a question about campaign outcomes ("哪个渠道的挽回效果最好?", "which channel worked best?") a bare
 * "渠道" / "channel" is the channel the messages went out on, not the acquisition or sales channel: the
 * question is read with the message channel's own name in its place. Qualified channels are left alone.
 */
const ZH_BARE = /(?<!获客|销售|购买|下单|成交|拉新|来源|引流|触达|消息|发送)渠道/g;
const EN_BARE = /\b(?<!(?:acquisition|sales|purchase|order|message|contact|messaging)\s)channel(s?)\b/gi;

/** The question with bare channel words replaced (unchanged when it has none). */
export function readChannelsAsMessageChannels(question: string): string {
  return question.replace(ZH_BARE, '触达渠道').replace(EN_BARE, 'message channel$1');
}
