import type { ModerationPorts } from '../../../src/adapters/tenancy/moderation-context';
import type { ChannelAccess } from '../../../src/application/ports/channel-membership.port';
import type {
  ChannelModerationRepository,
  ModerationChange,
} from '../../../src/application/ports/channel-moderation.port';
import type {
  FlagPageQuery,
  FlagReporter,
  MessageFlags,
} from '../../../src/application/ports/message-flags.port';
import type { SlowModeGate } from '../../../src/application/ports/slow-mode.port';
import type { TenantBans } from '../../../src/application/ports/tenant-bans.port';
import type { UserBlocks } from '../../../src/application/ports/user-blocks.port';
import type { FlagView } from '../../../src/application/views/moderation.view';
import { directKey } from '../../../src/domain/channel/channel-keys';
import { ChannelModeration } from '../../../src/domain/moderation/channel-moderation';
import type { MessageFlagPrimitives } from '../../../src/domain/moderation/message-flag';
import { isInForce, type RestrictionPrimitives } from '../../../src/domain/moderation/restriction';
import type { UserBlockPrimitives } from '../../../src/domain/moderation/user-block';
import type { ManualClock } from './clock.fakes';
import type { InMemoryChannelRepository } from './in-memory-channel-repository';

/** The moderation field of the in-memory channels. */
export class InMemoryChannelModeration implements ChannelModerationRepository {
  constructor(private readonly channels: InMemoryChannelRepository) {}

  async modify<T>(
    channelId: string,
    change: (current: ChannelModeration) => ModerationChange<T>,
  ): Promise<T | null> {
    let result: T | null = null;
    this.channels.changeStored(channelId, (row) => {
      const outcome = change(ChannelModeration.fromPrimitives(row.moderation));
      row.moderation = outcome.moderation.toPrimitives();
      if (outcome.updatedAt) row.updated_at = outcome.updatedAt;
      result = outcome.result;
    });
    return result;
  }

  async findDirectChannelId(userA: string, userB: string): Promise<string | null> {
    return this.channels.findIdByDirectKey(directKey(userA, userB));
  }

  async findAccess(channelId: string): Promise<ChannelAccess | null> {
    const channel = await this.channels.findById(channelId);
    if (!channel) return null;
    return {
      channelType: channel.type,
      roles: new Map(channel.participants.map((p) => [p.userId, p.role])),
      moderation: channel.moderation,
    };
  }
}

export class InMemoryUserBlocks implements UserBlocks {
  readonly rows: UserBlockPrimitives[] = [];

  async add(block: UserBlockPrimitives) {
    const existing = this.find(block.blocker_id, block.blocked_id);
    if (existing) return { block: { ...existing }, created: false };
    this.rows.push({ ...block });
    return { block: { ...block }, created: true };
  }

  async remove(blockerId: string, blockedId: string) {
    const existing = this.find(blockerId, blockedId);
    if (!existing) return null;
    this.rows.splice(this.rows.indexOf(existing), 1);
    return { ...existing };
  }

  async list(blockerId: string) {
    return this.rows
      .filter((r) => r.blocker_id === blockerId)
      .map((r) => ({ ...r }))
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
  }

  async blockedBy(blockerId: string): Promise<ReadonlySet<string>> {
    return new Set(this.rows.filter((r) => r.blocker_id === blockerId).map((r) => r.blocked_id));
  }

  async isBlocking(blockerId: string, blockedId: string): Promise<boolean> {
    return this.find(blockerId, blockedId) !== undefined;
  }

  private find(blockerId: string, blockedId: string) {
    return this.rows.find((r) => r.blocker_id === blockerId && r.blocked_id === blockedId);
  }
}

export class InMemoryTenantBans implements TenantBans {
  private readonly bans = new Map<string, RestrictionPrimitives>();

  async find(userId: string) {
    const ban = this.bans.get(userId);
    return ban ? { ...ban } : null;
  }

  async put(ban: RestrictionPrimitives, now: Date) {
    const previous = this.bans.get(ban.user_id);
    this.bans.set(ban.user_id, { ...ban });
    return { ban: { ...ban }, created: !previous || !isInForce(previous, now) };
  }

  async lift(userId: string, now: Date) {
    const previous = this.bans.get(userId);
    this.bans.delete(userId);
    return previous && isInForce(previous, now) ? previous : null;
  }

  async list(now: Date) {
    return [...this.bans.values()].filter((b) => isInForce(b, now));
  }
}

export class InMemoryMessageFlags implements MessageFlags {
  readonly rows: MessageFlagPrimitives[] = [];

  async createIfAbsent(flag: MessageFlagPrimitives) {
    const existing = this.rows.find(
      (r) => r.message_id === flag.message_id && r.flagged_by === flag.flagged_by,
    );
    if (existing) return { flag: structuredClone(existing), created: false };
    this.rows.push(structuredClone(flag));
    return { flag: structuredClone(flag), created: true };
  }

  async page(query: FlagPageQuery) {
    const newestFirst = [...this.rows].sort(
      (a, b) => b.created_at.getTime() - a.created_at.getTime() || (a.id < b.id ? 1 : -1),
    );
    const after = query.after;
    const matching = newestFirst
      .filter((f) => query.channel_id === undefined || f.channel_id === query.channel_id)
      .filter(
        (f) =>
          !after ||
          f.created_at.getTime() < after.created_at.getTime() ||
          (f.created_at.getTime() === after.created_at.getTime() && f.id < after.id),
      );
    return {
      flags: matching.slice(0, query.limit).map((f) => structuredClone(f)),
      has_more: matching.length > query.limit,
    };
  }
}

/** What the webhook would have received. */
export class InMemoryFlagReporter implements FlagReporter {
  readonly reported: FlagView[] = [];

  async report(flag: FlagView): Promise<void> {
    if (!this.reported.some((f) => f.id === flag.id)) this.reported.push(structuredClone(flag));
  }
}

/** Slow mode's turns on the chat's clock. */
export class InMemorySlowMode implements SlowModeGate {
  private readonly turns = new Map<string, number>();

  constructor(private readonly clock: ManualClock) {}

  async claim(channelId: string, userId: string, seconds: number): Promise<number> {
    const key = `${channelId}\n${userId}`;
    const now = this.clock.now().getTime();
    const endsAt = this.turns.get(key) ?? 0;
    if (endsAt > now) return endsAt - now;
    this.turns.set(key, now + seconds * 1000);
    return 0;
  }

  async release(channelId: string, userId: string): Promise<void> {
    this.turns.delete(`${channelId}\n${userId}`);
  }
}

/** Every moderation port of an InMemoryChat. */
export function inMemoryModeration(channels: InMemoryChannelRepository, clock: ManualClock) {
  return {
    channels: new InMemoryChannelModeration(channels),
    blocks: new InMemoryUserBlocks(),
    tenantBans: new InMemoryTenantBans(),
    flags: new InMemoryMessageFlags(),
    flagReporter: new InMemoryFlagReporter(),
    slowMode: new InMemorySlowMode(clock),
  } satisfies ModerationPorts;
}
