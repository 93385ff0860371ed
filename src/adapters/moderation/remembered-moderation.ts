import type { TenantBans } from '../../application/ports/tenant-bans.port';
import type { UserBlocks } from '../../application/ports/user-blocks.port';
import type { RestrictionPrimitives } from '../../domain/moderation/restriction';
import type { UserBlockPrimitives } from '../../domain/moderation/user-block';
import type { MongoTenantBans } from '../persistence/mongo/mongo-tenant-bans';
import type { MongoUserBlocks } from '../persistence/mongo/mongo-user-blocks';
import type { ModerationAnnouncements } from './moderation-announcements';
import type { ModerationMemory } from './moderation-memory';

/**
 * A tenant's bans, answered from the node's memory of them (one query per tenant per node) and
 * announced to every node when they change: each forgets them and closes the banned user's sockets.
 */
export class RememberedTenantBans implements TenantBans {
  constructor(
    private readonly stored: MongoTenantBans,
    private readonly memory: ModerationMemory,
    private readonly announcements: ModerationAnnouncements,
    private readonly tenant: string,
  ) {}

  async find(userId: string): Promise<RestrictionPrimitives | null> {
    const bans = await this.memory.bansOf(this.tenant, () => this.stored.all());
    return bans.get(userId) ?? null;
  }

  async put(
    ban: RestrictionPrimitives,
    now: Date,
  ): Promise<{ ban: RestrictionPrimitives; created: boolean }> {
    const stored = await this.stored.put(ban, now);
    await this.announcements.announce({
      tenant: this.tenant,
      kind: 'tenant-ban',
      user_id: ban.user_id,
      banned: true,
    });
    return stored;
  }

  async lift(userId: string, now: Date): Promise<RestrictionPrimitives | null> {
    const lifted = await this.stored.lift(userId, now);
    await this.announcements.announce({
      tenant: this.tenant,
      kind: 'tenant-ban',
      user_id: userId,
      banned: false,
    });
    return lifted;
  }

  list(now: Date): Promise<RestrictionPrimitives[]> {
    return this.stored.list(now);
  }
}

/**
 * A tenant's blocks, each user's list answered from the node's memory (one query per user per node)
 * and announced to every node when it changes.
 */
export class RememberedUserBlocks implements UserBlocks {
  constructor(
    private readonly stored: MongoUserBlocks,
    private readonly memory: ModerationMemory,
    private readonly announcements: ModerationAnnouncements,
    private readonly tenant: string,
  ) {}

  async add(block: UserBlockPrimitives): Promise<{ block: UserBlockPrimitives; created: boolean }> {
    const added = await this.stored.add(block);
    await this.changed(block.blocker_id);
    return added;
  }

  async remove(blockerId: string, blockedId: string): Promise<UserBlockPrimitives | null> {
    const removed = await this.stored.remove(blockerId, blockedId);
    await this.changed(blockerId);
    return removed;
  }

  list(blockerId: string): Promise<UserBlockPrimitives[]> {
    return this.stored.list(blockerId);
  }

  blockedBy(blockerId: string): Promise<ReadonlySet<string>> {
    return this.memory.blockedBy(this.tenant, blockerId, () => this.stored.blockedBy(blockerId));
  }

  isBlocking(blockerId: string, blockedId: string): Promise<boolean> {
    return this.stored.isBlocking(blockerId, blockedId);
  }

  private changed(userId: string): Promise<void> {
    return this.announcements.announce({ tenant: this.tenant, kind: 'blocks', user_id: userId });
  }
}
