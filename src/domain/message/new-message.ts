import { assertCharacters } from '../shared/characters';
import { ValidationError } from '../shared/domain-error';
import { codePointLength } from '../shared/text';
import { UserId } from '../user/user-id';
import { ContentType, DEFAULT_CONTENT_TYPE } from './content-type';
import { fileUrlOf } from './file-url';
import type { Message, MessagePrimitives } from './message.entity';
import { MessageContent } from './message-content';
import { MessageNotFoundError } from './message.errors';

/** A validated message before storage gives it its id and seq. */
export type NewMessage = Omit<MessagePrimitives, 'id' | 'seq'>;

export interface NewMessageInput {
  channel_id: string;
  user_id: string;
  content?: string | null;
  content_type?: ContentType | null;
  file_url?: string | null;
  /** The message replied to, already loaded (null for a top-level message). */
  parent: Message | null;
  client_message_id?: string | null;
  now: Date;
}

/**
 * Validates a message to send. Threads are one level deep, as in Slack and Stream: a reply to a
 * reply joins the same thread (its parent becomes the thread's root), so a client can answer any
 * message of a thread without knowing which one started it. The parent must be in the same channel;
 * one from elsewhere is reported as not found.
 */
export function newMessage(input: NewMessageInput): NewMessage {
  const fileUrl = fileUrlOf(input.file_url);
  return {
    channel_id: input.channel_id,
    user_id: UserId.parse(input.user_id),
    content: MessageContent.create(input.content, { hasFile: fileUrl !== null }).value,
    content_type: input.content_type ?? DEFAULT_CONTENT_TYPE,
    file_url: fileUrl,
    parent_id: threadRootOf(input.parent, input.channel_id),
    client_message_id: clientMessageIdOf(input.client_message_id),
    created_at: input.now,
    edited_at: null,
    deleted_at: null,
  };
}

function threadRootOf(parent: Message | null, channelId: string): number | null {
  if (!parent) return null;
  if (parent.channelId !== channelId) throw new MessageNotFoundError(parent.id);
  return parent.parentId ?? parent.id;
}

/** The client's idempotency key: 1-128 characters, compared exactly (not trimmed). */
function clientMessageIdOf(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  if (raw.trim() === '' || codePointLength(raw) > 128) {
    throw new ValidationError('client_message_id must be 1-128 characters', { field: 'client_message_id' });
  }
  assertCharacters(raw, 'client_message_id', 'line');
  return raw;
}
