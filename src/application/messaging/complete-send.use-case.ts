import { Channel } from '../../domain/channel/channel.entity';
import { ReadPointer } from '../../domain/read/read-pointer';
import { Job, NewMessageJobData, notificationJob, readReceiptJob } from '../jobs/jobs';
import { ChannelRepository } from '../ports/channel-repository.port';
import { JobQueue } from '../ports/job-queue.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { RECEIPT_HOLD_MS } from '../reading/mark-read.use-case';
import { newMembershipState } from '../reading/membership-state';
import { UnreadRefresh } from '../reading/unread-refresh';

/** What the follow-up needs of the message it completes. */
interface Sent {
  id: number;
  seq: number;
  userId: string;
  sentAt: Date;
}

/**
 * A new message's follow-up, in the unread-counts worker (SendMessage enqueues it, held, before it
 * stores the message): the sender's read pointer moves to the message (sending implies having seen
 * the channel; the messages it skips over are receipted, the receipt job going first), everyone's
 * unread count and badge (UnreadRefresh), then the
 * notifications job with its recipients. It reads the channel and its membership rows once, whatever
 * the channel's size. Every step is idempotent (only-forward writes, deterministic job ids), so a
 * retry is harmless. A message that was never stored (its send died before the insert) completes
 * nothing. @throws MessageNotStoredYetError (retried) while the message is not found.
 */
export class CompleteSend {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly readStates: ReadStateRepository,
    private readonly jobs: JobQueue,
    private readonly unread: UnreadRefresh,
  ) {}

  async execute(input: NewMessageJobData): Promise<void> {
    const [channel, rows] = await Promise.all([
      this.channels.findById(input.channel_id),
      this.readStates.listByChannel(input.channel_id),
    ]);
    if (!channel) return;
    const sent = await this.storedMessage(channel, input);
    if (!sent) return;
    const current = await this.moveSenderPointer(channel, rows, sent);
    await this.unread.refresh(channel, current);
    await this.jobs.enqueue(notificationJob(channel.id, sent.id, recipientsOf(channel, current, sent)));
  }

  /**
   * The message, known stored when the channel records it (or a later one: seqs are gapless, so an
   * earlier one is stored too). Otherwise it is looked up: the send died between storing it and
   * recording it on the channel (repaired here), or it was never stored.
   */
  private async storedMessage(channel: Channel, input: NewMessageJobData): Promise<Sent | null> {
    if (input.seq !== undefined && input.user_id !== undefined && channel.lastMessageSeq >= input.seq) {
      const sentAt = input.sent_at ? new Date(input.sent_at) : (channel.lastMessageAt ?? new Date());
      return { id: input.message_id, seq: input.seq, userId: input.user_id, sentAt };
    }
    const message = await this.messages.findById(input.message_id);
    // Held past its hold, the job may run while a slow send is still storing it: BullMQ retries it
    // with back-off. A send that died before its insert leaves a job that fails for good after its
    // attempts, kept for inspection. (Jobs of the previous layout carry no seq: nothing to wait for.)
    if (!message && input.seq !== undefined)
      throw new MessageNotStoredYetError(input.channel_id, input.message_id);
    if (!message || message.channelId !== channel.id) return null;
    await this.channels.recordLastMessage(channel.id, message);
    channel.recordLastMessage(message.id, message.seq, message.createdAt);
    return { id: message.id, seq: message.seq, userId: message.userId, sentAt: message.createdAt };
  }

  /** The rows with the sender's pointer on the message; receipts first for what the move skips. */
  private async moveSenderPointer(channel: Channel, rows: UserChannelState[], sent: Sent) {
    const sender = channel.participant(sent.userId);
    if (!sender) return rows; // the sender left meanwhile: nothing of theirs to move
    let row = rows.find((r) => r.user_id === sent.userId);
    if (!row) {
      row = newMembershipState(channel, sender);
      await this.readStates.create(row);
    }
    if (row.last_read_seq >= sent.seq) return rows;
    let receipt: Job | undefined;
    if (sent.seq - row.last_read_seq > 1) {
      receipt = readReceiptJob({
        user_id: sent.userId,
        channel_id: channel.id,
        from_seq: row.last_read_seq,
        to_seq: sent.seq,
        to_message_id: sent.id,
        read_at: sent.sentAt,
      });
      await this.jobs.enqueue(receipt, { holdMs: RECEIPT_HOLD_MS });
    }
    await this.readStates.advancePointer(sent.userId, channel.id, ReadPointer.at(sent.id, sent.seq));
    if (receipt) await this.jobs.release(receipt);
    const moved = { ...row, last_read_message_id: sent.id, last_read_seq: sent.seq };
    return [...rows.filter((r) => r.user_id !== sent.userId), moved];
  }
}

/** Participants but the sender, who have not muted the channel and have not read past the message. */
function recipientsOf(channel: Channel, rows: readonly UserChannelState[], sent: Sent): string[] {
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  return channel.participants
    .map((p) => p.userId)
    .filter((userId) => {
      const row = byUser.get(userId);
      return userId !== sent.userId && !row?.is_muted && !(row && row.last_read_seq >= sent.seq);
    });
}

/** The follow-up ran before its message was stored (or the send died): retried, not a domain error. */
export class MessageNotStoredYetError extends Error {
  constructor(channelId: string, messageId: number) {
    super(`message ${messageId} of channel ${channelId} is not stored (yet)`);
    this.name = 'MessageNotStoredYetError';
  }
}
