/**
 * Who is on the other end of the socket, and what a proxy says only when it is trusted. `X-Forwarded-For`
 * and `X-Forwarded-Proto` are headers anyone can send: they are read only when the connection comes from
 * an address listed in `CHATBI_TRUSTED_PROXIES` (comma-separated IPs, e.g. `127.0.0.1,::1`).
 */
import type { Context } from 'hono';

/** The addresses trusted to report the client's address and scheme (read on each call: tests change it). */
export function trustedProxies(): Set<string> {
  return new Set(
    (process.env.CHATBI_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => normalize(a.trim()))
      .filter(Boolean),
  );
}

function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** The socket's peer address when served by Node (null under `app.request`). */
export function socketAddress(c: Context): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const address = incoming?.socket?.remoteAddress;
  return address ? normalize(address) : null;
}

/** True when the request came through a trusted proxy. */
export function viaTrustedProxy(c: Context): boolean {
  const peer = socketAddress(c);
  return peer !== null && trustedProxies().has(peer);
}

/**
 * The client's address for the audit log and throttling: the socket's peer, or behind a trusted proxy the
 * right-most `X-Forwarded-For` entry that is not itself a trusted proxy.
 */
export function clientAddress(c: Context): string | null {
  const peer = socketAddress(c);
  if (peer === null || !trustedProxies().has(peer)) return peer;
  const trusted = trustedProxies();
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => normalize(h.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return peer;
}

/** The scheme the browser used: `X-Forwarded-Proto` only from a trusted proxy. */
export function requestScheme(c: Context): string {
  if (viaTrustedProxy(c)) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    if (proto) return proto;
  }
  return new URL(c.req.url).protocol.replace(':', '');
}
