/**
 * Who is asking: a Slack or WeCom account → the product user whose role and row-level attributes the
 * answer runs with. An explicit link wins; otherwise a Slack user is matched by the e-mail of their
 * profile, a WeCom user by the userid stored on the account. Disabled accounts count as unlinked.
 */
import type { Store } from '../store/open-store.ts';
import type { ChannelProvider } from '../store/schema.ts';
import type { User } from '../store/users.ts';

/** `link CODE`, `/churn link CODE`, `绑定 CODE`: the code, or null when the text is not a link command. */
export function parseLinkCommand(text: string): { code: string | null } | null {
  const match = /^\s*(?:link|绑定)(?:\s+([A-Za-z0-9-]{4,20}))?\s*$/iu.exec(text);
  return match ? { code: match[1] ?? null } : null;
}

/** `help`, `帮助`, `?`: true when the text asks for help. */
export function isHelpCommand(text: string): boolean {
  return /^\s*(help|帮助|\?|？)\s*$/iu.test(text);
}

export class AccountLinks {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** The product user of a Slack account (linking by e-mail on first sight), or null. */
  async slackUser(
    team: string,
    slackUserId: string,
    email: () => Promise<string | null>,
  ): Promise<User | null> {
    const linked = await this.linkedUser('slack', team, slackUserId);
    if (linked !== undefined) return linked;
    const address = await email();
    const user = address ? await this.store.users.findByEmail(address) : null;
    if (!user || user.disabled) return null;
    await this.store.channelLinks.link({
      provider: 'slack',
      team,
      externalUserId: slackUserId,
      userId: user.id,
      method: 'email',
    });
    return user;
  }

  /** The product user of a WeCom account (by link, else by the userid stored on the account), or null. */
  async wecomUser(corpId: string, wecomUserId: string): Promise<User | null> {
    const linked = await this.linkedUser('wecom', corpId, wecomUserId);
    if (linked !== undefined) return linked;
    const user = await this.store.users.findByWecomUserId(wecomUserId);
    return user && !user.disabled ? user : null;
  }

  /** Redeems a one-time code for this account; the linked user, or null when the code is bad. */
  async redeem(
    provider: ChannelProvider,
    team: string,
    externalUserId: string,
    code: string,
  ): Promise<User | null> {
    const userId = await this.store.channelLinks.redeemCode(code, this.now());
    const user = userId ? await this.store.users.findById(userId) : null;
    if (!user || user.disabled) return null;
    await this.store.channelLinks.link({ provider, team, externalUserId, userId: user.id, method: 'code' });
    await this.store.audit.record({
      action: 'channel.link',
      userId: user.id,
      target: `${provider}:${team}:${externalUserId}`,
      details: { method: 'code' },
    });
    return user;
  }

  /** The explicitly linked user (null when disabled), or undefined when there is no link. */
  private async linkedUser(provider: ChannelProvider, team: string, externalUserId: string) {
    const link = await this.store.channelLinks.find(provider, team, externalUserId);
    if (!link) return undefined;
    const user = await this.store.users.findById(link.userId);
    return user && !user.disabled ? user : null;
  }
}
