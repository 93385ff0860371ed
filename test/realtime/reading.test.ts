import assert from 'node:assert/strict';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes } from './support/cluster';
import { Sockets } from './support/test-socket';

describe('message.read on a socket', () => {
  let nodes: TestApi[];
  const sockets = new Sockets();

  before(async () => {
    nodes = await startNodes(2);
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes(nodes));

  it('moves the reader’s pointer, tells the channel on every node and the reader’s presence sockets', async () => {
    const chat = await groupChannel(nodes[0], ['alice', 'bob']);
    const ns = `/ws/chat/${chat.channelId}`;
    const alice = await sockets.connect(nodes[0].url, ns, await chat.token('alice'));
    const bob = await sockets.connect(nodes[1].url, ns, await chat.token('bob'));
    const bobPresence = await sockets.connect(nodes[0].url, '/ws/presence', await chat.token('bob'));
    await chat.users.alice.send(chat.channelId, 'one');
    const last = await chat.users.alice.send(chat.channelId, 'two');

    const ack = await bob.request('message.read', {});

    assert.deepEqual(ack, {
      ok: true,
      channel_id: chat.channelId,
      last_read_message_id: last.id,
      unread_count: 0,
    });
    const read = await alice.next('message.read');
    assert.deepEqual(
      { ...read, read_at: typeof read.read_at },
      {
        channel_id: chat.channelId,
        user_id: 'bob',
        last_read_message_id: last.id,
        read_at: 'string',
      },
    );
    const unread = await bobPresence.next('unread.update', (u) => u.unread_count === 0);
    assert.equal(unread.channel_id, chat.channelId);
  });

  it('answers a message of another channel with message_not_found', async () => {
    const chat = await groupChannel(nodes[0], ['alice', 'bob']);
    const other = await chat.users.alice.group(['bob'], 'other');
    const elsewhere = await chat.users.alice.send(other.id, 'elsewhere');
    const bob = await sockets.connect(nodes[1].url, `/ws/chat/${chat.channelId}`, await chat.token('bob'));

    const ack = await bob.request<{ ok: boolean; error: { code: string } }>('message.read', {
      message_id: elsewhere.id,
    });

    assert.deepEqual([ack.ok, ack.error.code], [false, 'message_not_found']);
  });
});
