import { channelLinksSection } from '../components/channel-links.ts';
import { errorMessage } from '../components/states.ts';
import { h, uid } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { changePassword, currentUser } from '../session.ts';

/** Required password change (the generated admin's first sign-in), also reachable from the user menu. */
export function changePasswordScreen(outlet: HTMLElement, done: () => void): void {
  const status = h('p', { class: 'form-error', role: 'alert' });
  const fields = [
    ['current', t('password.current'), 'current-password'],
    ['next', t('password.new'), 'new-password'],
    ['repeat', t('password.repeat'), 'new-password'],
  ].map(([name, label, autocomplete]) => {
    const id = uid(name);
    const input = h('input', { id, name, type: 'password', autocomplete, required: true });
    return { input, element: [h('label', { for: id }, label), input] };
  });
  const [current, next, repeat] = fields.map((f) => f.input);
  const form = h(
    'form',
    { class: 'sign-in-form' },
    h('h1', null, t('password.title')),
    h('p', { class: 'muted' }, t('password.hint')),
    status,
    fields.map((f) => f.element),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('password.submit')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (next.value !== repeat.value) {
      status.textContent = t('password.mismatch');
      return;
    }
    try {
      await changePassword(current.value, next.value);
      done();
    } catch (error) {
      status.textContent = errorMessage(error);
    }
  });
  // The account screen also links Slack / WeCom accounts (not during a forced password change).
  const links = currentUser()?.mustChangePassword ? null : channelLinksSection();
  outlet.replaceChildren(h('div', { class: 'sign-in narrow' }, form, links));
}
