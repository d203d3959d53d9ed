import { describe, expect, it } from 'vitest';
import { DEFAULT_SENDER, smtpConfigFromEnv } from './smtp-config.ts';

describe('one SMTP configuration', () => {
  it('reads a URL or host settings, with CHATBI_SMTP_FROM as the sender', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(smtpConfigFromEnv({}, warn)).toBeNull();
    expect(
      smtpConfigFromEnv(
        { CHATBI_SMTP_URL: 'smtps://u:p@mail.example:465', CHATBI_SMTP_FROM: 'A <a@x.example>' },
        warn,
      ),
    ).toEqual({ url: 'smtps://u:p@mail.example:465', from: 'A <a@x.example>' });
    expect(smtpConfigFromEnv({ CHATBI_SMTP_HOST: 'mail.example', CHATBI_SMTP_USER: 'u' }, warn)).toEqual({
      host: 'mail.example',
      port: 587,
      secure: false,
      user: 'u',
      pass: undefined,
      from: DEFAULT_SENDER,
    });
    expect(warnings).toEqual([]);
  });

  it('still accepts the old CHATBI_EMAIL_FROM, with a deprecation warning; the new name wins', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    const old = smtpConfigFromEnv(
      { CHATBI_SMTP_URL: 'smtp://h:25', CHATBI_EMAIL_FROM: 'Old <o@x.example>' },
      warn,
    );
    expect(old?.from).toBe('Old <o@x.example>');
    expect(warnings).toEqual([
      'CHATBI_EMAIL_FROM is deprecated: set CHATBI_SMTP_FROM (the sender of every e-mail) instead',
    ]);
    const both = smtpConfigFromEnv(
      {
        CHATBI_SMTP_URL: 'smtp://h:25',
        CHATBI_EMAIL_FROM: 'Old <o@x.example>',
        CHATBI_SMTP_FROM: 'New <n@x.example>',
      },
      warn,
    );
    expect(both?.from).toBe('New <n@x.example>');
    expect(warnings).toHaveLength(1);
  });

  it('names the variable that is wrong', () => {
    expect(() => smtpConfigFromEnv({ CHATBI_SMTP_URL: 'http://x' })).toThrow(/^CHATBI_SMTP_URL: /);
    expect(() => smtpConfigFromEnv({ CHATBI_SMTP_HOST: 'h', CHATBI_SMTP_PORT: '99999' })).toThrow(
      /^CHATBI_SMTP_PORT: /,
    );
  });
});
