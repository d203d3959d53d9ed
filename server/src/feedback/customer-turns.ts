/**
 * Chat transcripts ("客服:您好… 用户:…", "Agent: … Customer: …") mix the agent's words with the customer's;
 * only the customer's say what they complain about ("Is there anything we could do?" is not a service
 * complaint). When a text has turns of both sides, this keeps the customer's turns; any other text is
 * returned as it is. Works on normalised text (NFKC turns "：" into ":", and the text is lower case).
 */
const AGENT = [
  'agent',
  'rep',
  'advisor',
  'adviser',
  'support',
  'staff',
  'csr',
  '客服',
  '坐席',
  '工作人员',
  '店员',
];
const CUSTOMER = ['customer', 'cust', 'caller', 'client', 'user', 'me', '用户', '客户', '顾客', '买家', '我'];
const SPEAKER = new RegExp(`(?:^|(?<=[\\s.,;!?。，；！？]))(${[...AGENT, ...CUSTOMER].join('|')})\\s*:`, 'g');
const AGENTS = new Set(AGENT);

/** The customer's turns of a two-sided transcript joined as sentences, else the text unchanged. */
export function customerTurns(text: string): string {
  if (!text.includes(':')) return text;
  const marks = [...text.matchAll(SPEAKER)];
  if (marks.length < 2) return text;
  const agentTurns = marks.filter((m) => AGENTS.has(m[1])).length;
  if (agentTurns === 0 || agentTurns === marks.length) return text;
  const turns: string[] = [];
  marks.forEach((m, k) => {
    if (AGENTS.has(m[1])) return;
    const start = (m.index ?? 0) + m[0].length;
    const end = k + 1 < marks.length ? (marks[k + 1].index ?? text.length) : text.length;
    const turn = text.slice(start, end).trim();
    if (turn) turns.push(turn);
  });
  return turns.length > 0 ? turns.join('\n') : text;
}
