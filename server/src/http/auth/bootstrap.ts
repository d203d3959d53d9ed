/** First-start provisioning: the admin account, demo accounts, and the `CHATBI_API_TOKEN` admin token. */
import { isUniqueViolation } from '../../store/db.ts';
import type { Store } from '../../store/open-store.ts';
import type { User } from '../../store/users.ts';
import { DEMO_USERS, type DemoUser } from './demo-users.ts';
import { generatePassword, hashPassword } from './passwords.ts';

/** Username of the account created on first start. */
export const ADMIN_USERNAME = 'admin';
/** Name under which the environment-provided API token is listed. */
export const ENV_TOKEN_NAME = 'CHATBI_API_TOKEN';
/** Shortest acceptable `CHATBI_API_TOKEN`: a guessable token would be a standing admin password. */
export const MIN_ENV_TOKEN_LENGTH = 16;

/** Options for {@link bootstrapAuth}. */
export interface BootstrapOptions {
  /** Also create the demo accounts. */
  demo?: boolean;
  /** Value of `CHATBI_API_TOKEN`: provisioned as an admin API token (idempotent). */
  apiToken?: string;
}

/** What the server should print after provisioning. */
export interface BootstrapResult {
  /** The admin's one-time password when the admin was created now (null when it already existed). */
  adminPassword: string | null;
  /** Demo accounts created now, with their documented passwords. */
  demoUsersCreated: DemoUser[];
  /** `provisioned`, `absent` (no env value) or `too_short` (refused: fewer than 16 characters). */
  apiToken: 'provisioned' | 'absent' | 'too_short';
}

/**
 * Idempotent: safe on every start and from several replicas at once.
 * @example const boot = await bootstrapAuth(store, { demo, apiToken: process.env.CHATBI_API_TOKEN });
 */
export async function bootstrapAuth(store: Store, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  let adminPassword: string | null = null;
  let admin = await store.users.findByUsername(ADMIN_USERNAME);
  if (!admin) {
    const password = generatePassword();
    const outcome = await createIfAbsent(store, {
      username: ADMIN_USERNAME,
      displayName: 'Administrator',
      role: 'admin',
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    admin = outcome.user;
    if (outcome.created) adminPassword = password;
  }

  const demoUsersCreated: DemoUser[] = [];
  if (options.demo) {
    for (const demo of DEMO_USERS) {
      const existing = await store.users.findByUsername(demo.username);
      // Demo accounts carry `<username>@demo.local`, so a Slack user with that e-mail links to them.
      if (existing && !existing.email)
        await store.users.update(existing.id, { email: demoEmail(demo) }).catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error; // another account already uses that address: leave it
        });
      if (existing) continue;
      const { created } = await createIfAbsent(store, {
        username: demo.username,
        displayName: demo.displayName,
        role: demo.role,
        attributes: demo.attributes,
        passwordHash: await hashPassword(demo.password),
        email: demoEmail(demo),
      });
      if (created) demoUsersCreated.push(demo);
    }
  }

  let apiToken: BootstrapResult['apiToken'] = 'absent';
  if (options.apiToken) {
    if (options.apiToken.length < MIN_ENV_TOKEN_LENGTH) {
      apiToken = 'too_short';
    } else {
      await store.apiTokens.provision(admin.id, ENV_TOKEN_NAME, options.apiToken);
      apiToken = 'provisioned';
    }
  }

  for (const user of demoUsersCreated) {
    await store.audit.record({ action: 'user.create', target: user.username, details: { demo: true } });
  }
  if (adminPassword)
    await store.audit.record({ action: 'user.create', target: ADMIN_USERNAME, details: { bootstrap: true } });
  return { adminPassword, demoUsersCreated, apiToken };
}

/** The e-mail of a demo account: `<username>@demo.local`. */
export function demoEmail(demo: Pick<DemoUser, 'username'>): string {
  return `${demo.username}@demo.local`;
}

/** Creates the user unless a concurrent replica just did (then returns theirs). */
async function createIfAbsent(
  store: Store,
  input: Parameters<Store['users']['create']>[0],
): Promise<{ user: User; created: boolean }> {
  try {
    return { user: await store.users.create(input), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await store.users.findByUsername(input.username);
    if (!existing) throw error;
    return { user: existing, created: false };
  }
}
