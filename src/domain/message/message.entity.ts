import type { MessagePin } from '../pin/pin';
import { MessageReactions, type ReactionGroup } from '../reaction/message-reactions';
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
  /** Who reacted with what (absent: nobody). Derived from the stored reactions, see MessageReactions. */
  reactions?: ReactionGroup[];
  /** Set while the message is pinned in its channel (absent: not pinned). */
  pinned_at?: Date | null;
  pinned_by?: string | null;
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

  /** A tombstone has none: its reactions went with its content. */
  get reactions(): MessageReactions {
    return this.isDeleted
      ? MessageReactions.none()
      : MessageReactions.fromPrimitives(this.props.reactions ?? []);
  }

  /** Who pinned it and when; null when it is not pinned (a tombstone never is). */
  get pin(): MessagePin | null {
    const { pinned_at, pinned_by } = this.props;
    return this.isDeleted || !pinned_at || !pinned_by ? null : { pinned_at, pinned_by };
  }

  /** A copy showing these reactions (what storage answered after a change). */
  withReactions(reactions: MessageReactions): Message {
    return new Message({ ...this.props, reactions: reactions.toPrimitives() });
  }

  /** A copy showing this pin, or none. */
  withPin(pin: MessagePin | null): Message {
    return new Message({
      ...this.props,
      pinned_at: pin?.pinned_at ?? null,
      pinned_by: pin?.pinned_by ?? null,
    });
  }

  /** A tombstone takes no reaction and no pin. @throws MessageDeletedError */
  assertNotDeleted(): void {
    if (this.isDeleted) throw new MessageDeletedError(this.id);
  }

  /** Replaces the text; the same content rules as when sending apply. A tombstone cannot be edited. */
  edit(content: string, now: Date): void {
    if (this.isDeleted) throw new MessageDeletedError(this.id);
    this.props.content = MessageContent.create(content, { hasFile: this.props.file_url !== null }).value;
    this.props.edited_at = now;
  }

  /**
   * Turns the message into a tombstone: it keeps its place (id, seq, thread) but loses its content
   * and file; its reactions and pin are no longer shown (storage removes them). Deleting a tombstone again changes nothing and returns false.
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
