import type { MessageDocument } from './schemas/message.schema';

/**
 * What a channel document holds of its last message (the copy every inbox view shows), for a `$set`
 * guarded by `last_message_seq: {$lt: doc.seq}`: only a newer seq replaces it. Written under the
 * channel's lock, as every write of the channel document (FerretDB v1 writes it back whole): by the
 * send's turn, which holds it, and by MongoChannelRepository.recordLastMessage.
 */
export function lastMessageFields(doc: MessageDocument) {
  return {
    last_message_id: doc._id,
    last_message_seq: doc.seq,
    last_message_at: doc.created_at,
    last_activity_at: doc.created_at,
    last_message: doc,
  };
}
