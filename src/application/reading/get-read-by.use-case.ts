import { loadReadableMessage } from '../shared/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadReceiptRepository } from '../ports/read-receipt-repository.port';

export interface GetReadByInput {
  userId: string;
  channelId: string;
  messageId: number;
}

export interface GetReadByResult {
  results: Array<{ user_id: string; read_at: string }>;
}

/**
 * Who read a message and when (their first read), earliest first. The author is not listed: sending
 * is not reading. Receipts are written by a worker, so a read from a moment ago may be missing.
 * @throws ChannelNotFoundError, MessageNotFoundError.
 */
export class GetReadBy {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly receipts: ReadReceiptRepository,
  ) {}

  async execute(input: GetReadByInput): Promise<GetReadByResult> {
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    const readers = await this.receipts.readersOf(channel.id, message.seq);
    return {
      results: readers
        .filter((r) => r.user_id !== message.userId)
        .map((r) => ({ user_id: r.user_id, read_at: r.read_at.toISOString() })),
    };
  }
}
