/**
 * Server text in catalogs like the web app's (web/src/i18n): one object of English messages per folder
 * (`messages-en.ts`, `as const`, its keys are the message ids) and a Chinese one with the same keys
 * (`messages-zh.ts`, typed `Record<Id, string>` so a missing key fails the type check). `{name}`
 * placeholders are filled from parameters.
 */
import type { Lang } from '../../../semantic-layer/src/catalog.ts';

/** Message parameters, filled into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** `template` with `{name}` replaced by `params.name` (unknown names stay as they are). */
export function fillMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/**
 * The lookup function of a pair of catalogs.
 * @example const message = messageCatalog({ en: EN, zh: ZH }); message('error.not_found', 'zh', { path })
 */
export function messageCatalog<Id extends string>(catalogs: Record<Lang, Record<Id, string>>) {
  return (id: Id, lang: Lang, params?: MessageParams): string => fillMessage(catalogs[lang][id], params);
}
