/** Schedules (five-field cron) in words and from a simple pick (daily / weekly / monthly at a time). */
import { locale, t } from '../i18n/i18n.ts';

export type Frequency = 'daily' | 'weekly' | 'monthly';

export interface SchedulePick {
  frequency: Frequency;
  /** 0 = Sunday … 6 = Saturday (weekly). */
  weekday: number;
  /** 1–28 (monthly). */
  day: number;
  /** "HH:MM". */
  time: string;
}

/** The cron of a pick. @example cronOf({ frequency: 'weekly', weekday: 1, day: 1, time: '09:00' }) → '0 9 * * 1' */
export function cronOf(p: SchedulePick): string {
  const [hh = '9', mm = '0'] = p.time.split(':');
  const hour = Number(hh);
  const minute = Number(mm);
  if (p.frequency === 'daily') return `${minute} ${hour} * * *`;
  if (p.frequency === 'weekly') return `${minute} ${hour} * * ${p.weekday}`;
  return `${minute} ${hour} ${p.day} * *`;
}

/** A cron this app writes, in words (`every Monday at 9:00`); other expressions are shown as they are. */
export function scheduleWords(cron: string): string {
  const m = /^(\d{1,2}) (\d{1,2}) (\*|\d{1,2}) \* (\*|[0-6])$/.exec(cron.trim());
  if (!m) return t('schedule.cron', { cron });
  const time = `${Number(m[2])}:${m[1]!.padStart(2, '0')}`;
  if (m[3] === '*' && m[4] === '*') return t('schedule.dailyAt', { time });
  if (m[3] === '*') return t('schedule.weeklyAt', { day: t(`weekday.${Number(m[4])}` as 'weekday.0'), time });
  if (m[4] === '*') return t('schedule.monthlyAt', { day: Number(m[3]), time });
  return t('schedule.cron', { cron });
}

/** A date and time in a time zone, in the interface's locale. */
export function formatInZone(iso: string | null, timezone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), {
    timeZone: timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
