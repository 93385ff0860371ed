import type { Model } from 'mongoose';
import type {
  MessageChangeOptions,
  ReactionChange,
  ReactionRepository,
} from '../../../application/ports/reaction-repository.port';
import type { Message } from '../../../domain/message/message.entity';
import { MessageDeletedError } from '../../../domain/message/message.errors';
import { MessageReactions, type Reaction } from '../../../domain/reaction/message-reactions';
import type { ReactionEmoji } from '../../../domain/reaction/reaction-emoji';
import type { MessageDecorations } from './message-decorations';
import { isDuplicateKey } from './mongo-errors';
import { reactionId, toReactions, type ReactionDocument } from './schemas/reaction.schema';
import type { TenantLocks } from './tenant-locks';

/**
 * Reactions as one document per (message, user, emoji), whose `_id` makes a repeat impossible
 * however requests race: the one thing FerretDB v1 does atomically. What the message shows is
 * rebuilt from its rows after each change and written with it (MessageDecorations), never
 * incremented: FerretDB v1 loses concurrent `$inc`s. The change, the rebuild, the write and the
 * announcement run under the message's lock, so events leave in the order of the changes, and a
 * write a crash left undone is redone by the message's next call.
 */
export class MongoReactionRepository implements ReactionRepository {
  constructor(
    private readonly rows: Model<ReactionDocument>,
    private readonly decorations: MessageDecorations,
    private readonly locks: TenantLocks,
  ) {}

  add(message: Message, reaction: Reaction, options: MessageChangeOptions = {}): Promise<ReactionChange> {
    return this.locks.run('message', message.id, async () => {
      const _id = reactionId(message.id, reaction.user_id, reaction.emoji);
      const changed = await this.rows
        .create({ _id, channel_id: message.channelId, message_id: message.id, ...reaction })
        .then(
          () => true,
          (error: unknown) => {
            if (isDuplicateKey(error)) return false;
            throw error;
          },
        );
      const reactions = await this.settle(message, changed);
      if (reactions === null) {
        await this.rows.deleteOne({ _id });
        throw new MessageDeletedError(message.id);
      }
      if (changed) await options.announce?.(reactions);
      return { changed, reactions };
    });
  }

  remove(
    message: Message,
    userId: string,
    emoji: ReactionEmoji,
    options: MessageChangeOptions = {},
  ): Promise<ReactionChange> {
    return this.locks.run('message', message.id, async () => {
      const { deletedCount } = await this.rows.deleteOne({ _id: reactionId(message.id, userId, emoji) });
      const changed = deletedCount === 1;
      const reactions = await this.settle(message, changed);
      if (reactions === null) return { changed: false, reactions: MessageReactions.none() };
      if (changed) await options.announce?.(reactions);
      return { changed, reactions };
    });
  }

  async clear(message: Message): Promise<void> {
    await this.locks.run('message', message.id, async () => {
      const { deletedCount } = await this.rows.deleteMany({ message_id: message.id });
      const shown = message.toPrimitives().reactions ?? [];
      if (deletedCount > 0 || shown.length > 0)
        await this.decorations.write(message, { reactions: [] }, { liveOnly: false });
    });
  }

  /**
   * The message's reactions from its rows, written onto the message when they changed or differ
   * from what it shows (a write a crash left undone); null when the message is a tombstone.
   */
  private async settle(message: Message, changed: boolean): Promise<MessageReactions | null> {
    const docs = await this.rows.find({ message_id: message.id }).lean<ReactionDocument[]>();
    const reactions = MessageReactions.of(toReactions(docs));
    const shown = JSON.stringify(message.reactions.toPrimitives());
    if (!changed && shown === JSON.stringify(reactions.toPrimitives())) {
      return message.isDeleted ? null : reactions;
    }
    const written = await this.decorations.write(
      message,
      { reactions: reactions.toPrimitives() },
      { liveOnly: true },
    );
    return written ? reactions : null;
  }
}
