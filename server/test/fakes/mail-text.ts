/** Reads a raw e-mail as a person would: the decoded subject (RFC 2047) and the decoded text/plain part. */

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function header(block: string, name: string): string {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
}

/** The decoded text/plain part of a (possibly multipart) message. */
function plainText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const boundary = /boundary="?([^";]+)"?/i.exec(header(head!, 'Content-Type'))?.[1];
  if (boundary) {
    for (const part of body.split(`--${boundary}`)) {
      const trimmed = part.replace(/^\r?\n/, '');
      const type = header(trimmed.split(/\r?\n\r?\n/)[0] ?? '', 'Content-Type');
      if (/text\/plain|multipart/i.test(type)) return plainText(trimmed);
    }
    return '';
  }
  const encoding = header(head!, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** Subject and text of a raw message. */
export function mailText(raw: string): { subject: string; text: string } {
  const [head] = raw.split(/\r?\n\r?\n/);
  return { subject: decodeWords(header(head!, 'Subject')), text: plainText(raw) };
}
