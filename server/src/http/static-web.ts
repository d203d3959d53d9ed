import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built web app (web/dist): files by path, and index.html for every other non-API GET so
 * the browser app's own routes work on reload. Hashed assets are cached for a year.
 */
export function serveWeb(app: Hono<never>, distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return false;
  app.get('*', (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return c.notFound();
    const file = normalize(join(distDir, decodeURIComponent(path)));
    if (file.startsWith(distDir) && path !== '/' && existsSync(file) && extname(file)) {
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(readFileSync(file), 200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cache,
      });
    }
    return c.body(readFileSync(index, 'utf8'), 200, {
      'content-type': TYPES['.html']!,
      'cache-control': 'no-cache',
    });
  });
  return true;
}
