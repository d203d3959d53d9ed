/** Conformance cases for users, sessions, API tokens and the audit log. */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashSecret, isUniqueViolation } from '../../src/store/db.ts';
import { apiTokens } from '../../src/store/schema.ts';
import { rawRows, type StoreRef } from './store-suite.ts';

const HOUR = 60 * 60 * 1000;

/** Cases over identities; usernames are unique per case so cases share one store. */
export function identityCases(store: StoreRef): void {
  describe('users', () => {
    it('round-trips role, display name and row-level attributes as a JSON object', async () => {
      const created = await store().users.create({
        username: 'u_roundtrip',
        displayName: '华南经理',
        role: 'viewer',
        attributes: { region: ['华南'], channel: ['app', 'store'] },
        passwordHash: 'x',
        mustChangePassword: true,
      });
      const found = await store().users.findByUsername('u_roundtrip');
      expect(found).toEqual(created);
      expect(found).toMatchObject({
        displayName: '华南经理',
        role: 'viewer',
        attributes: { region: ['华南'], channel: ['app', 'store'] },
        mustChangePassword: true,
        disabled: false,
      });
      expect(found!.createdAt).toBeInstanceOf(Date);
      const [stored] = await rawRows<{ kind: string }>(
        store(),
        sql`select jsonb_typeof(attributes) as kind from users where username = 'u_roundtrip'`,
      );
      expect(stored!.kind).toBe('object');
    });

    it('refuses a duplicate username with a unique violation and an unknown role with a check violation', async () => {
      await store().users.create({ username: 'u_dup', role: 'analyst' });
      const duplicate = await store()
        .users.create({ username: 'u_dup', role: 'viewer' })
        .catch((e: unknown) => e);
      expect(isUniqueViolation(duplicate)).toBe(true);
      const badRole = await store()
        .users.create({ username: 'u_badrole', role: 'superuser' as never })
        .catch((e: unknown) => e);
      expect(badRole).toBeInstanceOf(Error);
      expect(await store().users.findByUsername('u_badrole')).toBeNull();
    });

    it('updates role and attributes, and answers null for ids that are not UUIDs', async () => {
      const user = await store().users.create({ username: 'u_update', role: 'viewer' });
      const updated = await store().users.update(user.id, {
        role: 'analyst',
        attributes: { region: ['华东'] },
      });
      expect(updated).toMatchObject({ role: 'analyst', attributes: { region: ['华东'] } });
      expect(await store().users.findById('not-a-uuid')).toBeNull();
      expect(
        await store().users.update('00000000-0000-4000-8000-000000000000', { disabled: true }),
      ).toBeNull();
    });
  });

  describe('sessions', () => {
    it('are valid until they expire, then gone, and purgeable', async () => {
      const user = await store().users.create({ username: 'u_session', role: 'viewer' });
      const start = new Date('2030-01-01T00:00:00Z');
      const issued = await store().sessions.create(user.id, HOUR, start);
      expect(issued.id).toBe(hashSecret(issued.token));
      expect(issued.expiresAt.toISOString()).toBe('2030-01-01T01:00:00.000Z');

      const during = await store().sessions.findValid(issued.token, new Date('2030-01-01T00:59:59Z'));
      expect(during?.user.username).toBe('u_session');
      expect(during?.session.csrfToken).toBe(issued.csrfToken);
      expect(await store().sessions.findValid(issued.token, new Date('2030-01-01T01:00:00Z'))).toBeNull();
      expect(await store().sessions.findValid('forged-token', start)).toBeNull();
      expect(await store().sessions.purgeExpired(new Date('2030-01-01T02:00:00Z'))).toBeGreaterThanOrEqual(1);
      expect(await store().sessions.delete(issued.id)).toBe(false);
    });

    it('stop working when the user is disabled, and can be ended for a user except one', async () => {
      const user = await store().users.create({ username: 'u_session2', role: 'viewer' });
      const a = await store().sessions.create(user.id, HOUR);
      const b = await store().sessions.create(user.id, HOUR);
      expect(await store().sessions.deleteForUser(user.id, a.id)).toBe(1);
      expect(await store().sessions.findValid(b.token)).toBeNull();
      expect(await store().sessions.findValid(a.token)).not.toBeNull();
      await store().users.update(user.id, { disabled: true });
      expect(await store().sessions.findValid(a.token)).toBeNull();
    });
  });

  describe('API tokens', () => {
    it('verify by hash only, record use, and stop verifying once revoked', async () => {
      const user = await store().users.create({ username: 'u_token', role: 'analyst' });
      const created = await store().apiTokens.create(user.id, 'ci');
      expect(created.token).toMatch(/^cbi_[A-Za-z0-9_-]{43}$/);
      const [row] = await store().db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
      expect(row!.tokenHash).toBe(hashSecret(created.token));
      expect(JSON.stringify(row)).not.toContain(created.token);

      const verified = await store().apiTokens.verify(created.token);
      expect(verified).toMatchObject({ tokenId: created.id, user: { username: 'u_token', role: 'analyst' } });
      const [listed] = await store().apiTokens.listForUser(user.id);
      expect(listed!.lastUsedAt).toBeInstanceOf(Date);
      expect(await store().apiTokens.verify(`${created.token}x`)).toBeNull();

      expect(await store().apiTokens.revoke(created.id, '00000000-0000-4000-8000-000000000000')).toBe(false);
      expect(await store().apiTokens.revoke(created.id, user.id)).toBe(true);
      expect(await store().apiTokens.revoke(created.id, user.id)).toBe(false);
      expect(await store().apiTokens.verify(created.token)).toBeNull();
    });

    it('provision a given token idempotently and re-enable it after revocation', async () => {
      const user = await store().users.create({ username: 'u_provision', role: 'admin' });
      const first = await store().apiTokens.provision(user.id, 'ENV', 'env-token-0123456789');
      const again = await store().apiTokens.provision(user.id, 'ENV', 'env-token-0123456789');
      expect(again.id).toBe(first.id);
      await store().apiTokens.revoke(first.id);
      await store().apiTokens.provision(user.id, 'ENV', 'env-token-0123456789');
      expect((await store().apiTokens.verify('env-token-0123456789'))?.user.username).toBe('u_provision');
      expect(await store().apiTokens.listForUser(user.id)).toHaveLength(1);
    });
  });

  describe('audit log', () => {
    it('appends entries with JSON details and lists them newest first, filtered by action', async () => {
      const user = await store().users.create({ username: 'u_audit', role: 'admin' });
      await store().audit.record({
        action: 'test.first',
        userId: user.id,
        target: 't1',
        details: { n: 1 },
        ip: '10.0.0.1',
      });
      await store().audit.record({
        action: 'test.second',
        userId: user.id,
        details: { nested: { ok: true } },
      });
      await store().audit.record({ action: 'test.first', target: 't2' });
      const firsts = await store().audit.list({ action: 'test.first' });
      expect(firsts.map((e) => e.target)).toEqual(['t2', 't1']);
      expect(firsts[1]).toMatchObject({ userId: user.id, details: { n: 1 }, ip: '10.0.0.1' });
      expect(typeof firsts[0]!.id).toBe('number');
      expect(firsts[0]!.ts).toBeInstanceOf(Date);
      const mine = await store().audit.list({ userId: user.id });
      expect(mine.map((e) => e.action)).toEqual(['test.second', 'test.first']);
      expect(mine[0]!.details).toEqual({ nested: { ok: true } });
    });
  });
}
