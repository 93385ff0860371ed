import { ReadPointer } from './read-pointer';

/**
 * The unread rule: a user's unread count in a channel is the number of its messages with
 * seq > their pointer's seq that they did not send.
 *
 * That equals `last_seq - pointer.seq`, with no need to look at authors, because
 * 1. seq is gapless per channel (1, 2, 3 …), so there are exactly last_seq - pointer.seq messages
 *    after the pointer; and
 * 2. sending moves the sender's pointer to their own new message, the channel's latest at that
 *    moment, and pointers never move back; so every message a user sent has seq <= their pointer,
 *    and every message after the pointer was sent by someone else.
 * Tombstones count: a deleted message keeps its seq in the history (as "message deleted").
 * Thread replies count too: they are messages of the channel.
 */
export function unreadCount(channelLastSeq: number, pointer: ReadPointer): number {
  return Math.max(0, channelLastSeq - pointer.seq);
}
