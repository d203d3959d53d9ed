import { EN, type MessageId } from './messages-en.ts';
import { ZH } from './messages-zh.ts';

/** The interface language: Chinese or English (the server answers in the same one). */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'chatbi.lang';
const listeners = new Set<(lang: Lang) => void>();

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  const browser = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current: Lang = initialLang();

/** The current interface language. */
export function lang(): Lang {
  return current;
}

/** Switches the language, remembers it, and tells subscribers (screens re-render). */
export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  setDocumentLang();
  for (const listener of listeners) listener(next);
}

/** Calls `listener` after every language switch; returns the unsubscribe function. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A message in the current language, with `{name}` placeholders filled.
 * @example t('home.changeVsPrevious', { change: '+1.2 pp' })
 */
export function t(id: MessageId, vars: Record<string, string | number> = {}): string {
  const text = (current === 'zh' ? ZH : EN)[id] ?? EN[id] ?? id;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    vars[name] === undefined ? match : String(vars[name]),
  );
}

/** Picks the current language's side of a `{ zh, en }` label. */
export function pick(label: { zh: string; en: string } | string | undefined | null): string {
  if (!label) return '';
  if (typeof label === 'string') return label;
  return label[current] || label.en || label.zh;
}

/** Locale for `Intl` formatting. */
export function locale(): string {
  return current === 'zh' ? 'zh-CN' : 'en-US';
}

function setDocumentLang(): void {
  const root = globalThis.document?.documentElement;
  if (root) root.lang = current === 'zh' ? 'zh-CN' : 'en';
}
setDocumentLang();
