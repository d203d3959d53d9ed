/** The few fields we read from WeCom's callback XML (flat `<xml>` documents, CDATA or plain text). */

/** The text of `<tag>` in a flat XML document, or undefined. */
export function xmlField(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${tag}>`).exec(xml);
  if (!match) return undefined;
  return match[1] ?? decodeEntities(match[2] ?? '');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
