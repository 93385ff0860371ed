import type { UserBlockPrimitives } from '../../domain/moderation/user-block';

/** Who blocked whom in one tenant. */
export interface UserBlocks {
  /** Stores the block; `created: false` (and the first one) when it existed. */
  add(block: UserBlockPrimitives): Promise<{ block: UserBlockPrimitives; created: boolean }>;

  /** Removes the block and returns it; null when there was none. */
  remove(blockerId: string, blockedId: string): Promise<UserBlockPrimitives | null>;

  /** The user's blocks, newest first. */
  list(blockerId: string): Promise<UserBlockPrimitives[]>;

  /**
   * The ids the user blocked, for marking views: may come from the API node's memory, which every
   * node forgets as soon as the user's blocks change.
   */
  blockedBy(blockerId: string): Promise<ReadonlySet<string>>;

  /** Whether `blockerId` blocks `blockedId`, read from storage (no memory): for decisions that write. */
  isBlocking(blockerId: string, blockedId: string): Promise<boolean>;
}
