import type { Lang } from '../../../semantic-layer/src/catalog.ts';

/**
 * The language of command-line output: `CHATBI_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`);
 * Chinese for `zh…`, English otherwise.
 * @example cliLanguage({ LANG: 'zh_CN.UTF-8' }) // 'zh'
 */
export function cliLanguage(env: Record<string, string | undefined> = process.env): Lang {
  const locale = env.CHATBI_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
