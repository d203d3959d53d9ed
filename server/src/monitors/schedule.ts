/**
 * Schedules: five-field cron read in an IANA time zone (croner). The scheduler asks which occurrence is
 * due: the latest one at or before now and after the last firing claimed (or the subscription's creation).
 * Occurrences missed while no server ran collapse into that one: a missed run is caught up once.
 */
import { Cron } from 'croner';
import { monitorMessage } from './insight-messages.ts';

function cron(expression: string, timezone: string): Cron {
  return new Cron(expression, { timezone, paused: true, mode: '5-part' });
}

/** Why a schedule is unusable (bad cron or time zone), in the user's language; null when valid. */
export function scheduleProblem(expression: string, timezone: string, lang: 'zh' | 'en'): string | null {
  try {
    Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    return monitorMessage('unknown_timezone', lang, { timezone });
  }
  try {
    if (!cron(expression, timezone).nextRun()) throw new Error('never runs');
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return monitorMessage('invalid_cron', lang, { cron: expression, why });
  }
}

/** The occurrence due now: the latest one ≤ `now` and > `after`, or null. */
export function dueOccurrence(expression: string, timezone: string, now: Date, after: Date): Date | null {
  const [latest] = cron(expression, timezone).previousRuns(1, new Date(now.getTime() + 1000));
  return latest && latest.getTime() > after.getTime() && latest.getTime() <= now.getTime() ? latest : null;
}

/** The next occurrence strictly after `after`. */
export function nextOccurrence(expression: string, timezone: string, after: Date): Date | null {
  return cron(expression, timezone).nextRun(after);
}
