import type { Model } from 'mongoose';
import type { Message } from '../../../domain/message/message.entity';
import type { ReactionGroup } from '../../../domain/reaction/message-reactions';
import type { ChannelDocument } from './schemas/channel.schema';
import type { MessageDocument } from './schemas/message.schema';
import type { TenantLocks } from './tenant-locks';

/** What a message shows of its reactions and pin; each is derived from its own collection. */
export type Decorations = Partial<{
  reactions: ReactionGroup[];
  pinned_at: Date | null;
  pinned_by: string | null;
}>;

/**
 * Writes a message's decorations where views read them: on the message document (history pages)
 * and, when it is its channel's last message, on the channel's copy of it (the inbox). So showing
 * reactions and pins costs a page or an inbox no command; a change costs two writes.
 *
 * FerretDB v1 writes a whole document back on every update, so these `$set`s take the locks of the
 * writes they could undo: the channel's 'sequence' lock for the message (edits and deletions hold
 * it) and its 'channel' lock for the channel document (sends hold it). Callers hold the message's
 * 'message' lock around the change and this write, so the last write is the last change's.
 */
export class MessageDecorations {
  constructor(
    private readonly messages: Model<MessageDocument>,
    private readonly channels: Model<ChannelDocument>,
    private readonly locks: TenantLocks,
  ) {}

  /**
   * Writes `fields`. With `liveOnly`, a tombstone is left alone and the answer is false (the caller
   * undoes its change: a tombstone takes no reaction and no pin).
   */
  async write(message: Message, fields: Decorations, options: { liveOnly: boolean }): Promise<boolean> {
    const { id, channel_id } = message.toPrimitives();
    const filter = options.liveOnly ? { _id: id, deleted_at: null } : { _id: id };
    const stored = await this.locks.run('sequence', channel_id, () =>
      this.messages.updateOne(filter, { $set: fields }),
    );
    if (stored.matchedCount === 0) return false;
    const copy = Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [`last_message.${key}`, value]),
    );
    await this.locks.run('channel', channel_id, () =>
      this.channels.updateOne({ _id: channel_id, last_message_id: id }, { $set: copy }),
    );
    return true;
  }
}
