import type { Message } from '../../domain/message/message.entity';
import type { MessagePin } from '../../domain/pin/pin';

/** A pinned message of a channel. */
export interface PinnedMessage extends MessagePin {
  message_id: number;
}

export interface PinChange {
  /** False when the message was already pinned (pin) or not pinned (unpin). */
  changed: boolean;
  /** The message's pin after the call; null when it is not pinned. */
  pin: MessagePin | null;
}

export interface PinChangeOptions {
  /** As for reactions: runs after a stored change, before the message's next one (events in order). */
  announce?(pin: MessagePin | null): Promise<void>;
}

/**
 * Pinned messages of one tenant, at most `limit` per channel even when pins race (the bound is
 * enforced by storage, not by a count read beforehand). The message carries its pin too, so
 * history pages show it without another read.
 */
export interface PinRepository {
  /**
   * Pins the message unless it is pinned (then it keeps its first pin: idempotent).
   * @throws PinLimitReachedError when the channel holds `limit` pins; MessageDeletedError when the
   *   message became a tombstone meanwhile.
   */
  pin(message: Message, pin: MessagePin, limit: number, options?: PinChangeOptions): Promise<PinChange>;

  /** Unpins the message if it is pinned. */
  unpin(message: Message, options?: PinChangeOptions): Promise<PinChange>;

  /** The channel's pins, the most recently pinned first. */
  listByChannel(channelId: string): Promise<PinnedMessage[]>;
}
