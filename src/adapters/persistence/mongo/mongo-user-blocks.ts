import type { Model } from 'mongoose';
import type { UserBlocks } from '../../../application/ports/user-blocks.port';
import type { UserBlockPrimitives } from '../../../domain/moderation/user-block';
import { isDuplicateKey } from './mongo-errors';
import { blockId, type UserBlockDocument } from './schemas/moderation.schemas';

/** Blocks, one per (blocker, blocked) by `_id`; a user's are one equality query on `blocker_id`. */
export class MongoUserBlocks implements UserBlocks {
  constructor(private readonly blocks: Model<UserBlockDocument>) {}

  async add(block: UserBlockPrimitives): Promise<{ block: UserBlockPrimitives; created: boolean }> {
    const _id = blockId(block.blocker_id, block.blocked_id);
    try {
      await this.blocks.create({ _id, ...block });
      return { block, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.blocks.findById(_id).lean<UserBlockDocument>();
      if (!existing) throw error;
      return { block: toBlock(existing), created: false };
    }
  }

  async remove(blockerId: string, blockedId: string): Promise<UserBlockPrimitives | null> {
    const _id = blockId(blockerId, blockedId);
    const existing = await this.blocks.findById(_id).lean<UserBlockDocument>();
    if (!existing) return null;
    const { deletedCount } = await this.blocks.deleteOne({ _id });
    return deletedCount === 1 ? toBlock(existing) : null;
  }

  async list(blockerId: string): Promise<UserBlockPrimitives[]> {
    const docs = await this.blocks.find({ blocker_id: blockerId }).lean<UserBlockDocument[]>();
    return docs.map(toBlock).sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
  }

  async blockedBy(blockerId: string): Promise<ReadonlySet<string>> {
    const docs = await this.blocks
      .find({ blocker_id: blockerId }, { blocked_id: 1 })
      .lean<Array<Pick<UserBlockDocument, 'blocked_id'>>>();
    return new Set(docs.map((d) => d.blocked_id));
  }

  async isBlocking(blockerId: string, blockedId: string): Promise<boolean> {
    return (await this.blocks.exists({ _id: blockId(blockerId, blockedId) })) !== null;
  }
}

function toBlock(doc: UserBlockDocument): UserBlockPrimitives {
  return { blocker_id: doc.blocker_id, blocked_id: doc.blocked_id, created_at: doc.created_at };
}
