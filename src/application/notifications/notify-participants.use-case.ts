import { Message } from '../../domain/message/message.entity';
import { mentions } from '../../domain/message/mentions';
import { NotificationPayload } from '../events/chat-event';
import { NotificationJobData } from '../jobs/jobs';
import { ChannelRepository } from '../ports/channel-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { NotificationLog } from '../ports/notification-log.port';
import { OfflineNotifier } from '../ports/offline-notifier.port';
import { PresenceReader } from '../ports/presence-reader.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { toMessageView } from '../views/message.view';

/**
 * The notifications worker's job after a new message: a `notification` event to every participant
 * but the sender, except those who muted the channel or have already read past the message (the
 * job's recipients, as CompleteSend worked them out; jobs without them work them out here). A
 * recipient the message mentions (`@user_id`) gets type `mention` instead of `message.new`.
 * Recipients who are online get the event on their sockets; those who are offline are handed to the
 * OfflineNotifier (the tenant's webhook) instead. Safe to run twice: the online recipients are claimed
 * in the NotificationLog (one call) before their events are sent, and offline delivery is idempotent
 * per (message, recipient). A message deleted
 * meanwhile notifies nobody.
 */
export class NotifyParticipants {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
    private readonly log: NotificationLog,
    private readonly presence: PresenceReader,
    private readonly offline: OfflineNotifier,
  ) {}

  async execute(input: NotificationJobData): Promise<void> {
    const message = await this.messages.findById(input.message_id);
    if (!message || message.isDeleted || message.channelId !== input.channel_id) return;
    const recipients = input.recipients ?? (await this.recipientsOf(input.channel_id, message));
    const channelId = input.channel_id;
    const online = recipients.length ? await this.presence.onlineAmong(recipients) : new Set<string>();
    // Sent to one user at a time, so each gets their own reactions (none yet, as a rule: it is new).
    const payloadFor = (userId: string): NotificationPayload => ({
      type: mentions(message.toPrimitives().content, userId) ? 'mention' : 'message.new',
      channel_id: channelId,
      message: toMessageView(message, userId),
    });
    // Offline delivery first: it is idempotent on its own, so a retry after a failure here still queues it.
    for (const userId of recipients.filter((u) => !online.has(u)))
      await this.offline.notify(userId, payloadFor(userId));
    // Sockets only for who is online: a user room without sockets would cost a publish for nothing.
    for (const userId of await this.log.claimAll(message.id, [...online])) {
      await this.events.publish({ type: 'notification', user_id: userId, payload: payloadFor(userId) });
    }
  }

  /** For jobs that did not carry their recipients (enqueued before CompleteSend worked them out). */
  private async recipientsOf(channelId: string, message: Message): Promise<string[]> {
    const channel = await this.channels.findById(channelId);
    if (!channel) return [];
    const states = new Map((await this.readStates.listByChannel(channel.id)).map((s) => [s.user_id, s]));
    return channel.participants
      .map((p) => p.userId)
      .filter((userId) => {
        const state = states.get(userId);
        if (userId === message.userId || state?.is_muted) return false;
        return !(state && state.last_read_seq >= message.seq);
      });
  }
}
