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
 * unread count and badge (UnreadRefresh), then the notifications job with its recipients. It reads
 * the channel and its membership rows once, whatever the channel's size and however many messages it
 * completes at once (executeAll). Every step is idempotent (only-forward writes, deterministic job ids), so a
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

  /** @throws MessageNotStoredYetError (retried) while the message is not found. */
  async execute(input: NewMessageJobData): Promise<void> {
    const [unstored] = await this.executeAll([input]);
    if (unstored) throw new MessageNotStoredYetError(unstored.channel_id, unstored.message_id);
  }

  /**
   * The follow-ups of several new messages of one channel at once (a worker groups the jobs that
   * run together): the channel and its rows are read once, each sender's pointer moves once (to
   * their latest message), the badges are refreshed once, then each message gets its notifications
   * job. Answers the inputs whose message is not stored (yet): their jobs are retried.
   */
  async executeAll(inputs: readonly NewMessageJobData[]): Promise<NewMessageJobData[]> {
    const channelId = inputs[0]?.channel_id;
    if (inputs.some((input) => input.channel_id !== channelId))
      throw new Error('executeAll takes the messages of one channel');
    const [channel, rows] = await Promise.all([
      this.channels.findById(channelId),
      this.readStates.listByChannel(channelId),
    ]);
    if (!channel) return [];
    const sent: Sent[] = [];
    const unstored: NewMessageJobData[] = [];
    for (const input of inputs) {
      const found = await this.storedMessage(channel, input);
      if (found === 'not yet') unstored.push(input);
      else if (found) sent.push(found);
    }
    const moved = await Promise.all(
      latestBySender(sent).map((s) => this.moveSenderPointer(channel, rows, s)),
    );
    const byUser = new Map(rows.map((row) => [row.user_id, row]));
    for (const row of moved) if (row) byUser.set(row.user_id, row);
    const current = [...byUser.values()];
    if (sent.length > 0) await this.unread.refresh(channel, current);
    await Promise.all(
      sent.map((s) =>
        this.jobs.enqueue(notificationJob(channel.id, s.id, recipientsOf(channel, current, s))),
      ),
    );
    return unstored;
  }

  /**
   * The message, known stored when the channel records it (or a later one: seqs are gapless, so an
   * earlier one is stored too). Otherwise it is looked up: the send died between storing it and
   * recording it on the channel (repaired here), or it was never stored.
   */
  private async storedMessage(channel: Channel, input: NewMessageJobData): Promise<Sent | 'not yet' | null> {
    if (input.seq !== undefined && input.user_id !== undefined && channel.lastMessageSeq >= input.seq) {
      const sentAt = input.sent_at ? new Date(input.sent_at) : (channel.lastMessageAt ?? new Date());
      return { id: input.message_id, seq: input.seq, userId: input.user_id, sentAt };
    }
    const message = await this.messages.findById(input.message_id);
    // Held past its hold, the job may run while a slow send is still storing it: BullMQ retries it
    // with back-off. A send that died before its insert leaves a job that fails for good after its
    // attempts, kept for inspection. (Jobs of the previous layout carry no seq: nothing to wait for.)
    if (!message && input.seq !== undefined) return 'not yet';
    if (!message || message.channelId !== channel.id) return null;
    await this.channels.recordLastMessage(channel.id, message);
    channel.recordLastMessage(message.id, message.seq, message.createdAt);
    return { id: message.id, seq: message.seq, userId: message.userId, sentAt: message.createdAt };
  }

  /**
   * Moves the sender's pointer to the message, receipts first for what the move skips; answers the
   * sender's row as it now is, or null when nothing moved.
   */
  private async moveSenderPointer(
    channel: Channel,
    rows: readonly UserChannelState[],
    sent: Sent,
  ): Promise<UserChannelState | null> {
    const sender = channel.participant(sent.userId);
    if (!sender) return null; // the sender left meanwhile: nothing of theirs to move
    let row = rows.find((r) => r.user_id === sent.userId);
    if (!row) {
      row = newMembershipState(channel, sender);
      await this.readStates.create(row);
    }
    if (row.last_read_seq >= sent.seq) return row;
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
    return { ...row, last_read_message_id: sent.id, last_read_seq: sent.seq };
  }
}

/** Each sender's latest message: the one their pointer moves to. */
function latestBySender(sent: readonly Sent[]): Sent[] {
  const latest = new Map<string, Sent>();
  for (const s of sent) if ((latest.get(s.userId)?.seq ?? -1) < s.seq) latest.set(s.userId, s);
  return [...latest.values()];
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
