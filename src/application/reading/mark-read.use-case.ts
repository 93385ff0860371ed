import { Channel } from '../../domain/channel/channel.entity';
import { ReadPointer } from '../../domain/read/read-pointer';
import { unreadCount } from '../../domain/read/unread';
import { loadMessageIn, loadReadableChannel } from '../shared/load-channel';
import { readReceiptJob } from '../jobs/jobs';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { JobQueue } from '../ports/job-queue.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { UnreadTotals } from '../ports/unread-totals.port';
import { ensureMembershipState, pointerOf } from './membership-state';
import { positionIn, seededTotals } from './unread-badge';

/** Past this, a receipt job runs even if its pointer move was never confirmed (its process died). */
export const RECEIPT_HOLD_MS = 5_000;

export interface MarkReadInput {
  userId: string;
  channelId: string;
  /** Default: the channel's latest message. */
  message_id?: number | null;
}

export interface MarkReadResult {
  channel_id: string;
  last_read_message_id: number | null;
  unread_count: number;
}

/**
 * Moves the caller's read pointer forward to the message (never back: an older message changes
 * nothing and returns the current state). When it moves: a read-receipts job records the range
 * (enqueued before the move, so a failure loses no receipt), message.read goes to the channel and
 * unread.update (with the badge from UnreadTotals) to the caller. The count is derived, not stored.
 * @throws ChannelNotFoundError, MessageNotFoundError (not in this channel).
 */
export class MarkRead {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly totals: UnreadTotals,
  ) {}

  async execute(input: MarkReadInput): Promise<MarkReadResult> {
    const { channel, participant } = await loadReadableChannel(this.channels, input.channelId, input.userId);
    const target = await this.targetOf(channel, input.message_id);
    const before = await ensureMembershipState(this.readStates, channel, participant);
    if (!pointerOf(before).isBefore(target)) return resultOf(channel, before);
    const readAt = this.clock.now();
    // The receipt job goes first: if enqueueing fails, nothing has moved and the client's retry does
    // it all again; if moving fails after it, the job waits for the pointer (RecordReadReceipt).
    // Held until the pointer has moved, so the worker does not meet a pointer still behind the range.
    const receipt = readReceiptJob(receiptRange(channel, input.userId, before, target, readAt));
    await this.jobs.enqueue(receipt, { holdMs: RECEIPT_HOLD_MS });
    const moved = await this.readStates.advancePointer(input.userId, channel.id, target);
    // Not moved: a concurrent mark_read went further meanwhile; answer with where it went.
    const after = moved
      ? { ...before, last_read_message_id: target.messageId, last_read_seq: target.seq }
      : ((await this.readStates.find(input.userId, channel.id)) ?? before);
    await this.jobs.release(receipt);
    const result = resultOf(channel, after);
    await this.announce(channel, after, target, readAt, result.unread_count);
    return result;
  }

  private async targetOf(channel: Channel, messageId: number | null | undefined): Promise<ReadPointer> {
    if (messageId !== undefined && messageId !== null) {
      const message = await loadMessageIn(this.messages, channel, messageId);
      return ReadPointer.at(message.id, message.seq);
    }
    const lastId = channel.lastMessageId;
    return lastId === null ? ReadPointer.start() : ReadPointer.at(lastId, channel.lastMessageSeq);
  }

  /** What follows a move: message.read to the channel and the caller's badge. */
  private async announce(
    channel: Channel,
    state: UserChannelState,
    to: ReadPointer,
    readAt: Date,
    unread: number,
  ) {
    const read = {
      channel_id: channel.id,
      user_id: state.user_id,
      last_read_message_id: to.messageId!, // `to` is past a pointer, so it points at a message
      read_at: readAt.toISOString(),
    };
    await this.events.publish({ type: 'message.read', channel_id: channel.id, payload: read });
    const totals = await seededTotals(this.totals, { channels: this.channels, readStates: this.readStates }, [
      positionIn(channel, state),
    ]);
    const payload = {
      channel_id: channel.id,
      unread_count: unread,
      total_unread: totals.get(state.user_id)!.total,
    };
    await this.events.publish({ type: 'unread.update', user_id: state.user_id, payload });
  }
}

/** The range a pointer move reads: (before, to], as the read-receipts job records it. */
function receiptRange(
  channel: Channel,
  userId: string,
  before: UserChannelState,
  to: ReadPointer,
  readAt: Date,
) {
  return {
    user_id: userId,
    channel_id: channel.id,
    from_seq: before.last_read_seq,
    to_seq: to.seq,
    to_message_id: to.messageId!,
    read_at: readAt,
  };
}

function resultOf(channel: Channel, state: UserChannelState): MarkReadResult {
  const pointer = pointerOf(state);
  return {
    channel_id: channel.id,
    last_read_message_id: pointer.messageId,
    unread_count: unreadCount(channel.lastMessageSeq, pointer),
  };
}
