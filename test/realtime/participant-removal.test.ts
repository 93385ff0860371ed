import assert from 'node:assert/strict';
import type { MessageView } from '../../src/application/views/message.view';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes } from './support/cluster';
import { Sockets, TestSocket } from './support/test-socket';

describe('A participant removed from a channel', () => {
  let nodes: TestApi[];
  const sockets = new Sockets();

  before(async () => {
    nodes = await startNodes(2);
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes(nodes));

  async function removalScene() {
    const chat = await groupChannel(nodes[0], ['alice', 'bob', 'carol']);
    const bobToken = await chat.token('bob');
    const bobChat = await sockets.connect(nodes[1].url, `/ws/chat/${chat.channelId}`, bobToken);
    const bobTyping = await sockets.connect(nodes[1].url, `/ws/typing/${chat.channelId}`, bobToken);
    const carol = await sockets.connect(
      nodes[1].url,
      `/ws/chat/${chat.channelId}`,
      await chat.token('carol'),
    );
    return { chat, bobToken, bobChat, bobTyping, carol };
  }

  it('is told, then disconnected from the channel namespaces on the other node at once', async () => {
    const { chat, bobChat, bobTyping, carol } = await removalScene();

    const removed = await chat.users.alice.delete(`channels/${chat.channelId}/participants/bob/`);
    const chatReason = await bobChat.disconnection();
    const typingReason = await bobTyping.disconnection();
    const after = await chat.users.alice.send(chat.channelId, 'after bob left');

    assert.equal(removed.status, 200);
    assert.equal(chatReason, 'io server disconnect');
    assert.equal(typingReason, 'io server disconnect');
    assert.deepEqual(bobChat.all('participant.removed'), [
      { channel_id: chat.channelId, user_id: 'bob', reason: 'removed' },
    ]);
    assert.deepEqual(await carol.next<MessageView>('chat.message'), after);
    assert.deepEqual(bobChat.all('chat.message'), []);
  });

  it('cannot connect to the channel again', async () => {
    const { chat, bobToken, bobChat } = await removalScene();
    await chat.users.alice.delete(`channels/${chat.channelId}/participants/bob/`);
    await bobChat.disconnection();

    const refusals = await Promise.all(
      nodes.map((node) =>
        sockets.track(TestSocket.open(node.url, `/ws/chat/${chat.channelId}`, bobToken)).refusal(),
      ),
    );

    assert.deepEqual(
      refusals.map((e) => e.message),
      ['channel_not_found', 'channel_not_found'],
    );
  });
});
