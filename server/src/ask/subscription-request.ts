/**
 * Recognises a request to be sent something on a schedule ("每周一早上9点把上周流失情况发给我",
 * "每周一提醒我华南的流失率", "send me the churn rate every Monday at 9am", "remind me daily of …"):
 * the schedule as a five-field cron, the question to answer each time, and the channel when named.
 * Nothing is created here: the caller shows the proposal and creates it once the user confirms.
 */
import { parseNumber } from './text/numerals.ts';

export type RequestedChannel = 'inbox' | 'email' | 'slack' | 'wecom';

export interface SubscriptionProposal {
  language: 'zh' | 'en';
  cron: string;
  /** The question answered at each firing, in the user's words. */
  question: string;
  channel: RequestedChannel;
  /** The schedule in the user's language, for the confirmation. */
  scheduleText: string;
}

const ZH_DAYS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 0,
  天: 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 0,
};
const EN_DAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const ZH_DAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EN_DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const ZH_CUE = /(发给我|发我|推送给我|提醒我|通知我|发送给我|发到我|订阅)/;
const EN_CUE = /\b(send me|email me|remind me|notify me|subscribe me|message me)\b/i;

function channelOf(text: string): RequestedChannel {
  if (/邮件|邮箱|e-?mail/i.test(text)) return 'email';
  if (/slack/i.test(text)) return 'slack';
  if (/企业微信|企微|wecom/i.test(text)) return 'wecom';
  return 'inbox';
}

/** Hour and minute of "早上9点", "下午3点半", "9:30", "9am", "3 pm"; 9:00 when none is said. */
function timeOf(text: string): { hour: number; minute: number; said: boolean } {
  const zh =
    /(早上|上午|中午|下午|晚上)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[点:：时]\s*(半|(\d{1,2})\s*分?)?/.exec(
      text,
    );
  if (zh && (zh[1] || /[点时]/.test(zh[0]))) {
    let hour = parseNumber(zh[2]!) ?? 9;
    if ((zh[1] === '下午' || zh[1] === '晚上') && hour < 12) hour += 12;
    const minute = zh[3] === '半' ? 30 : zh[4] ? Number(zh[4]) : 0;
    return { hour, minute, said: true };
  }
  const en = /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b|\bat (\d{1,2}):(\d{2})\b/i.exec(text);
  if (en) {
    if (en[4]) return { hour: Number(en[4]), minute: Number(en[5]), said: true };
    let hour = Number(en[1]) % 12;
    if (en[3]!.toLowerCase() === 'pm') hour += 12;
    return { hour, minute: en[2] ? Number(en[2]) : 0, said: true };
  }
  return { hour: 9, minute: 0, said: false };
}

/** Strips the schedule, the cue and the channel words, leaving the question. */
function questionOf(text: string, lang: 'zh' | 'en'): string {
  let q = text;
  const drop =
    lang === 'zh'
      ? [
          /每(个)?(周|星期|礼拜)[一二三四五六日天1-7]?/g,
          /每(天|日)/g,
          /每(个)?月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(号|日)?/g,
          /(早上|上午|中午|下午|晚上)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[点:：时]\s*(半|\d{1,2}\s*分?)?/g,
          /(通过|用)?(邮件|邮箱|企业微信|企微|slack)/gi,
          /(把|将)/g,
          ZH_CUE,
          /^[，,。\s]+|[，,。！!？?\s]+$/g,
        ]
      : [
          /\bevery (day|week|weekday|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)( morning)?\b/gi,
          /\b(daily|weekly|monthly)\b/gi,
          /\bon (mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b/gi,
          /\bat \d{1,2}(:\d{2})?\s*(am|pm)?\b|\b\d{1,2}(:\d{2})?\s*(am|pm)\b/gi,
          /\b(by|via|on|in) (e-?mail|slack|wecom)\b/gi,
          EN_CUE,
          /\b(of|about)\b(?=\s)/i,
          /^[,.\s]+|[,.!?\s]+$/g,
        ];
  for (const re of drop) q = q.replace(re, ' ');
  return q.replace(/\s+/g, ' ').trim();
}

/**
 * The proposal behind a scheduled-delivery request, or null when the text is not one (an ordinary
 * question, or a schedule with nothing to send).
 * @example recogniseSubscription('每周一提醒我华南的流失率') → { cron: '0 9 * * 1', question: '华南的流失率', … }
 */
export function recogniseSubscription(text: string): SubscriptionProposal | null {
  const zh = /[\u4e00-\u9fff]/.test(text);
  const lang: 'zh' | 'en' = zh ? 'zh' : 'en';
  if (!(zh ? ZH_CUE : EN_CUE).test(text)) return null;
  const { hour, minute } = timeOf(text);
  if (hour > 23 || minute > 59) return null;
  let dow: number | null = null;
  let dom: number | null = null;
  let daily = false;
  if (zh) {
    const week = /每(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])?/.exec(text);
    const month = /每(?:个)?月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:号|日)?/.exec(text);
    if (week) dow = ZH_DAYS[week[1] ?? '一'] ?? 1;
    else if (month) dom = month[1] ? (parseNumber(month[1]) ?? 1) : 1;
    else if (/每(天|日)/.test(text)) daily = true;
  } else {
    const day = /\b(?:every|on) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/i.exec(text);
    if (day) dow = EN_DAYS[day[1]!.toLowerCase()]!;
    else if (/\b(every week|weekly)\b/i.test(text)) dow = 1;
    else if (/\b(every month|monthly)\b/i.test(text)) dom = 1;
    else if (/\b(every day|daily)\b/i.test(text)) daily = true;
  }
  if (dow === null && dom === null && !daily) return null;
  if (dom !== null && (dom < 1 || dom > 28)) return null;
  const question = questionOf(text, lang);
  if (!question) return null;
  const cron = `${minute} ${hour} ${dom ?? '*'} * ${dow ?? '*'}`;
  const hhmm = `${hour}:${String(minute).padStart(2, '0')}`;
  const scheduleText =
    lang === 'zh'
      ? `${dow !== null ? `每${ZH_DAY_NAMES[dow]}` : dom !== null ? `每月${dom}日` : '每天'} ${hhmm}`
      : `${dow !== null ? `every ${EN_DAY_NAMES[dow]}` : dom !== null ? `on day ${dom} of every month` : 'every day'} at ${hhmm}`;
  return { language: lang, cron, question, channel: channelOf(text), scheduleText };
}
