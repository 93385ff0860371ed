import { randomInt } from 'node:crypto';
import type { Model } from 'mongoose';
import type {
  PinChange,
  PinChangeOptions,
  PinnedMessage,
  PinRepository,
} from '../../../application/ports/pin-repository.port';
import type { Message } from '../../../domain/message/message.entity';
import { MessageDeletedError } from '../../../domain/message/message.errors';
import { PinLimitReachedError, type MessagePin } from '../../../domain/pin/pin';
import type { MessageDecorations } from './message-decorations';
import { isDuplicateKey } from './mongo-errors';
import type { PinDocument } from './schemas/pin.schema';
import type { TenantLocks } from './tenant-locks';

/** Tries at a free slot before giving up; each loss means another pin of the channel took that slot. */
const MAX_SLOT_ATTEMPTS = 10;

/**
 * Pins as one document per pinned message (`_id` = message id), each in one of its channel's
 * `limit` slots (schemas/pin.schema.ts: the unique slot index is the bound). The message shows its
 * pin too (MessageDecorations). A pin and an unpin of one message run under that message's lock,
 * with their announcement, so events leave in order and the message shows the last one.
 */
export class MongoPinRepository implements PinRepository {
  constructor(
    private readonly pins: Model<PinDocument>,
    private readonly decorations: MessageDecorations,
    private readonly locks: TenantLocks,
  ) {}

  pin(message: Message, pin: MessagePin, limit: number, options: PinChangeOptions = {}): Promise<PinChange> {
    return this.locks.run('message', message.id, async () => {
      const first = await this.insert(message, pin, limit);
      if (first !== pin && samePin(message.pin, first)) return { changed: false, pin: first };
      if (!(await this.decorations.write(message, first, { liveOnly: true }))) {
        await this.pins.deleteOne({ _id: message.id });
        throw new MessageDeletedError(message.id);
      }
      if (first === pin) await options.announce?.(pin);
      return { changed: first === pin, pin: first };
    });
  }

  unpin(message: Message, options: PinChangeOptions = {}): Promise<PinChange> {
    return this.locks.run('message', message.id, async () => {
      const { deletedCount } = await this.pins.deleteOne({ _id: message.id });
      const shown = message.toPrimitives().pinned_at ?? null;
      if (deletedCount === 0 && shown === null) return { changed: false, pin: null };
      await this.decorations.write(message, { pinned_at: null, pinned_by: null }, { liveOnly: false });
      if (deletedCount === 1) await options.announce?.(null);
      return { changed: deletedCount === 1, pin: null };
    });
  }

  async listByChannel(channelId: string): Promise<PinnedMessage[]> {
    const docs = await this.pins.find({ channel_id: channelId }).lean<PinDocument[]>();
    return docs
      .map((doc) => ({ message_id: doc._id, ...pinOf(doc) }))
      .sort((a, b) => b.pinned_at.getTime() - a.pinned_at.getTime() || b.message_id - a.message_id);
  }

  /**
   * Stores the pin in a free slot of the channel, picked at random so that concurrent pins rarely
   * want the same one, unless the message is pinned already: answers the message's pin (`pin`
   * itself when it stored it). One read of the channel's pins tells both.
   * @throws PinLimitReachedError when every slot is taken.
   */
  private async insert(message: Message, pin: MessagePin, limit: number): Promise<MessagePin> {
    for (let attempt = 0; attempt < MAX_SLOT_ATTEMPTS; attempt += 1) {
      const taken = await this.pins.find({ channel_id: message.channelId }).lean<PinDocument[]>();
      const existing = taken.find((doc) => doc._id === message.id);
      if (existing) return pinOf(existing);
      const free = freeSlots(taken, limit);
      if (free.length === 0) throw new PinLimitReachedError(limit);
      const slot = free[randomInt(free.length)];
      try {
        await this.pins.create({ _id: message.id, channel_id: message.channelId, slot, ...pin });
        return pin;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // FerretDB's E11000 names no index: the slot was taken, or (had the lock expired) the message pinned.
        const pinned = await this.pins.findById(message.id).lean<PinDocument>();
        if (pinned) return pinOf(pinned);
      }
    }
    throw new Error(`channel ${message.channelId}: no free pin slot after ${MAX_SLOT_ATTEMPTS} attempts`);
  }
}

function freeSlots(taken: readonly Pick<PinDocument, 'slot'>[], limit: number): number[] {
  const used = new Set(taken.map((doc) => doc.slot));
  return Array.from({ length: limit }, (_, slot) => slot).filter((slot) => !used.has(slot));
}

function pinOf(doc: PinDocument): MessagePin {
  return { pinned_by: doc.pinned_by, pinned_at: doc.pinned_at };
}

function samePin(a: MessagePin | null, b: MessagePin): boolean {
  return a !== null && a.pinned_by === b.pinned_by && a.pinned_at.getTime() === b.pinned_at.getTime();
}
