/**
 * Slack request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `v0=` + hex HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`), compared in constant time, with the
 * timestamp no more than five minutes from our clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Largest accepted |now − X-Slack-Request-Timestamp|, in seconds. */
export const MAX_SKEW_SECONDS = 300;

/** The signature Slack sends for `body` at `timestamp` (seconds). */
export function slackSignature(secret: string, timestamp: string | number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`, 'utf8').digest('hex')}`;
}

/** Why a request was refused. */
export type SignatureProblem = 'missing_headers' | 'stale_timestamp' | 'bad_signature';

/**
 * Checks a request's `X-Slack-Request-Timestamp` and `X-Slack-Signature` against its raw body.
 * @returns null when valid, else the problem.
 */
export function verifySlackSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  nowMs: number;
}): SignatureProblem | null {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing_headers';
  if (Math.abs(input.nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale_timestamp';
  const expected = Buffer.from(slackSignature(input.secret, timestamp, input.body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  return null;
}
