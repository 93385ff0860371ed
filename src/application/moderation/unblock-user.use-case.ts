import { RestrictionNotFoundError } from '../../domain/moderation/moderation.errors';
import { UserId } from '../../domain/user/user-id';
import { ChannelMembership } from '../ports/channel-membership.port';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { UserBlocks } from '../ports/user-blocks.port';
import { BlockView, toBlockView } from '../views/moderation.view';
import { recordDirectBlock } from './direct-channel-blocks';

export interface UnblockUserInput {
  userId: string;
  targetUserId: string;
}

/**
 * The caller lifts their block: their direct channel takes messages again unless the other user
 * blocks them too; the caller's other sockets get `block.updated`.
 * @throws RestrictionNotFoundError (the caller does not block that user: not_found), ValidationError.
 */
export class UnblockUser {
  constructor(
    private readonly blocks: UserBlocks,
    private readonly moderation: ChannelModerationRepository,
    private readonly membership: ChannelMembership,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: UnblockUserInput): Promise<BlockView> {
    const targetId = UserId.parse(input.targetUserId);
    const removed = await this.blocks.remove(input.userId, targetId);
    // Also without a block: an earlier unblock may have stopped before its direct channel was told.
    await recordDirectBlock(
      { moderation: this.moderation, membership: this.membership },
      { blockerId: input.userId, otherId: targetId },
      false,
    );
    if (!removed) throw new RestrictionNotFoundError('block', targetId);
    await this.events.publish({
      type: 'block.updated',
      user_id: input.userId,
      payload: { user_id: targetId, blocked: false },
    });
    return toBlockView(removed);
  }
}
