import { Schema } from 'mongoose';
import { Message, type MessagePrimitives } from '../../../../domain/message/message.entity';
import type { NewMessage } from '../../../../domain/message/new-message';
import { blockOf } from './message-blocks';

export interface MessageDocument extends Omit<MessagePrimitives, 'id'> {
  _id: number;
  /** floor(seq / 100): history pages read whole blocks by equality (message-blocks.ts). */
  block: number;
  /** Unique, on every message: see idempotencyKey. */
  idem_key: string;
}

const nullableString = { type: String, default: null };
const nullableDate = { type: Date, default: null };

export const messageSchema = new Schema<MessageDocument>(
  {
    _id: { type: Number, required: true },
    seq: { type: Number, required: true },
    block: { type: Number, required: true },
    channel_id: { type: String, required: true },
    user_id: { type: String, required: true },
    content: { type: String, default: '' },
    content_type: { type: String, required: true },
    file_url: nullableString,
    parent_id: { type: Number, default: null },
    client_message_id: nullableString,
    idem_key: { type: String, required: true },
    created_at: { type: Date, required: true },
    edited_at: nullableDate,
    deleted_at: nullableDate,
    // What the message shows of its reactions and pin, written by MessageDecorations (absent until
    // then: no default, so a send stores exactly what it did before).
    reactions: { type: Schema.Types.Mixed },
    pinned_at: { type: Date },
    pinned_by: { type: String },
  },
  { collection: 'messages', versionKey: false, autoIndex: false, id: false },
);

// Gapless seq per channel: a second message with the same seq is refused (fences `append`).
messageSchema.index({ channel_id: 1, seq: 1 }, { unique: true });
// History pages: one equality lookup per block.
messageSchema.index({ channel_id: 1, block: 1 });
// A thread's replies.
messageSchema.index({ channel_id: 1, parent_id: 1 });
// Idempotent sends, and findByClientMessageId.
messageSchema.index({ idem_key: 1 }, { unique: true });
// A user's messages, in every channel: their data export and their erasure (data rights).
messageSchema.index({ user_id: 1 });

/**
 * The idempotency key: (channel, user, client_message_id) as JSON when the client gave an id, else
 * `id:<id>`, which never collides. Always present, because FerretDB v1 has no partial indexes.
 */
export function idempotencyKey(
  channelId: string,
  userId: string,
  clientMessageId: string | null,
  id: number,
): string {
  return clientMessageId === null ? `id:${id}` : JSON.stringify([channelId, userId, clientMessageId]);
}

export function toMessageDocument(draft: NewMessage, id: number, seq: number): MessageDocument {
  const idem_key = idempotencyKey(draft.channel_id, draft.user_id, draft.client_message_id, id);
  return { _id: id, seq, block: blockOf(seq), ...draft, idem_key };
}

/** The stored form of a message the domain holds (a copy of it, or the document it was read from). */
export function messageDocumentOf(message: Message): MessageDocument {
  const { id, ...fields } = message.toPrimitives();
  const idem_key = idempotencyKey(fields.channel_id, fields.user_id, fields.client_message_id, id);
  return { _id: id, ...fields, block: blockOf(fields.seq), idem_key };
}

export function toMessage(doc: MessageDocument): Message {
  return Message.fromPrimitives({
    id: doc._id,
    seq: doc.seq,
    channel_id: doc.channel_id,
    user_id: doc.user_id,
    content: doc.content,
    content_type: doc.content_type,
    file_url: doc.file_url,
    parent_id: doc.parent_id,
    client_message_id: doc.client_message_id,
    created_at: doc.created_at,
    edited_at: doc.edited_at,
    deleted_at: doc.deleted_at,
    // Absent until MessageDecorations first writes them (a message nobody reacted to or pinned).
    ...(doc.reactions !== undefined && { reactions: doc.reactions }),
    ...(doc.pinned_at !== undefined && { pinned_at: doc.pinned_at }),
    ...(doc.pinned_by !== undefined && { pinned_by: doc.pinned_by }),
  });
}
