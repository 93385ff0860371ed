import assert from 'node:assert/strict';
import type { TenantContext } from '../../../../src/adapters/tenancy/tenant-context';
import type { Message } from '../../../../src/domain/message/message.entity';

/** Every message of a channel, ascending, read page by page (bounded). */
export async function allMessages(context: TenantContext, channelId: string): Promise<Message[]> {
  const all: Message[] = [];
  for (let page = 0; page < 1_000; page += 1) {
    const { messages, has_more_after } = await context.ports.messages.page(channelId, {
      afterSeq: all.at(-1)?.seq ?? 0,
      limit: 100,
    });
    all.push(...messages);
    if (!has_more_after) break;
  }
  return all;
}

export interface ChannelSnapshot {
  /** user → pointer seq */
  pointers: Map<string, number>;
  /** message id → readers */
  readBy: Map<number, string[]>;
}

/**
 * The invariant of docs/contract.md after the queues drain, for every participant of the channel: unread_count
 * = the messages with id > last_read_message_id they did not send; and read_by of every message
 * lists exactly the participants whose pointer covers it, the sender excluded. Returns what it read.
 */
export async function assertChannelInvariants(
  context: TenantContext,
  channelId: string,
  participants: readonly string[],
): Promise<ChannelSnapshot> {
  const messages = await allMessages(context, channelId);
  const pointers = new Map<string, number>();
  for (const user of participants) {
    const state = await context.ports.readStates.find(user, channelId);
    assert.ok(state, `${user} has a read state in ${channelId}`);
    const lastRead = state.last_read_message_id ?? 0;
    const expected = messages.filter((m) => m.id > lastRead && m.userId !== user).length;
    const view = await context.useCases.getChannel.execute({ userId: user, channelId });
    assert.equal(view.unread_count, expected, `unread_count of ${user} (pointer at ${lastRead})`);
    pointers.set(user, state.last_read_seq);
  }
  const readBy = new Map<number, string[]>();
  for (const message of messages) {
    const { results } = await context.useCases.getReadBy.execute({
      userId: message.userId,
      channelId,
      messageId: message.id,
    });
    const readers = results.map((r) => r.user_id).sort();
    const expected = participants
      .filter((u) => u !== message.userId && pointers.get(u)! >= message.seq)
      .sort();
    assert.deepEqual(readers, expected, `read_by of message ${message.id} (seq ${message.seq})`);
    readBy.set(message.id, readers);
  }
  return { pointers, readBy };
}
