import type { DemoUser } from '../api/types.ts';
import { errorMessage, loadInto } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { demoSignIn, demoUsers, signIn } from '../session.ts';

function roleLabel(role: string): string {
  return t(`role.${role as 'viewer' | 'analyst' | 'admin'}`);
}

/** Sign-in: one-click demo users (demo mode) and the username/password form. */
export function signInScreen(outlet: HTMLElement, signedIn: () => void): void {
  const status = h('p', { class: 'form-error', role: 'alert' });
  const fail = (error: unknown) => {
    status.textContent = errorMessage(error);
  };

  const demo = h('div', { class: 'demo-users' });
  void loadInto(demo, demoUsers, (users: DemoUser[]) =>
    users.length === 0
      ? h('p', { class: 'muted' }, t('signIn.noDemo'))
      : h(
          'div',
          null,
          h('h2', null, t('signIn.demoTitle')),
          h('p', { class: 'muted' }, t('signIn.demoHint')),
          h(
            'ul',
            { class: 'demo-user-list' },
            users.map((user) =>
              h(
                'li',
                null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'demo-user',
                    'data-username': user.username,
                    onclick: async (event: Event) => {
                      (event.currentTarget as HTMLButtonElement).disabled = true;
                      try {
                        await demoSignIn(user.username);
                        signedIn();
                      } catch (error) {
                        fail(error);
                        (event.currentTarget as HTMLButtonElement | null)?.removeAttribute('disabled');
                      }
                    },
                  },
                  h('strong', null, user.displayName),
                  h('span', { class: 'badge' }, roleLabel(user.role)),
                  Object.keys(user.attributes).length > 0 &&
                    h(
                      'span',
                      { class: 'muted small' },
                      Object.entries(user.attributes)
                        .map(([, v]) => `${t('signIn.limitedTo')} ${v.join(t('list.separator'))}`)
                        .join('; '),
                    ),
                ),
              ),
            ),
          ),
        ),
  );

  const userId = uid('username');
  const passwordId = uid('password');
  const username = h('input', { id: userId, name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    id: passwordId,
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const form = h(
    'form',
    { class: 'sign-in-form' },
    h('h2', null, t('signIn.passwordTitle')),
    h('label', { for: userId }, t('signIn.username')),
    username,
    h('label', { for: passwordId }, t('signIn.password')),
    password,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('signIn.submit')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    try {
      await signIn(username.value.trim(), password.value);
      signedIn();
    } catch (error) {
      fail(error);
    }
  });

  outlet.replaceChildren(
    h(
      'div',
      { class: 'sign-in' },
      h('h1', null, t('app.title')),
      h('p', { class: 'lead' }, t('signIn.intro')),
      status,
      h('div', { class: 'sign-in-panels' }, demo, form),
    ),
  );
}
