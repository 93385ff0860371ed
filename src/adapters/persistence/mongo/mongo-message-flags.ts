import type { FilterQuery, Model } from 'mongoose';
import type { FlagPageQuery, MessageFlags } from '../../../application/ports/message-flags.port';
import type { MessageFlagPrimitives } from '../../../domain/moderation/message-flag';
import { isDuplicateKey } from './mongo-errors';
import { flagKey, type MessageFlagDocument } from './schemas/moderation.schemas';

/**
 * Flags, one per (message, participant) by the unique `flag_key`: of two concurrent flags of the
 * same pair one is stored, the other finds it. The admin list is newest first with a keyset cursor;
 * FerretDB v1 does not push the cursor's range down (it scans the tenant's flags), MongoDB walks the
 * `{created_at, _id}` index.
 */
export class MongoMessageFlags implements MessageFlags {
  constructor(private readonly flags: Model<MessageFlagDocument>) {}

  async createIfAbsent(
    flag: MessageFlagPrimitives,
  ): Promise<{ flag: MessageFlagPrimitives; created: boolean }> {
    const key = flagKey(flag.message_id, flag.flagged_by);
    try {
      const { id, ...rest } = flag;
      await this.flags.create({ _id: id, flag_key: key, ...rest });
      return { flag, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.flags.findOne({ flag_key: key }).lean<MessageFlagDocument>();
      if (!existing) throw error;
      return { flag: toFlag(existing), created: false };
    }
  }

  async page(query: FlagPageQuery): Promise<{ flags: MessageFlagPrimitives[]; has_more: boolean }> {
    const filter: FilterQuery<MessageFlagDocument> = {};
    if (query.channel_id !== undefined) filter.channel_id = query.channel_id;
    if (query.after) {
      const { created_at, id } = query.after;
      filter.$or = [{ created_at: { $lt: created_at } }, { created_at, _id: { $lt: id } }];
    }
    const docs = await this.flags
      .find(filter)
      .sort({ created_at: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean<MessageFlagDocument[]>();
    return { flags: docs.slice(0, query.limit).map(toFlag), has_more: docs.length > query.limit };
  }
}

function toFlag(doc: MessageFlagDocument): MessageFlagPrimitives {
  return {
    id: doc._id,
    channel_id: doc.channel_id,
    message_id: doc.message_id,
    message: doc.message,
    flagged_by: doc.flagged_by,
    reason: doc.reason,
    created_at: doc.created_at,
  };
}
