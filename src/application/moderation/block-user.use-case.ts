import { newUserBlock } from '../../domain/moderation/user-block';
import { ChannelMembership } from '../ports/channel-membership.port';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { UserBlocks } from '../ports/user-blocks.port';
import { BlockView, toBlockView } from '../views/moderation.view';
import { recordDirectBlock } from './direct-channel-blocks';

export interface BlockUserInput {
  userId: string;
  /** Who to block. */
  user_id: string;
}

export interface BlockUserResult {
  block: BlockView;
  /** False when the caller blocked that user already (HTTP 200). */
  created: boolean;
}

/**
 * The caller blocks another user of the tenant: their direct channel (if any) takes no message from
 * either of them from then on, the blocked user cannot open one with the caller, and in groups the
 * blocked user's messages reach the caller's views flagged `from_blocked_user`. The blocked user is
 * not told; the caller's other sockets get `block.updated`. A repeat redoes the direct channel's
 * record (so a block interrupted before it is completed by the retry) and tells nobody again.
 * @throws ValidationError (user_id; oneself).
 */
export class BlockUser {
  constructor(
    private readonly blocks: UserBlocks,
    private readonly moderation: ChannelModerationRepository,
    private readonly membership: ChannelMembership,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: BlockUserInput): Promise<BlockUserResult> {
    const candidate = newUserBlock(input.userId, input.user_id, this.clock.now());
    const { block, created } = await this.blocks.add(candidate);
    await recordDirectBlock(
      { moderation: this.moderation, membership: this.membership },
      { blockerId: input.userId, otherId: block.blocked_id },
      true,
    );
    if (created) {
      await this.events.publish({
        type: 'block.updated',
        user_id: input.userId,
        payload: { user_id: block.blocked_id, blocked: true },
      });
    }
    return { block: toBlockView(block), created };
  }
}
