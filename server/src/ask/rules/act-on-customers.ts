import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import {
  ACT_PATTERNS_EN,
  ACT_PATTERNS_ZH,
  ASKS_ABOUT_EN,
  ASKS_ABOUT_ZH,
  POLITE_REQUEST_ZH,
} from '../lexicon/act-on-customer-words.ts';
import { capabilities } from './messages.ts';

/** Clause edges: commas, stops, question marks, dashes, new lines (not the hyphen of "3668-QPYBK"). */
const CLAUSES = /[，,。？?!！;；\n—–]+|\.(?:\s+|$)/;

/**
 * The act a clause orders done on customers or accounts in another system ("帮我send个短信俾啲走咗嘅客",
 * "apply a $10 credit to 3668-QPYBK's account", "tolong WhatsApp semua customer"), or undefined. Only a
 * clause that starts with the order counts, and one that asks about the act ("发券以后回流率多少", "did
 * texting them work") is a question. The text is the question as read (simplified, dialect as Mandarin).
 */
export function actOnCustomers(folded: string): string | undefined {
  for (const clause of folded.split(CLAUSES)) {
    const trimmed = clause.trim();
    if (trimmed.length === 0) continue;
    const text = POLITE_REQUEST_ZH.exec(trimmed)?.[1] ?? trimmed;
    const zh = ASKS_ABOUT_ZH.test(text)
      ? undefined
      : ACT_PATTERNS_ZH.map((re) => re.exec(text)).find(Boolean);
    const en = ASKS_ABOUT_EN.test(text)
      ? undefined
      : ACT_PATTERNS_EN.map((re) => re.exec(text)).find(Boolean);
    const hit = zh ?? en;
    // said back from the verb to the clause's end ("群发一条优惠短信")
    if (hit) return text.slice(hit.index + hit[0].length - hit[1]!.length).trim();
  }
  return undefined;
}

/** Whether the clause holding `at` asks about an act ("发短信以后回流率多少") rather than ordering it. */
export function asksAboutAct(folded: string, at: number): boolean {
  const edges = new RegExp(CLAUSES.source, 'g');
  let start = 0;
  let end = folded.length;
  for (let m = edges.exec(folded); m; m = edges.exec(folded)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  const clause = folded.slice(start, end);
  return ASKS_ABOUT_ZH.test(clause) || ASKS_ABOUT_EN.test(clause);
}

/**
 * What the user will do with the people asked for ("需要 CS 这周 follow up 的", "so I can call them",
 * "this week's call list for the desk"): a purpose, not a filter or a request to act. Spans of `original`.
 */
export function purposeSpans(folded: string): [number, number][] {
  return [...folded.matchAll(PURPOSE)].map((m) => [m.index, m.index + m[0].length]);
}
const PURPOSE =
  /(?:需要|要|得|让|给|由|so (?:that )?(?:the |our )?[a-z]{1,8} can|for (?:the )?|to (?:be )?)?\s*(?:[a-z]{2,5}\s*|客服|坐席|销售|同事|店员)?(?:团队|组)?\s*(?:这周|本周|今天|明天|下周|this week|today|tomorrow|next week)?\s*(?:去|来)?(?:follow[- ]?up|跟进|回访|外呼|打电话|call|ring|reach out(?: to)?|chase)(?:\s*(?:with|on|them|up|一下|first|asap))*/gi;

/** A value said as who acts ("store teams"), said back as no filter. */
export function sayActor(text: string, lang: Lang): string {
  return lang === 'zh' ? `执行者（${text}），不作筛选` : `who acts (${text}), not a filter`;
}

/** The decline naming the act asked for, in the question's language. */
export function declineAct(act: string, catalog: Catalog, lang: Lang): string {
  const shown = act.length > 60 ? `${act.slice(0, 60)}…` : act;
  return (
    (lang === 'zh'
      ? `抱歉，我只能查询和分析数据，不能执行操作：“${shown}”要在对应的业务系统里做（发消息、打电话、发券退款、改客户记录都是如此）。`
      : `Sorry, I can only read and analyse the data; I cannot carry out actions such as "${shown}" (messages, calls, credits, refunds and changes to an account are made in the system that holds them). `) +
    capabilities(catalog, lang)
  );
}
