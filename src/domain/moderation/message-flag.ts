import { Message, MessagePrimitives } from '../message/message.entity';
import { requireText } from '../shared/text';

/** A participant's report of a message to the tenant's moderators, with the message as it was then. */
export interface MessageFlagPrimitives {
  id: string;
  channel_id: string;
  message_id: number;
  /** The message when it was flagged: an edit or a deletion afterwards does not hide what was reported. */
  message: MessagePrimitives;
  flagged_by: string;
  reason: string;
  created_at: Date;
}

export interface NewMessageFlagInput {
  id: string;
  message: Message;
  flagged_by: string;
  reason: string;
  now: Date;
}

const MAX_REASON = 500;

/** A new flag; its reason is 1-500 characters (trimmed, no control characters). */
export function newMessageFlag(input: NewMessageFlagInput): MessageFlagPrimitives {
  const message = input.message.toPrimitives();
  return {
    id: input.id,
    channel_id: message.channel_id,
    message_id: message.id,
    message,
    flagged_by: input.flagged_by,
    reason: requireText(input.reason, { field: 'reason', max: MAX_REASON }),
    created_at: input.now,
  };
}
