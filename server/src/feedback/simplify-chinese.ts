import { Converter } from 'opencc-js/t2cn';

/**
 * Traditional → simplified Chinese with OpenCC's Taiwan phrase table (軟體 → 软件, 當機 → 当机, 簡訊 → 短信),
 * so lexicons and the n-gram model, written in simplified Chinese, read both scripts. The converter is built
 * on first use; texts without a traditional-only character (nearly all simplified ones) skip it.
 */
let convert: ((text: string) => string) | undefined;
let traditional: Set<number> | undefined;

function setUp(): void {
  convert = Converter({ from: 'twp', to: 'cn' });
  // Characters that the plain character table changes: any of them marks a text as traditional. One call
  // over all CJK characters, one per line (some map to more than one character, so offsets do not line up).
  const byChar = Converter({ from: 't', to: 'cn' });
  const chars: string[] = [];
  for (let c = 0x4e00; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const simplified = byChar(chars.join('\n')).split('\n');
  traditional = new Set();
  chars.forEach((ch, i) => {
    if (simplified[i] !== ch) traditional?.add(ch.charCodeAt(0));
  });
}

/** The text in simplified characters; the same string when it has no traditional-only character. */
export function simplifyChinese(text: string): string {
  if (!traditional) setUp();
  for (let i = 0; i < text.length; i++) {
    if (traditional?.has(text.charCodeAt(i))) return convert?.(text) ?? text;
  }
  return text;
}
