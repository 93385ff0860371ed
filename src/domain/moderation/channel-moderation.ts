import { ValidationError } from '../shared/domain-error';
import { isInForce, RestrictionPrimitives } from './restriction';

/** A channel's moderation as stored on the channel document (so the node's channel memory holds it). */
export interface ChannelModerationPrimitives {
  bans: RestrictionPrimitives[];
  mutes: RestrictionPrimitives[];
  /** 0: off; else each member (admins aside) sends at most one message per this many seconds. */
  slow_mode_seconds: number;
  /** Direct channels only: the participants who blocked the other one (nobody writes while any did). */
  blocked_by: string[];
}

export const MAX_SLOW_MODE_SECONDS = 3_600;

/**
 * The channel's bans, mutes, slow mode and (direct channels) blocks. Immutable: each change gives a
 * new value, and drops the restrictions that have ended by then, so a channel's lists do not grow
 * with restrictions long over. The rules that use it are in domain/access/moderation-policy.ts.
 */
export class ChannelModeration {
  private constructor(private readonly props: ChannelModerationPrimitives) {}

  static none(): ChannelModeration {
    return new ChannelModeration({ bans: [], mutes: [], slow_mode_seconds: 0, blocked_by: [] });
  }

  /** From storage; a channel stored before moderation existed has none. */
  static fromPrimitives(props: Partial<ChannelModerationPrimitives> | null | undefined): ChannelModeration {
    return new ChannelModeration({
      bans: (props?.bans ?? []).map((r) => ({ ...r })),
      mutes: (props?.mutes ?? []).map((r) => ({ ...r })),
      slow_mode_seconds: props?.slow_mode_seconds ?? 0,
      blocked_by: [...(props?.blocked_by ?? [])],
    });
  }

  get slowModeSeconds(): number {
    return this.props.slow_mode_seconds;
  }

  get blockedBy(): readonly string[] {
    return this.props.blocked_by;
  }

  /** The user's ban in force at `now`, or null. */
  banOf(userId: string, now: Date): RestrictionPrimitives | null {
    return inForce(this.props.bans, now).find((r) => r.user_id === userId) ?? null;
  }

  /** The user's mute in force at `now`, or null. */
  muteOf(userId: string, now: Date): RestrictionPrimitives | null {
    return inForce(this.props.mutes, now).find((r) => r.user_id === userId) ?? null;
  }

  /** The bans in force, oldest first. */
  bans(now: Date): RestrictionPrimitives[] {
    return inForce(this.props.bans, now).map((r) => ({ ...r }));
  }

  /** The mutes in force, oldest first. */
  mutes(now: Date): RestrictionPrimitives[] {
    return inForce(this.props.mutes, now).map((r) => ({ ...r }));
  }

  /** Bans the user, or replaces their ban (a new end, a new reason). */
  withBan(ban: RestrictionPrimitives, now: Date): ChannelModeration {
    return this.with({ bans: replacing(inForce(this.props.bans, now), ban) });
  }

  withoutBan(userId: string, now: Date): ChannelModeration {
    return this.with({ bans: inForce(this.props.bans, now).filter((r) => r.user_id !== userId) });
  }

  withMute(mute: RestrictionPrimitives, now: Date): ChannelModeration {
    return this.with({ mutes: replacing(inForce(this.props.mutes, now), mute) });
  }

  withoutMute(userId: string, now: Date): ChannelModeration {
    return this.with({ mutes: inForce(this.props.mutes, now).filter((r) => r.user_id !== userId) });
  }

  withSlowMode(seconds: number): ChannelModeration {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_SLOW_MODE_SECONDS) {
      throw new ValidationError(`slow_mode_seconds must be an integer of 0-${MAX_SLOW_MODE_SECONDS}`, {
        field: 'slow_mode_seconds',
      });
    }
    return this.with({ slow_mode_seconds: seconds });
  }

  /** `userId` blocks (true) or no longer blocks (false) the other participant of a direct channel. */
  withBlockBy(userId: string, blocks: boolean): ChannelModeration {
    const others = this.props.blocked_by.filter((id) => id !== userId);
    return this.with({ blocked_by: blocks ? [...others, userId] : others });
  }

  toPrimitives(): ChannelModerationPrimitives {
    return ChannelModeration.fromPrimitives(this.props).props;
  }

  private with(change: Partial<ChannelModerationPrimitives>): ChannelModeration {
    return new ChannelModeration({ ...this.props, ...change });
  }
}

function inForce(list: readonly RestrictionPrimitives[], now: Date): RestrictionPrimitives[] {
  return list.filter((r) => isInForce(r, now));
}

function replacing(
  list: readonly RestrictionPrimitives[],
  entry: RestrictionPrimitives,
): RestrictionPrimitives[] {
  return [...list.filter((r) => r.user_id !== entry.user_id), { ...entry }];
}
