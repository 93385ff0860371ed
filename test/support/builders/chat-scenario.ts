import type { SendMessageInput } from '../../../src/application/messaging/send-message.use-case';
import type { TenantUseCases } from '../../../src/adapters/tenancy/tenant-context';
import { ChannelView } from '../../../src/application/views/channel.view';
import { MessageView } from '../../../src/application/views/message.view';
import { buildUseCases } from '../../../src/main/tenant-use-cases';
import { InMemoryChat } from '../in-memory/in-memory-chat';

/**
 * Test data built through the use cases themselves, so a test starts from a state the application
 * could really be in. Each step moves the clock one second, so activity order is well defined.
 */
export class ChatScenario {
  readonly chat = new InMemoryChat();
  readonly useCases: TenantUseCases = buildUseCases(this.chat);

  async group(creator: string, others: string[], name = 'General'): Promise<ChannelView> {
    this.chat.clock.advance(1000);
    const result = await this.useCases.createChannel.execute({
      userId: creator,
      channel_type: 'group',
      name,
      participant_ids: others,
    });
    return result.channel;
  }

  async direct(creator: string, other: string): Promise<ChannelView> {
    this.chat.clock.advance(1000);
    const result = await this.useCases.createChannel.execute({
      userId: creator,
      channel_type: 'direct',
      participant_ids: [other],
    });
    return result.channel;
  }

  async contextual(creator: string, others: string[], objectId = '42'): Promise<ChannelView> {
    this.chat.clock.advance(1000);
    const context = { host_application_id: 'crm', context_object_type: 'order', context_object_id: objectId };
    const result = await this.useCases.createChannel.execute({
      userId: creator,
      channel_type: 'contextual_object',
      participant_ids: others,
      ...context,
    });
    return result.channel;
  }

  async send(
    userId: string,
    channelId: string,
    content = 'hello',
    extra: Omit<SendMessageInput, 'userId' | 'channelId' | 'content'> = {},
  ): Promise<MessageView> {
    this.chat.clock.advance(1000);
    const result = await this.useCases.sendMessage.execute({ userId, channelId, content, ...extra });
    return result.message;
  }

  /** Runs the follow-up of every send so far, as the unread-counts worker would (CompleteSend). */
  async followUps(): Promise<void> {
    for (const job of this.chat.jobs.drain('unread-counts'))
      await this.useCases.completeSend.execute(job.data);
  }

  /** Sends `count` messages and returns them in order. */
  async sendMany(userId: string, channelId: string, count: number): Promise<MessageView[]> {
    const sent: MessageView[] = [];
    for (let i = 1; i <= count; i += 1) sent.push(await this.send(userId, channelId, `message ${i}`));
    return sent;
  }
}
