import { ContentType } from './content-type';
import { MessageContent } from './message-content';
import { MessageDeletedError } from './message.errors';
import { NewMessage, NewMessageInput, newMessage } from './new-message';

export interface MessagePrimitives {
  /** Tenant-wide, strictly increasing; within a channel its order is the seq order. */
  id: number;
  /** Per channel: 1, 2, 3 … without gaps, so a client can see a missing message. */
  seq: number;
  channel_id: string;
  user_id: string;
  content: string;
  content_type: ContentType;
  file_url: string | null;
  parent_id: number | null;
  client_message_id: string | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export class Message {
  private constructor(private readonly props: MessagePrimitives) {}

  /** Validates a message to send (new-message.ts); storage assigns id and seq. */
  static draft(input: NewMessageInput): NewMessage {
    return newMessage(input);
  }

  static fromPrimitives(props: MessagePrimitives): Message {
    return new Message({ ...props });
  }

  get id(): number {
    return this.props.id;
  }

  get seq(): number {
    return this.props.seq;
  }

  get channelId(): string {
    return this.props.channel_id;
  }

  get userId(): string {
    return this.props.user_id;
  }

  get parentId(): number | null {
    return this.props.parent_id;
  }

  get createdAt(): Date {
    return this.props.created_at;
  }

  get isDeleted(): boolean {
    return this.props.deleted_at !== null;
  }

  /** Replaces the text; the same content rules as when sending apply. A tombstone cannot be edited. */
  edit(content: string, now: Date): void {
    if (this.isDeleted) throw new MessageDeletedError(this.id);
    this.props.content = MessageContent.create(content, { hasFile: this.props.file_url !== null }).value;
    this.props.edited_at = now;
  }

  /**
   * Turns the message into a tombstone: it keeps its place (id, seq, thread) but loses its content
   * and file. Deleting a tombstone again changes nothing and returns false.
   */
  delete(now: Date): boolean {
    if (this.isDeleted) return false;
    Object.assign(this.props, { content: '', file_url: null, deleted_at: now });
    return true;
  }

  toPrimitives(): MessagePrimitives {
    return { ...this.props };
  }
}
