import type { Context } from 'hono';
import type { Lang } from '../../../semantic-layer/src/catalog.ts';

/** The language a request asked for explicitly (a body's `language`), remembered for its error messages. */
const asked = new WeakMap<Request, Lang>();

const isLang = (value: unknown): value is Lang => value === 'zh' || value === 'en';

/**
 * The user's language for messages: an explicit `language` (remembered for the rest of the request, so an
 * error thrown later speaks it too), else `?language=`, else Accept-Language (zh wins when first).
 */
export function requestLanguage(c: Context, explicit?: string | null): Lang {
  if (isLang(explicit)) {
    asked.set(c.req.raw, explicit);
    return explicit;
  }
  const remembered = asked.get(c.req.raw);
  if (remembered) return remembered;
  const query = c.req.query('language');
  if (isLang(query)) return query;
  const header = (c.req.header('accept-language') ?? '').toLowerCase();
  return header.startsWith('zh') ? 'zh' : 'en';
}
