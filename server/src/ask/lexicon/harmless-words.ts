/**
 * Wording that changes nothing of what is asked (issue 13, paraphrase invariance; evals/invariance.ts):
 * how a message is opened, closed and laid out. Dropped or evened out by text/harmless-wording.ts before
 * matching, so "请问…", "…谢谢🙏", "@数据助手 …", "…? thanks!" and a line break mid-sentence read as
 * the bare question.
 */

/** An @mention of the assistant opening a message ("@数据助手 ", "@ChatBI:"). */
export const MENTION_LEAD = /^\s*@[^\s,，:：]{1,20}[\s,，:：]+/u;

/**
 * Polite lead-ins asking to look something up (never a verb of acting: 帮我发… stays an order). Dropped
 * only at the start, and only when a question follows.
 */
export const LOOKUP_LEADS_ZH =
  /^\s*(?:请问(?:一下)?|想问(?:一下)?|问一下|麻烦(?:你|您)?(?:帮(?:我|忙))?(?:看|查)(?:一)?下|(?:请|麻烦)?帮(?:我|忙)(?:查|看)(?:一)?下)\s*[，,：:]?\s*/u;

/** Someone's ask reported before a comma ("老板想知道，…", "王总关心，…"): the question follows. */
export const REPORTED_ASK_ZH = /^\s*[^：:，,。？?\s]{0,12}(?:想知道|想了解|想问|关心|问)[，,]\s*/u;

/** Thanks and sign-offs closing a Chinese message (谢谢, 多谢, 辛苦了), with what follows them. */
export const THANKS_TAIL_ZH =
  /[，,\s]*(?:谢谢(?:啦|了|你|您)?|多谢|谢啦|感谢|辛苦(?:了|啦)?)[!！。.～~]*\s*$/u;

/** Laughter and tildes at a clause end (…多少哈？, 前五个～): tone, not words. */
export const TONE_AT_CLAUSE_END = /(?:哈{1,3}|[～~]+)(?=[，,。？?！!\s]*$|[，,。？?！!])/gu;

/** Pictographs (🙏, 👍, 😂): tone, never words of the question. */
export const PICTOGRAPHS = /(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})+/gu;

/** English tails: "please", "thanks!", "thx" closing the question (after or before its mark). */
export const POLITE_TAIL_EN =
  /(?:[,\s]+(?:please|pls|plz|thanks|thank you|thx|ty|cheers)[!.]*)+(?=\s*[?.!]*\s*$)|(?<=[?.!])\s*(?:thanks|thank you|thx|cheers)[!.]*\s*$/iu;

/**
 * A closing sentence that only says what the answer is for ("需要给老板汇报。", "It's for a board deck."):
 * context with no data in it.
 */
export const PURPOSE_SENTENCE =
  /(?<=[。？?！!.]|^)\s*(?:(?:这个|这是|是)?(?:要|需要|得)?(?:给|向|跟)(?:老板|领导|老大|管理层|董事会|总部)汇报(?:用)?|(?:汇报|开会|写报告)要用|(?:it'?s|it is|this is|that'?s)\s+for\s+(?:a|an|the|our|my)\s+(?:board|exec(?:utive)?|leadership|management|monthly|quarterly|weekly)?\s*(?:deck|meeting|review|presentation|report|update|qbr))\s*[。.!！]?\s*$/iu;

/** People words said another way in English ("clients" for customers); not "the client should do". */
export const PEOPLE_VARIANTS_EN: [RegExp, string][] = [
  [/\bclients\b/gi, 'customers'],
  [/\bclient\b(?!\s+(?:do|does|should|would|wants?|needs?|asked|asks)\b)/gi, 'customer'],
];
