import type { Context } from 'hono';
import type { Lang } from '../../../semantic-layer/src/catalog.ts';

/** The user's language for messages: an explicit `language`, else Accept-Language (zh wins when first). */
export function requestLanguage(c: Context, explicit?: string | null): Lang {
  if (explicit === 'zh' || explicit === 'en') return explicit;
  const header = (c.req.header('accept-language') ?? '').toLowerCase();
  return header.startsWith('zh') ? 'zh' : 'en';
}
