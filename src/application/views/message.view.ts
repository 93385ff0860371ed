import { ContentType } from '../../domain/message/content-type';
import { Message } from '../../domain/message/message.entity';

/** A message as docs/contract.md shows it, for REST replies and socket payloads alike. */
export interface MessageView {
  id: number;
  seq: number;
  channel_id: string;
  user_id: string;
  content: string;
  content_type: ContentType;
  file_url: string | null;
  parent_id: number | null;
  client_message_id: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  /**
   * Only in history pages and channel views returned to a caller: true when the caller blocked the
   * author (views/moderation.view.ts, seenBy). Absent elsewhere (socket events, notifications).
   */
  from_blocked_user?: boolean;
}

export function toMessageView(message: Message): MessageView {
  const m = message.toPrimitives();
  return {
    id: m.id,
    seq: m.seq,
    channel_id: m.channel_id,
    user_id: m.user_id,
    content: m.content,
    content_type: m.content_type,
    file_url: m.file_url,
    parent_id: m.parent_id,
    client_message_id: m.client_message_id,
    created_at: m.created_at.toISOString(),
    edited_at: m.edited_at?.toISOString() ?? null,
    deleted_at: m.deleted_at?.toISOString() ?? null,
  };
}
