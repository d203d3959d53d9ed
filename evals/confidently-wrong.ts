import { readFileSync } from 'node:fs';
import type { EvalSummary } from './run-evals.ts';

/**
 * Counts the confidently wrong answers of eval reports (issue 13, "never confidently wrong"): a failed case
 * answered (kind `answer`, not a clarify or a decline) whose headline names nothing back: no
 * "没有理解…" / 'Not understood…' (unknown terms), no "只回答了…" / unanswered ask, no access notice.
 * A failure that asks back or names a word back is a miss, not a confident error.
 * Usage: npx tsx evals/confidently-wrong.ts /tmp/report-1.json [/tmp/report-2.json …] [--list]
 */
const NAMED_BACK = [
  /没有理解/,
  /未理解/,
  /Not understood/i,
  /只回答了/,
  /Only the first question is answered/i,
  /你只能查看/,
  /You can only see/i,
];

interface Got {
  kind?: string;
  narrative?: string;
}

/** The failed answered cases of one report whose headline names nothing back. */
export function confidentlyWrong(summary: EvalSummary): EvalSummary['results'] {
  return summary.results.filter((r) => {
    if (r.score.pass) return false;
    const got = (r.got ?? {}) as Got;
    if (got.kind !== 'answer') return false;
    return !NAMED_BACK.some((re) => re.test(got.narrative ?? ''));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  for (const file of args.filter((a) => !a.startsWith('--'))) {
    const summary = JSON.parse(readFileSync(file, 'utf8')) as EvalSummary;
    const wrong = confidentlyWrong(summary);
    console.log(`${file}: ${summary.passed}/${summary.total} right, ${wrong.length} confidently wrong`);
    if (list)
      for (const r of wrong)
        console.log(`  ${r.id}  ${r.question}\n      ${r.score.reasons.slice(0, 2).join(' | ')}`);
  }
}
