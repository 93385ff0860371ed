import { Channel } from '../../domain/channel/channel.entity';
import { MessageRepository } from '../ports/message-repository.port';
import { UserChannelState } from '../ports/read-state-repository.port';
import { callerStateIn } from '../reading/membership-state';
import { ChannelView, toChannelView } from '../views/channel.view';
import { MessageView, toMessageView } from '../views/message.view';

/**
 * Channel views for one caller, in the order given, each with its last message and the caller's
 * state (from `states`, keyed by channel id).
 */
export async function channelViewsFor(
  channels: readonly Channel[],
  states: ReadonlyMap<string, UserChannelState>,
  messages: MessageRepository,
): Promise<ChannelView[]> {
  const lastIds = channels.map((c) => c.lastMessageId).filter((id): id is number => id !== null);
  const lastMessages = new Map<number, MessageView>();
  for (const message of await messages.findManyByIds(lastIds))
    lastMessages.set(message.id, toMessageView(message));
  return channels.map((channel) => {
    const last = channel.lastMessageId === null ? null : (lastMessages.get(channel.lastMessageId) ?? null);
    return toChannelView(channel, last, callerStateIn(channel, states.get(channel.id) ?? null, last));
  });
}

export async function channelViewFor(
  channel: Channel,
  state: UserChannelState | null,
  messages: MessageRepository,
): Promise<ChannelView> {
  const states = new Map(state ? [[channel.id, state]] : []);
  const [view] = await channelViewsFor([channel], states, messages);
  return view;
}
