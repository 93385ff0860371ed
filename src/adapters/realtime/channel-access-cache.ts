import type { ChannelAccess, ChannelMembership } from '../../application/ports/channel-membership.port';

/** How long a channel's members are trusted without news of a removal (a revocation lost with Redis). */
export const CHANNEL_ACCESS_TTL_MS = 15_000;
/** Channels remembered at once; the oldest are forgotten first. */
const CAPACITY = 5_000;
/** Reads of a channel's members retried when a removal arrives while they are in flight. */
const MAX_READS = 3;

/** Where a channel's access is read: its document's participants and moderation, in one read. */
export interface ChannelAccessSource {
  findAccess(channelId: string): Promise<ChannelAccess | null>;
}

/** A channel of a tenant: its key in the cache, its id in the tenant. */
interface Channel {
  key: string;
  channelId: string;
}

interface Read {
  access: Promise<ChannelAccess | null>;
  /** The cache's revision when the read started: a removal since then may postdate its answer. */
  revision: number;
}

/**
 * The members (with their roles) and the moderation of the channels this API node's sockets connect
 * to and sends go to, so that a burst of connections costs one read per channel, a reconnection none,
 * and a send reads no channel. Trusted for "yes" only (ChannelMembership): a user not among the
 * remembered members is looked up again. A removal, a role or a moderation change anywhere reaches
 * every node (ChannelAccessRevocations) and makes it forget the channel, also answers still in
 * flight; the TTL bounds what a lost revocation can leave behind. Concurrent lookups of one channel
 * share one read.
 */
export class ChannelAccessCache {
  private readonly entries = new Map<string, { access: ChannelAccess; expiresAt: number }>();
  private readonly reads = new Map<string, Read>();
  /** Bumped by every removal heard (any channel: they are rare), so no read in flight can miss one. */
  private revision = 0;

  constructor(
    private readonly ttlMs = CHANNEL_ACCESS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * One tenant's ChannelMembership, answered from this cache and `channels`; `changed` is what tells
   * every node (ChannelAccessRevocations.publish; by default only this cache forgets).
   */
  forTenant(
    tenant: string,
    channels: ChannelAccessSource,
    changed: (channelId: string) => Promise<void> = async (channelId) => this.revoke(tenant, channelId),
  ): ChannelMembership {
    const accessFor = (channelId: string, userId: string) =>
      this.accessFor({ key: keyOf(tenant, channelId), channelId }, userId, channels);
    return {
      accessFor,
      isMember: async (channelId, userId) => (await accessFor(channelId, userId)) !== null,
      changed,
    };
  }

  revoke(tenant: string, channelId: string): void {
    const key = keyOf(tenant, channelId);
    this.entries.delete(key);
    this.reads.delete(key);
    this.revision += 1;
  }

  /** Forgets every channel (the revocations may have been missed, e.g. while Redis was away). */
  clear(): void {
    this.entries.clear();
    this.reads.clear();
    this.revision += 1;
  }

  private async accessFor(
    channel: Channel,
    userId: string,
    channels: ChannelAccessSource,
  ): Promise<ChannelAccess | null> {
    const entry = this.entries.get(channel.key);
    const cached = entry && entry.expiresAt > this.now() ? entry.access : undefined;
    if (cached?.roles.has(userId)) return cached;
    // Nothing remembered: share a read in flight. Someone not among the members may have just been
    // added, so before a "no" they get a read that started after they asked.
    const first = cached ? null : await this.accessOf(channel, channels, true);
    if (first?.access?.roles.has(userId)) return first.access;
    if (first?.ownRead) return null;
    const own = (await this.accessOf(channel, channels, false)).access;
    return own?.roles.has(userId) ? own : null;
  }

  private async accessOf(channel: Channel, channels: ChannelAccessSource, share: boolean) {
    for (let attempt = 0; attempt < MAX_READS; attempt += 1) {
      const shared = share ? this.reads.get(channel.key) : undefined;
      const read = shared ?? this.startRead(channel, channels);
      const access = await read.access;
      if (read.revision === this.revision) return { access, ownRead: !shared };
      share = false;
    }
    return { access: null, ownRead: true };
  }

  private startRead({ key, channelId }: Channel, channels: ChannelAccessSource): Read {
    const revision = this.revision;
    const settle = () => {
      if (this.reads.get(key) === read) this.reads.delete(key);
    };
    const access = channels.findAccess(channelId).then(
      (found) => {
        settle();
        if (found && revision === this.revision) this.remember(key, found);
        return found;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    const read: Read = { access, revision };
    this.reads.set(key, read);
    return read;
  }

  private remember(key: string, access: ChannelAccess): void {
    this.entries.delete(key);
    this.entries.set(key, { access, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}

function keyOf(tenant: string, channelId: string): string {
  return `${tenant}\n${channelId}`;
}
