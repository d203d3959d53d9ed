import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.ts';

const names = { from: 'a/f.yaml', to: 'b/f.yaml' };

/** Applies a unified diff to `before` (the reader's side of the contract). */
function applyPatch(before: string, patch: string): string {
  const lines = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let at = 0;
  const body = patch.split('\n').slice(2, -1);
  for (let i = 0; i < body.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(body[i]!);
    if (!header) throw new Error(`bad hunk header ${body[i]}`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const start = oldCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (at < start) out.push(lines[at++]!);
    while (i + 1 < body.length && !body[i + 1]!.startsWith('@@')) {
      const line = body[++i]!;
      if (line[0] === ' ' || line[0] === '-') {
        expect(lines[at]).toBe(line.slice(1));
        at++;
      }
      if (line[0] === ' ' || line[0] === '+') out.push(line.slice(1));
    }
  }
  while (at < lines.length) out.push(lines[at++]!);
  return out.length ? `${out.join('\n')}\n` : '';
}

describe('unifiedDiff', () => {
  it('prints one hunk with three lines of context, as diff -u does', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(unifiedDiff(before, after, names)).toBe(
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n',
    );
  });

  it('numbers an empty side by the line before it', () => {
    expect(unifiedDiff('', 'x\n', names)).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -0,0 +1 @@\n+x\n');
    expect(unifiedDiff('x\ny\n', 'x\n', names)).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1 @@\n x\n-y\n');
  });

  it('is empty for equal texts and splits far-apart changes into hunks', () => {
    expect(unifiedDiff('a\n', 'a\n', names)).toBe('');
    const before = Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l2\n', 'L2\n').replace('l25\n', 'L25\n');
    expect(unifiedDiff(before, after, names).match(/^@@/gm)).toHaveLength(2);
  });

  it('round-trips: applying the diff to the old text gives the new one (random edits)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const base = Array.from({ length: random(40) }, () => `line ${random(8)}`);
      const edited = [...base];
      for (let k = random(6); k > 0; k--) {
        const at = random(edited.length + 1);
        if (random(2)) edited.splice(at, 1);
        else edited.splice(at, 0, `new ${random(5)}`);
      }
      const before = base.length ? `${base.join('\n')}\n` : '';
      const after = edited.length ? `${edited.join('\n')}\n` : '';
      const patch = unifiedDiff(before, after, names);
      expect(patch === '' ? before : applyPatch(before, patch)).toBe(after);
    }
  });
});
