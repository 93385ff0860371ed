import { Message, MessagePrimitives } from '../../../src/domain/message/message.entity';
import { T0 } from './channel.builder';

/** A stored message; override any field. */
export function aMessage(overrides: Partial<MessagePrimitives> = {}): Message {
  return Message.fromPrimitives({
    id: 1,
    seq: 1,
    channel_id: 'channel-1',
    user_id: 'alice',
    content: 'hello',
    content_type: 'text/plain',
    file_url: null,
    parent_id: null,
    client_message_id: null,
    created_at: T0,
    edited_at: null,
    deleted_at: null,
    ...overrides,
  });
}
