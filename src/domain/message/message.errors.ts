import { ConflictError, NotFoundError } from '../shared/domain-error';

/** The message does not exist, or is not in the channel it was looked up through. */
export class MessageNotFoundError extends NotFoundError {
  override readonly code = 'message_not_found';

  constructor(messageId: number) {
    super('message not found', { message_id: messageId });
  }
}

/** A tombstone cannot be edited: its content is gone for good. */
export class MessageDeletedError extends ConflictError {
  constructor(messageId: number) {
    super('the message was deleted', { message_id: messageId });
  }
}
