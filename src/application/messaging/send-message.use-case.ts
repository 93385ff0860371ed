import { assertCanSend } from '../../domain/access/access-policy';
import { Channel } from '../../domain/channel/channel.entity';
import { Message } from '../../domain/message/message.entity';
import { parseClientMessageId } from '../../domain/message/new-message';
import { loadChannel, loadMessageIn } from '../channels/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { JobQueue } from '../ports/job-queue.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { NO_SEND_OUTBOX, SendOutbox } from '../ports/send-outbox.port';
import { optionalMessageId } from '../shared/params';
import { MessageView, toMessageView } from '../views/message.view';
import { SendFollowUp } from './send-follow-up';

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
 * A send is held in the SendOutbox from before the message is stored until that follow-up is done,
 * so a process that dies in between leaves work that ResumePendingSends finishes.
 * @throws ChannelNotFoundError, MessageNotFoundError (parent_id not in this channel), ValidationError.
 */
export class SendMessage {
  private readonly followUp: SendFollowUp;

  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    readStates: ReadStateRepository,
    events: EventPublisher,
    jobs: JobQueue,
    private readonly clock: Clock,
    private readonly outbox: SendOutbox = NO_SEND_OUTBOX,
  ) {
    this.followUp = new SendFollowUp(channels, readStates, events, jobs);
  }

  async execute(input: SendMessageInput): Promise<SendMessageResult> {
    const clientMessageId = parseClientMessageId(input.client_message_id);
    // The repeat lookup does not wait for the channel; its answer is used only once access is checked.
    const [channel, seen] = await Promise.all([
      loadChannel(this.channels, input.channelId),
      clientMessageId === null
        ? null
        : this.messages.findByClientMessageId(input.channelId, input.userId, clientMessageId),
    ]);
    assertCanSend(channel, input.userId);
    if (seen) return { message: toMessageView(seen), created: false };
    const draft = Message.draft({
      ...input,
      channel_id: channel.id,
      user_id: input.userId,
      parent: await this.loadParent(channel, input.parent_id),
      now: this.clock.now(),
    });
    const token = await this.outbox.open({
      channel_id: channel.id,
      user_id: input.userId,
      created_at: draft.created_at,
    });
    const { message, created } = await this.messages.append(draft);
    if (created) await this.followUp.run(channel, message);
    await this.outbox.close(token);
    return { message: toMessageView(message), created };
  }

  private async loadParent(channel: Channel, rawParentId: unknown): Promise<Message | null> {
    const parentId = optionalMessageId(rawParentId, 'parent_id');
    return parentId === null ? null : loadMessageIn(this.messages, channel, parentId);
  }
}
