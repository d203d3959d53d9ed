import { describe, expect, it } from 'vitest';
import { dueOccurrence, nextOccurrence, scheduleProblem } from './schedule.ts';

const MONDAY_9 = '0 9 * * 1';
const TZ = 'Asia/Shanghai';

describe('schedules', () => {
  it('reads the cron in its time zone', () => {
    // Monday 2026-10-05 09:00 in Shanghai is 01:00 UTC.
    expect(nextOccurrence(MONDAY_9, TZ, new Date('2026-10-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-10-05T01:00:00.000Z',
    );
    expect(nextOccurrence(MONDAY_9, 'Europe/London', new Date('2026-10-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-10-05T08:00:00.000Z',
    );
  });

  it('is due at the occurrence, not before, and once', () => {
    const created = new Date('2026-10-01T00:00:00Z');
    expect(dueOccurrence(MONDAY_9, TZ, new Date('2026-10-05T00:59:59Z'), created)).toBeNull();
    const due = dueOccurrence(MONDAY_9, TZ, new Date('2026-10-05T01:00:00Z'), created);
    expect(due?.toISOString()).toBe('2026-10-05T01:00:00.000Z');
    expect(dueOccurrence(MONDAY_9, TZ, new Date('2026-10-05T03:00:00Z'), due!)).toBeNull();
  });

  it('collapses missed occurrences into the latest one (caught up once)', () => {
    const last = new Date('2026-10-05T01:00:00Z');
    // Down for three Mondays: only the last missed one is due.
    expect(dueOccurrence(MONDAY_9, TZ, new Date('2026-10-27T00:00:00Z'), last)?.toISOString()).toBe(
      '2026-10-26T01:00:00.000Z',
    );
  });

  it('explains a bad cron or time zone in both languages', () => {
    expect(scheduleProblem('0 9 * *', TZ, 'en')).toMatch(/Invalid cron expression/);
    expect(scheduleProblem('0 9 * * 1', 'Mars/Olympus', 'zh')).toMatch(/未知时区/);
    expect(scheduleProblem(MONDAY_9, TZ, 'en')).toBeNull();
  });
});
