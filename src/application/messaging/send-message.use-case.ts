import { assertCanSendNow } from '../../domain/access/moderation-policy';
import { ChannelNotFoundError } from '../../domain/channel/channel.errors';
import { Message } from '../../domain/message/message.entity';
import { SlowModeError } from '../../domain/moderation/moderation.errors';
import type { ContentType } from '../../domain/message/content-type';
import type { NewMessage } from '../../domain/message/new-message';
import { loadMessageIn } from '../shared/load-channel';
import { Job, unreadCountsJob } from '../jobs/jobs';
import { ChannelMembership } from '../ports/channel-membership.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { JobQueue } from '../ports/job-queue.port';
import { MessageRepository } from '../ports/message-repository.port';
import { SlowModeGate } from '../ports/slow-mode.port';
import { MessageView, toMessageView } from '../views/message.view';

/**
 * What the edge validated (the send_message schema, shared by REST and sockets): types and bounds.
 * The domain draft still keeps the message's own rules (content or file, URL scheme, characters).
 */
export interface SendMessageInput {
  userId: string;
  channelId: string;
  content?: string | null;
  content_type?: ContentType | null;
  file_url?: string | null;
  parent_id?: number | null;
  client_message_id?: string | null;
}

export interface SendMessageResult {
  message: MessageView;
  /** False when the client_message_id was seen: `message` is the first one (HTTP 200 instead of 201). */
  created: boolean;
}

/**
 * Sends a message: checks that the sender is a participant and may send now (the access policy's
 * assertCanSendNow: not muted, not in a blocked direct channel; ChannelMembership answers it, from
 * the node's memory of the channel's members and moderation when it has them, so a busy channel's
 * sends do not read its document), takes the sender's slow-mode turn when the channel has slow mode
 * (one Redis command, given back if the send fails), stores it (it
 * becomes the channel's last message in the same step) and publishes message.created. Everything else is the follow-up job (unread-counts queue, CompleteSend): the
 * sender's pointer, unread counts, notifications. That job is the send's outbox: it is enqueued,
 * held, before the message is stored and released once it is, so a process that dies in between
 * leaves a job that runs when its hold ends (and does nothing if the message was never stored).
 * A repeated client_message_id (same user, same channel) returns the first message and does nothing else.
 * @throws ChannelNotFoundError, MessageNotFoundError (parent_id not in this channel), ValidationError,
 *   MutedError and BlockedError (forbidden), SlowModeError (rate_limited).
 */
export class SendMessage {
  constructor(
    private readonly membership: ChannelMembership,
    private readonly messages: MessageRepository,
    private readonly events: EventPublisher,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    /** Past this, the follow-up runs even if the send never confirmed it (its process died). */
    private readonly holdMs: number,
    private readonly slowMode: SlowModeGate,
  ) {}

  async execute(input: SendMessageInput): Promise<SendMessageResult> {
    const { channelId, userId } = input;
    const clientMessageId = input.client_message_id ?? null;
    // The repeat lookup does not wait for the membership; its answer is used only once access is
    // checked. A retried send returns before it takes the lock, so it costs no id and holds no job.
    const [access, seen] = await Promise.all([
      this.membership.accessFor(channelId, userId),
      clientMessageId === null
        ? null
        : this.messages.findByClientMessageId(channelId, userId, clientMessageId),
    ]);
    if (!access) throw new ChannelNotFoundError();
    if (seen) return { message: toMessageView(seen, userId), created: false };
    const now = this.clock.now();
    const standing = { ...access, role: access.roles.get(userId) ?? null };
    const { slowModeSeconds } = assertCanSendNow(standing, userId, now);
    const draft = Message.draft({
      ...input,
      channel_id: channelId,
      user_id: userId,
      parent: await this.loadParent(channelId, input.parent_id ?? null),
      now,
    });
    if (slowModeSeconds === 0) return this.store(draft);
    await this.takeTurn(channelId, userId, slowModeSeconds);
    // A send that stores nothing (it failed, or a concurrent repeat stored it first) gives the turn back.
    const result = await this.store(draft).catch(async (error: unknown) => {
      await this.slowMode.release(channelId, userId);
      throw error;
    });
    if (!result.created) await this.slowMode.release(channelId, userId);
    return result;
  }

  private async store(draft: NewMessage): Promise<SendMessageResult> {
    const channelId = draft.channel_id;
    const held: Job[] = [];
    const outcome = await this.messages
      .append(draft, {
        beforeStore: async (slot) => {
          const job = unreadCountsJob({ ...slot, ...draft });
          held.push(job);
          await this.jobs.enqueue(job, { holdMs: this.holdMs });
        },
      })
      .catch(async (error: unknown) => {
        await Promise.all(held.map((job) => this.jobs.discard(job)));
        throw error;
      });
    const followUp = outcome.created ? held.at(-1) : undefined;
    await Promise.all(held.filter((job) => job !== followUp).map((job) => this.jobs.discard(job)));
    if (followUp) {
      await this.jobs.release(followUp);
      const payload = toMessageView(outcome.message);
      await this.events.publish({ type: 'message.created', channel_id: channelId, payload });
    }
    return { message: toMessageView(outcome.message, draft.user_id), created: outcome.created };
  }

  /** Slow mode: one message per `seconds` per member, counted in Redis so every node shares it. */
  private async takeTurn(channelId: string, userId: string, seconds: number): Promise<void> {
    const waitMs = await this.slowMode.claim(channelId, userId, seconds);
    if (waitMs > 0) throw new SlowModeError(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  private async loadParent(channelId: string, parentId: number | null): Promise<Message | null> {
    return parentId === null ? null : loadMessageIn(this.messages, { id: channelId }, parentId);
  }
}
