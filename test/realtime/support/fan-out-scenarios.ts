import assert from 'node:assert/strict';
import type { MessageView } from '../../../src/application/views/message.view';
import type { TestApi } from '../../support/test-api';
import { groupChannel, type ChannelScenario } from './cluster';
import type { Sockets } from './test-socket';

/*
 * The fan-out scenarios two API nodes must pass, on one Redis (test/realtime/fan-out.test.ts) and on
 * a Redis Cluster (test/cluster/fan-out.test.ts): one piece of code, so both deployments are held to
 * the same assertions.
 */

/**
 * A REST send on node A reaches every participant's socket on node B, and no socket of another
 * channel of the tenant or of a same-named user of another tenant. `beforeSend` opens what else the
 * caller checks afterwards. Returns the channel and the message sent.
 */
export async function restSendReachesOnlyItsChannel(
  nodeA: TestApi,
  nodeB: TestApi,
  sockets: Sockets,
  beforeSend: (chat: ChannelScenario) => Promise<void> = async () => undefined,
): Promise<{ chat: ChannelScenario; sent: MessageView }> {
  const chat = await groupChannel(nodeA, ['alice', 'bob', 'carol']);
  const sameTenant = await chat.users.carol.group(['dave'], 'Side');
  const otherTenant = await groupChannel(nodeA, ['alice', 'bob']);
  const ns = `/ws/chat/${chat.channelId}`;
  const members = await Promise.all(
    ['alice', 'bob', 'carol'].map(async (u) => sockets.connect(nodeB.url, ns, await chat.token(u))),
  );
  const dave = await sockets.connect(nodeB.url, `/ws/chat/${sameTenant.id}`, await chat.token('dave'));
  const namesake = await sockets.connect(
    nodeB.url,
    `/ws/chat/${otherTenant.channelId}`,
    await otherTenant.token('bob'),
  );
  await beforeSend(chat);

  const sent = await chat.users.alice.send(chat.channelId, 'hello from A');
  const markers = [
    await chat.users.carol.send(sameTenant.id, 'marker'),
    await otherTenant.users.alice.send(otherTenant.channelId, 'marker'),
  ];

  for (const member of members) assert.deepEqual(await member.next<MessageView>('chat.message'), sent);
  for (const [i, outsider] of [dave, namesake].entries()) {
    // Both events travel the same path to node B: once the later one is in, the earlier would be.
    await outsider.next<MessageView>('chat.message', (m) => m.id === markers[i].id);
    assert.deepEqual(
      outsider.all<MessageView>('chat.message').map((m) => m.content),
      ['marker'],
    );
  }
  return { chat, sent };
}

/**
 * A `chat.message` on a socket of node A is acked with the stored message and reaches node B once;
 * the same client_message_id again is acked with the same message and reaches no one.
 */
export async function socketSendReachesTheOtherNodeOnce(
  nodeA: TestApi,
  nodeB: TestApi,
  sockets: Sockets,
): Promise<void> {
  const chat = await groupChannel(nodeA, ['alice', 'bob']);
  const ns = `/ws/chat/${chat.channelId}`;
  const alice = await sockets.connect(nodeA.url, ns, await chat.token('alice'));
  const bob = await sockets.connect(nodeB.url, ns, await chat.token('bob'));

  const first = await alice.request<{ ok: true; message: MessageView }>('chat.message', {
    content: 'hi',
    client_message_id: 'c-1',
  });
  const again = await alice.request<{ ok: true; message: MessageView }>('chat.message', {
    content: 'hi',
    client_message_id: 'c-1',
  });
  const next = await alice.request<{ ok: true; message: MessageView }>('chat.message', { content: 'next' });

  assert.equal(first.ok, true);
  assert.deepEqual(again.message, first.message);
  assert.equal(first.message.seq, 1);
  await bob.next<MessageView>('chat.message', (m) => m.id === next.message.id);
  assert.deepEqual(
    bob.all<MessageView>('chat.message').map((m) => [m.seq, m.content]),
    [
      [1, 'hi'],
      [2, 'next'],
    ],
  );
}
