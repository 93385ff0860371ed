import type { ChannelMembership } from '../../application/ports/channel-membership.port';
import type { ChannelRepository } from '../../application/ports/channel-repository.port';

/** How long a channel's members are trusted without news of a removal (a revocation lost with Redis). */
export const CHANNEL_ACCESS_TTL_MS = 15_000;
/** Channels remembered at once; the oldest are forgotten first. */
const CAPACITY = 5_000;
/** Reads of a channel's members retried when a removal arrives while they are in flight. */
const MAX_READS = 3;

type MemberIds = Pick<ChannelRepository, 'findMemberIds'>;

/** A channel of a tenant: its key in the cache, its id in the tenant. */
interface Channel {
  key: string;
  channelId: string;
}

interface Read {
  members: Promise<ReadonlySet<string> | null>;
  /** The cache's revision when the read started: a removal since then may postdate its answer. */
  revision: number;
}

/**
 * The members of the channels this API node's sockets connect to, so that a burst of connections
 * costs one read per channel and a reconnection none. Trusted for "yes" only (ChannelMembership):
 * a user not among the remembered members is looked up again. A removal anywhere reaches every node
 * (ChannelAccessRevocations) and makes it forget the channel, also answers still in flight; the TTL
 * bounds what a lost revocation can leave behind. Concurrent lookups of one channel share one read.
 */
export class ChannelAccessCache {
  private readonly entries = new Map<string, { members: ReadonlySet<string>; expiresAt: number }>();
  private readonly reads = new Map<string, Read>();
  /** Bumped by every removal heard (any channel: they are rare), so no read in flight can miss one. */
  private revision = 0;

  constructor(
    private readonly ttlMs = CHANNEL_ACCESS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** One tenant's ChannelMembership, answered from this cache and `channels`. */
  forTenant(tenant: string, channels: MemberIds): ChannelMembership {
    return {
      isMember: (channelId, userId) =>
        this.isMember({ key: keyOf(tenant, channelId), channelId }, userId, channels),
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

  private async isMember(channel: Channel, userId: string, channels: MemberIds): Promise<boolean> {
    const entry = this.entries.get(channel.key);
    const cached = entry && entry.expiresAt > this.now() ? entry.members : undefined;
    if (cached?.has(userId)) return true;
    // Nothing remembered: share a read in flight. Someone not among the members may have just been
    // added, so before a "no" they get a read that started after they asked.
    const first = cached ? null : await this.membersOf(channel, channels, true);
    if (first?.members?.has(userId)) return true;
    if (first?.ownRead) return false;
    return (await this.membersOf(channel, channels, false)).members?.has(userId) ?? false;
  }

  private async membersOf(channel: Channel, channels: MemberIds, share: boolean) {
    for (let attempt = 0; attempt < MAX_READS; attempt += 1) {
      const shared = share ? this.reads.get(channel.key) : undefined;
      const read = shared ?? this.startRead(channel, channels);
      const members = await read.members;
      if (read.revision === this.revision) return { members, ownRead: !shared };
      share = false;
    }
    return { members: null, ownRead: true };
  }

  private startRead({ key, channelId }: Channel, channels: MemberIds): Read {
    const revision = this.revision;
    const settle = () => {
      if (this.reads.get(key) === read) this.reads.delete(key);
    };
    const members = channels.findMemberIds(channelId).then(
      (ids) => {
        settle();
        const found = ids ? new Set(ids) : null;
        if (found && revision === this.revision) this.remember(key, found);
        return found;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    const read: Read = { members, revision };
    this.reads.set(key, read);
    return read;
  }

  private remember(key: string, members: ReadonlySet<string>): void {
    this.entries.delete(key);
    this.entries.set(key, { members, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}

function keyOf(tenant: string, channelId: string): string {
  return `${tenant}\n${channelId}`;
}
