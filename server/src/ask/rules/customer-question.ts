/**
 * One customer asked about by id, with any wording around it ("C0000888这个客户是啥子情况", "門號 6380-ARCEH
 * 這位用戶的狀況", "tell me about subscriber 6380-ARCEH", "客户C0009058的情况"): the customer's 360° view.
 * An id is either written after 客户 / customer (any code of 4+ digits), or has a customer id's own shape
 * anywhere in the question (lexicon CUSTOMER_ID_SHAPES: letters then 5+ digits, 4 digits-dash-5 letters).
 * A code after an order or ticket word ("订单号 O12345678") is not a customer. An id the data lacks is
 * answered "not found" by the profile analysis, never as another customer.
 */
import { CUSTOMER_ID_SHAPES, OTHER_RECORD_BEFORE } from '../lexicon/message-words.ts';

const ZH = /客户\s*(?:编号|ID|id)?\s*[:：]?\s*([A-Za-z]{0,3}\d{4,12})/;
const EN = /\bcustomers?\s*(?:id\s*)?#?\s*([A-Za-z]{0,3}\d{4,12})\b/i;
const BARE_FIRST = /^\s*([A-Za-z]{1,3}\d{4,12})\s*(?:的情况|的画像|的详情|怎么样|$)/;
const SHAPED = new RegExp(
  `(?<![A-Za-z0-9-])(${CUSTOMER_ID_SHAPES.map((r) => r.source).join('|')})(?![A-Za-z0-9-])`,
  'g',
);

/** The customer id a question asks about, or null. */
export function askedCustomerId(question: string): string | null {
  const m = ZH.exec(question) ?? EN.exec(question) ?? BARE_FIRST.exec(question);
  if (m) return m[1]!.toUpperCase();
  for (const s of question.matchAll(SHAPED)) {
    if (OTHER_RECORD_BEFORE.test(question.slice(Math.max(0, s.index - 12), s.index))) continue;
    return s[1]!.toUpperCase();
  }
  return null;
}
