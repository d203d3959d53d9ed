import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from './slack-signature.ts';

// Slack's "Verifying requests from Slack" example.
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const EXPECTED = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe('Slack request signatures', () => {
  const at = (nowSeconds: number, signature = EXPECTED, body = BODY) =>
    verifySlackSignature({ secret: SECRET, timestamp: TIMESTAMP, signature, body, nowMs: nowSeconds * 1000 });

  it('computes and accepts the official vector', () => {
    expect(slackSignature(SECRET, TIMESTAMP, BODY)).toBe(EXPECTED);
    expect(at(Number(TIMESTAMP) + 10)).toBeNull();
  });

  it('refuses a changed body, a wrong secret, a truncated signature and missing headers', () => {
    expect(at(Number(TIMESTAMP), EXPECTED, BODY.replace('text=', 'text=x'))).toBe('bad_signature');
    expect(at(Number(TIMESTAMP), slackSignature('another-secret', TIMESTAMP, BODY))).toBe('bad_signature');
    expect(at(Number(TIMESTAMP), EXPECTED.slice(0, -1))).toBe('bad_signature');
    expect(
      verifySlackSignature({
        secret: SECRET,
        timestamp: undefined,
        signature: EXPECTED,
        body: BODY,
        nowMs: 0,
      }),
    ).toBe('missing_headers');
  });

  it('refuses timestamps more than five minutes away, either way', () => {
    expect(at(Number(TIMESTAMP) + 300)).toBeNull();
    expect(at(Number(TIMESTAMP) + 301)).toBe('stale_timestamp');
    expect(at(Number(TIMESTAMP) - 301)).toBe('stale_timestamp');
  });
});
