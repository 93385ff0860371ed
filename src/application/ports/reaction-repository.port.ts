import type { Message } from '../../domain/message/message.entity';
import type { MessageReactions, Reaction } from '../../domain/reaction/message-reactions';
import type { ReactionEmoji } from '../../domain/reaction/reaction-emoji';

/** What a reaction change left: whether it changed anything, and the message's reactions after it. */
export interface ReactionChange {
  /** False when the reaction was already there (add) or already gone (remove). */
  changed: boolean;
  reactions: MessageReactions;
}

export interface MessageChangeOptions {
  /**
   * Runs once a change is stored (not when nothing changed), before any other change of the same
   * message's reactions or pin is: events published here reach clients in the order of the changes,
   * so the counts of the last one are the stored counts.
   */
  announce?(reactions: MessageReactions): Promise<void>;
}

/**
 * Reactions of one tenant: one per (message, user, emoji). The message's summary (who reacted with
 * what) is kept with the message, so history pages, sends and the inbox read no more than before.
 */
export interface ReactionRepository {
  /**
   * Adds the reaction unless it is there; idempotent (concurrent repeats store it once).
   * @throws MessageDeletedError when the message became a tombstone meanwhile (nothing is kept).
   */
  add(message: Message, reaction: Reaction, options?: MessageChangeOptions): Promise<ReactionChange>;

  /** Removes the user's reaction with that emoji, if any. */
  remove(
    message: Message,
    userId: string,
    emoji: ReactionEmoji,
    options?: MessageChangeOptions,
  ): Promise<ReactionChange>;

  /** Removes every reaction of a message that became a tombstone. */
  clear(message: Message): Promise<void>;
}
