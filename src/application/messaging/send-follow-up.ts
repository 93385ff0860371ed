import { Channel } from '../../domain/channel/channel.entity';
import { Message } from '../../domain/message/message.entity';
import { ReadPointer } from '../../domain/read/read-pointer';
import { notificationJob, readReceiptJob, unreadCountsJob } from '../jobs/jobs';
import { ChannelRepository } from '../ports/channel-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { JobQueue } from '../ports/job-queue.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ensureMembershipState } from '../reading/membership-state';
import { toMessageView } from '../views/message.view';

/**
 * What follows the storing of a new message, shared by SendMessage and ResumePendingSends: the
 * message becomes the channel's last one, the sender's read pointer moves to it, message.created
 * is published, and the unread-counts and notifications jobs are enqueued. Every step is
 * idempotent (only-if-greater writes, deterministic job ids), so running it again after a crash
 * is harmless; the notifications job comes last, so once it runs every step before it has run.
 */
export class SendFollowUp {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
    private readonly jobs: JobQueue,
  ) {}

  async run(channel: Channel, message: Message): Promise<void> {
    // The two writes touch different documents under different locks: they go together. The
    // broadcast waits for them (a client reacting to it reads a channel that shows the message),
    // and so does the unread recount (it must see the sender's pointer on their own message).
    await Promise.all([
      this.channels.recordLastMessage(channel.id, message),
      this.readStates
        .recordActivity(channel.id, message.seq, message.createdAt)
        .then(() => this.moveSenderPointer(channel, message)),
    ]);
    await Promise.all([
      this.events.publish({
        type: 'message.created',
        channel_id: channel.id,
        payload: toMessageView(message),
      }),
      this.jobs.enqueue(unreadCountsJob(channel.id, message.id)),
    ]);
    await this.jobs.enqueue(notificationJob(channel.id, message.id));
  }

  /** If the pointer skipped other people's messages, they are receipted as read too. */
  private async moveSenderPointer(channel: Channel, message: Message): Promise<void> {
    const sender = channel.participant(message.userId);
    if (!sender) return; // resumed after the sender left: nothing of theirs to move
    const before = await ensureMembershipState(this.readStates, channel, sender);
    await this.readStates.advancePointer(sender.userId, channel.id, ReadPointer.at(message.id, message.seq));
    if (message.seq - before.last_read_seq <= 1) return;
    const range = {
      user_id: sender.userId,
      channel_id: channel.id,
      from_seq: before.last_read_seq,
      to_seq: message.seq,
      to_message_id: message.id,
      read_at: message.createdAt,
    };
    await this.jobs.enqueue(readReceiptJob(range));
  }
}
