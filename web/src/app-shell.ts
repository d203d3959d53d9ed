import { h } from './dom.ts';
import { type Lang, lang, setLang, t } from './i18n/i18n.ts';
import type { MessageId } from './i18n/messages-en.ts';
import { currentUser, hasRole } from './session.ts';

interface NavItem {
  path: string;
  label: MessageId;
  visible: () => boolean;
}

const NAV: NavItem[] = [
  { path: 'home', label: 'nav.home', visible: () => true },
  { path: 'chat', label: 'nav.chat', visible: () => true },
  { path: 'catalog', label: 'nav.catalog', visible: () => true },
  { path: 'at-risk', label: 'nav.atRisk', visible: () => true },
  { path: 'campaigns', label: 'nav.campaigns', visible: () => true },
  { path: 'tasks', label: 'nav.tasks', visible: () => true },
  { path: 'inbox', label: 'nav.inbox', visible: () => true },
  { path: 'subscriptions', label: 'nav.subscriptions', visible: () => true },
  { path: 'editor', label: 'nav.editor', visible: () => hasRole('analyst') },
  { path: 'review', label: 'nav.review', visible: () => hasRole('admin') },
];

function languageSwitch(): HTMLElement {
  const other: Lang = lang() === 'zh' ? 'en' : 'zh';
  return h(
    'button',
    {
      type: 'button',
      class: 'lang-switch',
      lang: other === 'zh' ? 'zh-CN' : 'en',
      'aria-label': t('shell.switchLanguage'),
      onclick: () => setLang(other),
    },
    other === 'zh' ? '中文' : 'English',
  );
}

/**
 * The frame around every screen: skip link, header with navigation (by role), language switch and the
 * user's menu, and the `main` outlet the screens render into.
 */
export function appShell(active: string, signOut: () => void): { element: HTMLElement; outlet: HTMLElement } {
  const user = currentUser();
  const outlet = h('main', { id: 'main', class: 'screen', tabindex: -1 });
  const nav = user
    ? h(
        'nav',
        { class: 'main-nav', 'aria-label': t('shell.navigation') },
        h(
          'ul',
          null,
          NAV.filter((item) => item.visible()).map((item) =>
            h(
              'li',
              null,
              h(
                'a',
                { href: `#/${item.path}`, 'aria-current': item.path === active ? 'page' : null },
                t(item.label),
              ),
            ),
          ),
        ),
      )
    : null;
  const userMenu = user
    ? h(
        'div',
        { class: 'user-menu' },
        h('span', { class: 'user-name', title: user.username }, user.displayName),
        h('span', { class: 'badge' }, t(`role.${user.role}`)),
        h('a', { href: '#/password', class: 'small' }, t('shell.changePassword')),
        h('button', { type: 'button', class: 'btn btn-small', onclick: signOut }, t('shell.signOut')),
      )
    : null;
  const element = h(
    'div',
    { class: 'app' },
    h(
      'a',
      {
        class: 'skip-link',
        href: '#main',
        onclick: (e: Event) => {
          e.preventDefault();
          outlet.focus();
        },
      },
      t('shell.skip'),
    ),
    h(
      'header',
      { class: 'app-header' },
      h(
        'a',
        { class: 'brand', href: '#/home' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◆'),
        t('app.title'),
      ),
      nav,
      h('div', { class: 'header-tools' }, languageSwitch(), userMenu),
    ),
    outlet,
  );
  return { element, outlet };
}
