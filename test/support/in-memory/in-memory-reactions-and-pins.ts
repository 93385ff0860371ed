import type {
  PinChange,
  PinChangeOptions,
  PinnedMessage,
  PinRepository,
} from '../../../src/application/ports/pin-repository.port';
import type {
  MessageChangeOptions,
  ReactionChange,
  ReactionRepository,
} from '../../../src/application/ports/reaction-repository.port';
import type { Message } from '../../../src/domain/message/message.entity';
import { MessageDeletedError } from '../../../src/domain/message/message.errors';
import { PinLimitReachedError, type MessagePin } from '../../../src/domain/pin/pin';
import { MessageReactions, type Reaction } from '../../../src/domain/reaction/message-reactions';
import type { ReactionEmoji } from '../../../src/domain/reaction/reaction-emoji';
import type { InMemoryMessageRepository } from './in-memory-message-repository';

/** One row per (message, user, emoji), as the unique `_id` keeps it on MongoDB; the message shows the summary. */
export class InMemoryReactionRepository implements ReactionRepository {
  private readonly rows = new Map<string, Reaction & { message_id: number }>();

  constructor(private readonly messages: InMemoryMessageRepository) {}

  async add(
    message: Message,
    reaction: Reaction,
    options: MessageChangeOptions = {},
  ): Promise<ReactionChange> {
    const key = keyOf(message.id, reaction.user_id, reaction.emoji);
    const changed = !this.rows.has(key);
    if (changed) this.rows.set(key, { ...reaction, message_id: message.id });
    const reactions = this.of(message.id);
    if (!this.messages.decorate(message, { reactions: reactions.toPrimitives() }, { liveOnly: true })) {
      this.rows.delete(key);
      throw new MessageDeletedError(message.id);
    }
    if (changed) await options.announce?.(reactions);
    return { changed, reactions };
  }

  async remove(
    message: Message,
    userId: string,
    emoji: ReactionEmoji,
    options: MessageChangeOptions = {},
  ): Promise<ReactionChange> {
    const changed = this.rows.delete(keyOf(message.id, userId, emoji));
    const reactions = this.of(message.id);
    if (!this.messages.decorate(message, { reactions: reactions.toPrimitives() }, { liveOnly: true }))
      return { changed: false, reactions: MessageReactions.none() };
    if (changed) await options.announce?.(reactions);
    return { changed, reactions };
  }

  async clear(message: Message): Promise<void> {
    for (const [key, row] of this.rows) if (row.message_id === message.id) this.rows.delete(key);
    this.messages.decorate(message, { reactions: [] }, { liveOnly: false });
  }

  /** Test helper: how many reactions are stored. */
  count(): number {
    return this.rows.size;
  }

  private of(messageId: number): MessageReactions {
    return MessageReactions.of([...this.rows.values()].filter((r) => r.message_id === messageId));
  }
}

/** Pins keyed by message id; the bound is counted, which a single-threaded fake may do. */
export class InMemoryPinRepository implements PinRepository {
  private readonly pins = new Map<number, PinnedMessage & { channel_id: string }>();

  constructor(private readonly messages: InMemoryMessageRepository) {}

  async pin(
    message: Message,
    pin: MessagePin,
    limit: number,
    options: PinChangeOptions = {},
  ): Promise<PinChange> {
    const existing = this.pins.get(message.id);
    if (existing)
      return { changed: false, pin: { pinned_by: existing.pinned_by, pinned_at: existing.pinned_at } };
    const inChannel = [...this.pins.values()].filter((p) => p.channel_id === message.channelId);
    if (inChannel.length >= limit) throw new PinLimitReachedError(limit);
    if (!this.messages.decorate(message, { ...pin }, { liveOnly: true }))
      throw new MessageDeletedError(message.id);
    this.pins.set(message.id, { ...pin, message_id: message.id, channel_id: message.channelId });
    await options.announce?.(pin);
    return { changed: true, pin };
  }

  async unpin(message: Message, options: PinChangeOptions = {}): Promise<PinChange> {
    const changed = this.pins.delete(message.id);
    if (!changed) return { changed: false, pin: null };
    this.messages.decorate(message, { pinned_at: null, pinned_by: null }, { liveOnly: false });
    await options.announce?.(null);
    return { changed, pin: null };
  }

  async listByChannel(channelId: string): Promise<PinnedMessage[]> {
    return [...this.pins.values()]
      .filter((p) => p.channel_id === channelId)
      .map(({ message_id, pinned_by, pinned_at }) => ({ message_id, pinned_by, pinned_at }))
      .sort((a, b) => b.pinned_at.getTime() - a.pinned_at.getTime() || b.message_id - a.message_id);
  }
}

function keyOf(messageId: number, userId: string, emoji: string): string {
  return JSON.stringify([messageId, userId, emoji]);
}
