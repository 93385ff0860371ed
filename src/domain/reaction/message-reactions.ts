import type { ReactionEmoji } from './reaction-emoji';

/** One emoji on a message and who reacted with it, in the order they did. */
export interface ReactionGroup {
  emoji: ReactionEmoji;
  user_ids: string[];
}

/** One user's reaction, as stored (one per message, user and emoji). */
export interface Reaction {
  emoji: ReactionEmoji;
  user_id: string;
  created_at: Date;
}

/**
 * The reactions of one message: for each emoji, who used it, emoji in the order they were first
 * used and users in the order they reacted (as Slack lists them). Its size is bounded: the emoji
 * set is, and each user appears at most once per emoji.
 */
export class MessageReactions {
  private constructor(private readonly groups: readonly ReactionGroup[]) {}

  static none(): MessageReactions {
    return new MessageReactions([]);
  }

  static fromPrimitives(groups: readonly ReactionGroup[]): MessageReactions {
    return new MessageReactions(groups.map((g) => ({ emoji: g.emoji, user_ids: [...g.user_ids] })));
  }

  /** Groups stored reactions: the earliest first (ties by emoji, then user, so any reader agrees). */
  static of(reactions: readonly Reaction[]): MessageReactions {
    const sorted = [...reactions].sort(
      (a, b) =>
        a.created_at.getTime() - b.created_at.getTime() ||
        compare(a.emoji, b.emoji) ||
        compare(a.user_id, b.user_id),
    );
    const groups = new Map<ReactionEmoji, string[]>();
    for (const r of sorted) {
      const users = groups.get(r.emoji) ?? [];
      if (!users.includes(r.user_id)) users.push(r.user_id);
      groups.set(r.emoji, users);
    }
    return new MessageReactions([...groups].map(([emoji, user_ids]) => ({ emoji, user_ids })));
  }

  /** `{emoji: how many}`, emoji without reactions left out. */
  counts(): Partial<Record<ReactionEmoji, number>> {
    return Object.fromEntries(this.groups.map((g) => [g.emoji, g.user_ids.length]));
  }

  /** The emoji `userId` reacted with. */
  of(userId: string): ReactionEmoji[] {
    return this.groups.filter((g) => g.user_ids.includes(userId)).map((g) => g.emoji);
  }

  isEmpty(): boolean {
    return this.groups.length === 0;
  }

  toPrimitives(): ReactionGroup[] {
    return this.groups.map((g) => ({ emoji: g.emoji, user_ids: [...g.user_ids] }));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
