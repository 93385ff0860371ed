import { MessageJobData } from '../jobs/jobs';
import { ChannelRepository } from '../ports/channel-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { toMessageView } from '../views/message.view';

/**
 * The notifications worker's job after a new message: a `notification` event to every participant
 * but the sender, except those who muted the channel or have already read past the message. A
 * message deleted meanwhile, or a channel gone, notifies nobody.
 */
export class NotifyParticipants {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: MessageJobData): Promise<void> {
    const [channel, message] = await Promise.all([
      this.channels.findById(input.channel_id),
      this.messages.findById(input.message_id),
    ]);
    if (!channel || !message || message.isDeleted || message.channelId !== channel.id) return;
    const states = new Map((await this.readStates.listByChannel(channel.id)).map((s) => [s.user_id, s]));
    const payload = { type: 'message.new' as const, channel_id: channel.id, message: toMessageView(message) };
    for (const participant of channel.participants) {
      const state = states.get(participant.userId);
      if (participant.userId === message.userId || state?.is_muted) continue;
      if (state && state.last_read_seq >= message.seq) continue;
      await this.events.publish({ type: 'notification', user_id: participant.userId, payload });
    }
  }
}
