/** Auth cases for the first-start admin: the one-time password must be changed before anything else. */
import { expect, it } from 'vitest';
import { type AuthFixture, login, send } from './request-helpers.ts';

/** Cases run last in the auth suite: they change the admin's password. */
export function passwordCases(fx: AuthFixture, adminPassword: () => string): void {
  it('makes the admin change the one-time password before using anything but me/password/logout', async () => {
    const session = await login(fx.app, 'admin', adminPassword());
    const me = await send(fx.app, 'GET', '/auth/me', { cookie: session.cookie });
    expect(await me.json()).toMatchObject({ user: { username: 'admin', mustChangePassword: true } });
    const blocked = await send(fx.app, 'POST', '/auth/tokens', {
      cookie: session.cookie,
      csrf: session.csrf,
      body: { name: 'x' },
    });
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe(
      'password_change_required',
    );

    const change = (body: unknown) =>
      send(fx.app, 'POST', '/auth/password', { cookie: session.cookie, csrf: session.csrf, body });
    expect((await change({ currentPassword: 'wrong', newPassword: 'a-long-new-password' })).status).toBe(400);
    const short = await change({ currentPassword: adminPassword(), newPassword: 'short' });
    expect(((await short.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe(
      'newPassword',
    );
    expect(
      (await change({ currentPassword: adminPassword(), newPassword: 'a-long-new-password' })).status,
    ).toBe(200);

    const allowed = await send(fx.app, 'POST', '/auth/tokens', {
      cookie: session.cookie,
      csrf: session.csrf,
      body: { name: 'x' },
    });
    expect(allowed.status).toBe(201);
    const old = await send(fx.app, 'POST', '/auth/login', {
      body: { username: 'admin', password: adminPassword() },
    });
    expect(old.status).toBe(401);
    await login(fx.app, 'admin', 'a-long-new-password');
  });
}
