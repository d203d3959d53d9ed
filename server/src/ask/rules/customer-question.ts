/**
 * "客户C0009058的情况", "show me customer C0009058": a question naming one customer by id asks for their
 * 360° view. The id must stand next to 客户 / customer, so codes in other questions are not read as ids.
 */
const ZH = /客户\s*(?:编号|ID|id)?\s*[:：]?\s*([A-Za-z]{0,3}\d{4,12})/;
const EN = /\bcustomers?\s*(?:id\s*)?#?\s*([A-Za-z]{0,3}\d{4,12})\b/i;
const BARE_FIRST = /^\s*([A-Za-z]{1,3}\d{4,12})\s*(?:的情况|的画像|的详情|怎么样|$)/;

/** The customer id a question asks about, or null. */
export function askedCustomerId(question: string): string | null {
  const m = ZH.exec(question) ?? EN.exec(question) ?? BARE_FIRST.exec(question);
  return m ? m[1]!.toUpperCase() : null;
}
