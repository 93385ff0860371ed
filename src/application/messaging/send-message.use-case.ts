import { assertCanSend } from '../../domain/access/access-policy';
import { Channel } from '../../domain/channel/channel.entity';
import { Message } from '../../domain/message/message.entity';
import { parseClientMessageId } from '../../domain/message/new-message';
import { ReadPointer } from '../../domain/read/read-pointer';
import { loadChannel, loadMessageIn } from '../channels/load-channel';
import { notificationJob, readReceiptJob, unreadCountsJob } from '../jobs/jobs';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { JobQueue } from '../ports/job-queue.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ensureMembershipState } from '../reading/membership-state';
import { optionalMessageId } from '../shared/params';
import { MessageView, toMessageView } from '../views/message.view';

export interface SendMessageInput {
  userId: string;
  channelId: string;
  content?: unknown;
  content_type?: unknown;
  file_url?: unknown;
  parent_id?: unknown;
  client_message_id?: unknown;
}

export interface SendMessageResult {
  message: MessageView;
  /** False when the client_message_id was seen: `message` is the first one (HTTP 200 instead of 201). */
  created: boolean;
}

/**
 * Sends a message. A repeated client_message_id (same user, same channel) returns the first message
 * and does nothing else. Otherwise: the message is stored, becomes the channel's last message, the
 * sender's read pointer moves to it, message.created is published, and the unread-counts and
 * notifications jobs are enqueued. If the pointer skipped other people's messages, they are
 * receipted as read too (a read-receipts job), as sending implies having seen the channel.
 * @throws ChannelNotFoundError, MessageNotFoundError (parent_id not in this channel), ValidationError.
 */
export class SendMessage {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(input: SendMessageInput): Promise<SendMessageResult> {
    const channel = await loadChannel(this.channels, input.channelId);
    assertCanSend(channel, input.userId);
    const seen = await this.findSeen(channel, input);
    if (seen) return { message: toMessageView(seen), created: false };
    const draft = Message.draft({
      ...input,
      channel_id: channel.id,
      user_id: input.userId,
      parent: await this.loadParent(channel, input.parent_id),
      now: this.clock.now(),
    });
    const { message, created } = await this.messages.append(draft);
    if (created) await this.afterSend(channel, message);
    return { message: toMessageView(message), created };
  }

  private async findSeen(channel: Channel, input: SendMessageInput): Promise<Message | null> {
    const clientMessageId = parseClientMessageId(input.client_message_id);
    if (clientMessageId === null) return null;
    return this.messages.findByClientMessageId(channel.id, input.userId, clientMessageId);
  }

  private async loadParent(channel: Channel, rawParentId: unknown): Promise<Message | null> {
    const parentId = optionalMessageId(rawParentId, 'parent_id');
    return parentId === null ? null : loadMessageIn(this.messages, channel, parentId);
  }

  private async afterSend(channel: Channel, message: Message): Promise<void> {
    await this.channels.recordLastMessage(channel.id, {
      id: message.id,
      seq: message.seq,
      created_at: message.createdAt,
    });
    await this.readStates.recordActivity(channel.id, message.seq, message.createdAt);
    await this.moveSenderPointer(channel, message);
    await this.events.publish({
      type: 'message.created',
      channel_id: channel.id,
      payload: toMessageView(message),
    });
    await this.jobs.enqueue(unreadCountsJob(channel.id, message.id));
    await this.jobs.enqueue(notificationJob(channel.id, message.id));
  }

  private async moveSenderPointer(channel: Channel, message: Message): Promise<void> {
    const sender = channel.participant(message.userId)!;
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
