/** Accounts: create, look up, change role, attributes and password. */
import { asc, count, eq, sql } from 'drizzle-orm';
import { type AppDb, isUuid } from './db.ts';
import { type Role, type UserAttributes, users } from './schema.ts';

/** A stored account (includes the password hash: never send it to a client). */
export type User = typeof users.$inferSelect;

/** What it takes to create an account. */
export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  attributes?: UserAttributes;
  passwordHash?: string | null;
  mustChangePassword?: boolean;
  email?: string | null;
  wecomUserId?: string | null;
}

/** Fields an administrator may change. */
export interface UserChanges {
  displayName?: string;
  role?: Role;
  attributes?: UserAttributes;
  disabled?: boolean;
  email?: string | null;
  wecomUserId?: string | null;
}

/** Repository of {@link User}s. */
export function usersRepository(db: AppDb) {
  return {
    /** Inserts an account; throws on a duplicate username (callers check with `findByUsername` first). */
    async create(input: NewUser): Promise<User> {
      const [row] = await db
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName ?? input.username,
          role: input.role,
          attributes: input.attributes ?? {},
          passwordHash: input.passwordHash ?? null,
          mustChangePassword: input.mustChangePassword ?? false,
          email: input.email ?? null,
          wecomUserId: input.wecomUserId ?? null,
        })
        .returning();
      return row!;
    },

    /** The account with this id, or null. */
    async findById(id: string): Promise<User | null> {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
    },

    /** The account with this username, or null. */
    async findByUsername(username: string): Promise<User | null> {
      const [row] = await db.select().from(users).where(eq(users.username, username));
      return row ?? null;
    },

    /** The account with this e-mail address (case-insensitive), or null. */
    async findByEmail(email: string): Promise<User | null> {
      const [row] = await db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
      return row ?? null;
    },

    /** The account with this WeCom userid, or null. */
    async findByWecomUserId(wecomUserId: string): Promise<User | null> {
      const [row] = await db.select().from(users).where(eq(users.wecomUserId, wecomUserId));
      return row ?? null;
    },

    /** Every account, by username. */
    async list(): Promise<User[]> {
      return db.select().from(users).orderBy(asc(users.username));
    },

    /** How many accounts exist (0 on first start). */
    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(users);
      return Number(row?.n ?? 0);
    },

    /** Applies administrator changes; null when the account does not exist. */
    async update(id: string, changes: UserChanges): Promise<User | null> {
      if (!isUuid(id)) return null;
      if (Object.keys(changes).length === 0) return this.findById(id);
      const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
      return row ?? null;
    },

    /** Replaces the password hash; `mustChange` forces a change at next sign-in. */
    async setPassword(id: string, passwordHash: string, mustChange = false): Promise<boolean> {
      if (!isUuid(id)) return false;
      const rows = await db
        .update(users)
        .set({ passwordHash, mustChangePassword: mustChange })
        .where(eq(users.id, id))
        .returning({ id: users.id });
      return rows.length === 1;
    },
  };
}
