import type { Socket } from 'socket.io-client';
import { ChatHttp, pooled } from './chat-http';
import { progress } from './env';
import { connectSocket } from './sockets';

/** Members u0 … u{n-1}; u0 creates the channel and sends. */
export const member = (i: number) => `u${i}`;

/** A group channel of `members` members made through the API by u0; returns u0's client and the id. */
export async function channelOf(
  url: string,
  tenant: string,
  members: number,
): Promise<{ owner: ChatHttp; channelId: string }> {
  const owner = await ChatHttp.as(url, tenant, member(0));
  const others = Array.from({ length: members - 1 }, (_, i) => member(i + 1));
  return { owner, channelId: await owner.group(others, `${members} members`) };
}

/** Connects `users` to /ws/presence and to /ws/chat/{id} of each channel: they are online. */
export async function online(
  url: string,
  tenant: string,
  users: string[],
  channelIds: string[],
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (const user of users) {
    const client = await ChatHttp.as(url, tenant, user);
    sockets.push(await connectSocket(url, '/ws/presence', client.token));
    for (const id of channelIds) sockets.push(await connectSocket(url, `/ws/chat/${id}`, client.token));
  }
  return sockets;
}

export interface InboxUser {
  user: ChatHttp;
  channelIds: string[];
  /** The channel holding `longChannelMessages` messages (the others hold one each). */
  longChannelId: string;
}

/**
 * A user in `channels` group channels, each with one partner who sent one message (so each inbox
 * row has a last message and an unread count); the first channel holds `longChannelMessages`.
 * Everything goes through the REST API, so the layout is whatever the app writes.
 */
export async function inboxUser(
  url: string,
  tenant: string,
  userId: string,
  channels: number,
  longChannelMessages: number,
): Promise<InboxUser> {
  const user = await ChatHttp.as(url, tenant, userId);
  const channelIds: string[] = [];
  const channel = async (i: number) => {
    const partner = await ChatHttp.as(url, tenant, `${userId}-p${i}`);
    channelIds[i] = await user.group([partner.userId], `c${i}`);
    await partner.expect(`channels/${channelIds[i]}/send_message/`, { content: `hello ${i}` });
    return partner;
  };
  const partner = await channel(0);
  // The long channel fills one send at a time (its sends take its lock in turn anyway) while the
  // other channels are made.
  const fillLong = async () => {
    for (let i = 1; i < longChannelMessages; i++)
      await partner.expect(`channels/${channelIds[0]}/send_message/`, { content: `history ${i}` });
  };
  let made = 1;
  const others = pooled(channels - 1, 8, async (i) => {
    await channel(i + 1);
    if (++made % 200 === 0) progress(`${userId}: ${made}/${channels} channels`);
  });
  await Promise.all([fillLong(), others]);
  return { user, channelIds, longChannelId: channelIds[0] };
}

/** `count` channels of their own users, one message each: where filler messages go (seed-messages.ts). */
export async function fillerChannels(url: string, tenant: string, count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const filler = await ChatHttp.as(url, tenant, `filler${i}`);
      const id = await filler.group([`filler${i}-p`], `filler ${i}`);
      await filler.expect(`channels/${id}/send_message/`, { content: 'filler' });
      return id;
    }),
  );
}
