/**
 * The password policy (OWASP ASVS V2.1): at least 10 characters, at most 1024, not a common password,
 * not one character or a keyboard or alphabet run repeated, not the username. Checked when a user sets a
 * password; messages in both languages.
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import { httpMessage } from '../messages/http-messages.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 10;
const RUNS = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb',
];

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_username';

/** The first problem with `password` for `username`, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > 1024) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  if (new Set(lower).size < 4 || RUNS.some((run) => isRunRepeat(lower, run))) return 'repetitive';
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains_username';
  return null;
}

/** The problem in the user's language (messages in http/messages). */
export function passwordMessage(problem: PasswordProblem, lang: Lang): string {
  return httpMessage(`password.${problem}`, lang, { min: MIN_PASSWORD_LENGTH });
}

/** True when `text` is made only of consecutive pieces of `run` (forwards or backwards), e.g. 1234512345. */
function isRunRepeat(text: string, run: string): boolean {
  const both = [run, [...run].reverse().join('')];
  let i = 0;
  while (i < text.length) {
    let best = 0;
    for (const r of both)
      for (let start = 0; start < r.length; start++) {
        let n = 0;
        while (i + n < text.length && start + n < r.length && text[i + n] === r[start + n]) n++;
        best = Math.max(best, n);
      }
    if (best < 3) return false;
    i += best;
  }
  return true;
}
