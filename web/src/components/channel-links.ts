import { api } from '../api/client.ts';
import { h, replace } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { errorMessage } from './states.ts';

interface ChannelLink {
  id: string;
  provider: 'slack' | 'wecom';
  externalUserId: string;
  method: 'email' | 'code' | 'userid';
  createdAt: string;
}

/**
 * "Slack and WeCom" on the account screen: a one-time code to link a chat account (so the bots answer
 * with this user's access), and the linked accounts with an unlink button.
 */
export function channelLinksSection(): HTMLElement {
  const list = h('ul', { class: 'channel-links', 'aria-live': 'polite' });
  const codeBox = h('div', { class: 'link-code', 'aria-live': 'polite' });
  const status = h('p', { class: 'form-error', role: 'alert' });

  const load = async () => {
    try {
      const { links } = await api<{ links: ChannelLink[] }>('GET', '/api/channel-links');
      replace(
        list,
        links.length
          ? links.map((link) =>
              h(
                'li',
                null,
                h('span', null, `${t(`channels.${link.provider}`)} · ${link.externalUserId}`),
                h('span', { class: 'muted' }, ` (${t(`channels.method.${link.method}`)})`),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'btn btn-small',
                    onclick: async () => {
                      await api('DELETE', `/api/channel-links/${link.id}`).catch((e) => {
                        status.textContent = errorMessage(e);
                      });
                      await load();
                    },
                  },
                  t('channels.unlink'),
                ),
              ),
            )
          : h('li', { class: 'muted' }, t('channels.none')),
      );
    } catch (error) {
      status.textContent = errorMessage(error);
    }
  };

  const generate = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      onclick: async () => {
        try {
          const { code, expiresAt } = await api<{ code: string; expiresAt: string }>(
            'POST',
            '/api/channel-links/code',
          );
          const until = new Date(expiresAt).toLocaleTimeString();
          replace(
            codeBox,
            h(
              'p',
              null,
              t('channels.yourCode'),
              ' ',
              h('strong', { class: 'code', 'data-testid': 'link-code' }, code),
            ),
            h(
              'p',
              { class: 'muted' },
              t('channels.howTo').replaceAll('{code}', code).replace('{until}', until),
            ),
          );
        } catch (error) {
          status.textContent = errorMessage(error);
        }
      },
    },
    t('channels.generate'),
  );

  void load();
  return h(
    'section',
    { class: 'sign-in-form channel-links-section', 'aria-labelledby': 'channels-title' },
    h('h2', { id: 'channels-title' }, t('channels.title')),
    h('p', { class: 'muted' }, t('channels.hint')),
    status,
    list,
    generate,
    codeBox,
  );
}
