import assert from 'node:assert/strict';
import { SERVER_EVENTS } from '../../src/adapters/realtime/server-events';
import type { TestApi } from '../support/test-api';
import { ChatClient } from '../support/chat-client';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { Sockets, type TestSocket } from './support/test-socket';

interface ReactionEvent {
  message_id: number;
  user_id: string;
  emoji: string;
  reaction_counts: Record<string, number>;
}

interface PinEvent {
  user_id: string;
  message: { id: number; pinned_by: string | null; pinned_at: string | null };
}

/** Two API nodes: alice's socket on the first, bob's on the second; commands over REST on either. */
describe('Reaction and pin events on two API nodes', () => {
  let nodes: TestApi[];
  const sockets = new Sockets();
  let chat: ChannelScenario;
  let onFirst: TestSocket;
  let onSecond: TestSocket;

  before(async () => {
    nodes = await startNodes(2);
  });
  beforeEach(async () => {
    chat = await groupChannel(nodes[0], ['alice', 'bob', 'carol']);
    const ns = `/ws/chat/${chat.channelId}`;
    onFirst = await sockets.connect(nodes[0].url, ns, await chat.token('alice'));
    onSecond = await sockets.connect(nodes[1].url, ns, await chat.token('bob'));
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes(nodes));

  /** `user`'s REST client on the given node. */
  const on = (node: number, user: string) =>
    new ChatClient(nodes[node], chat.tenant, user, chat.users[user].token);
  const reactions = (messageId: number) => `channels/${chat.channelId}/messages/${messageId}/reactions/`;

  it('sends reaction.added and reaction.removed, with the counts after each, to both nodes', async () => {
    const message = await chat.users.alice.send(chat.channelId, 'ship it?');

    await on(1, 'carol').post(reactions(message.id), { emoji: '+1' });
    await on(0, 'bob').post(reactions(message.id), { emoji: '+1' });
    await on(1, 'carol').delete(reactions(message.id), { emoji: '+1' });

    for (const socket of [onFirst, onSecond]) {
      const added = await socket.next<ReactionEvent>('reaction.added', (e) => e.user_id === 'bob');
      const removed = await socket.next<ReactionEvent>('reaction.removed');
      assert.deepEqual(added, {
        channel_id: chat.channelId,
        message_id: message.id,
        user_id: 'bob',
        emoji: '+1',
        reaction_counts: { '+1': 2 },
      });
      assert.deepEqual([removed.user_id, removed.reaction_counts], ['carol', { '+1': 1 }]);
      assert.ok(SERVER_EVENTS['reaction.removed'].safeParse(removed).success);
    }
  });

  it('sends nothing for a repeated reaction or removal', async () => {
    const message = await chat.users.alice.send(chat.channelId, 'lunch?');

    await on(0, 'bob').post(reactions(message.id), { emoji: 'heart' });
    await on(1, 'bob').post(reactions(message.id), { emoji: 'heart' });
    await on(0, 'carol').delete(reactions(message.id), { emoji: 'heart' });
    await on(1, 'carol').post(reactions(message.id), { emoji: 'eyes' }); // the marker: published last

    for (const socket of [onFirst, onSecond]) {
      await socket.next<ReactionEvent>('reaction.added', (e) => e.emoji === 'eyes');
      assert.equal(socket.all('reaction.added').length, 2);
      assert.equal(socket.all('reaction.removed').length, 0);
    }
  });

  it('delivers concurrent reactions from both nodes with counts in the order of the changes, ending at the stored count', async () => {
    const message = await chat.users.alice.send(chat.channelId, 'vote');
    const voters = Array.from({ length: 10 }, (_, i) => `voter-${i}`);
    await chat.users.alice.post(`channels/${chat.channelId}/participants/`, {
      participants: voters.map((user_id) => ({ user_id })),
    });
    const clients = await Promise.all(voters.map((u) => ChatClient.as(nodes[0], chat.tenant, u)));

    await Promise.all(
      clients.map((c, i) =>
        new ChatClient(nodes[i % 2], chat.tenant, c.userId, c.token).post(reactions(message.id), {
          emoji: '+1',
        }),
      ),
    );

    for (const socket of [onFirst, onSecond]) {
      await socket.next<ReactionEvent>('reaction.added', () => true, 10);
      assert.deepEqual(
        socket.all<ReactionEvent>('reaction.added').map((e) => e.reaction_counts['+1']),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
    }
    const [stored] = (await chat.users.bob.history(chat.channelId)).slice(-1);
    assert.deepEqual(stored.reaction_counts, { '+1': 10 });
  });

  it('sends message.pinned and message.unpinned to both nodes, once each however often repeated', async () => {
    const message = await chat.users.bob.send(chat.channelId, 'the plan');

    await on(1, 'alice').post(`channels/${chat.channelId}/pinned/`, { message_id: message.id });
    await on(0, 'alice').post(`channels/${chat.channelId}/pinned/`, { message_id: message.id });
    await on(0, 'alice').delete(`channels/${chat.channelId}/pinned/${message.id}/`);
    await on(1, 'alice').delete(`channels/${chat.channelId}/pinned/${message.id}/`);
    await on(1, 'alice').post(`channels/${chat.channelId}/pinned/`, { message_id: message.id }); // the marker

    for (const socket of [onFirst, onSecond]) {
      const pinned = await socket.next<PinEvent>('message.pinned');
      const unpinned = await socket.next<PinEvent>('message.unpinned');
      await socket.next<PinEvent>('message.pinned', () => true, 2);
      assert.deepEqual(
        [pinned.user_id, pinned.message.id, pinned.message.pinned_by],
        ['alice', message.id, 'alice'],
      );
      assert.deepEqual([unpinned.message.pinned_at, unpinned.message.pinned_by], [null, null]);
      assert.equal(socket.all('message.pinned').length, 2);
      assert.equal(socket.all('message.unpinned').length, 1);
      assert.ok(SERVER_EVENTS['message.pinned'].safeParse(pinned).success);
    }
  });

  it('follows message.deleted with message.unpinned when a pinned message is deleted', async () => {
    const message = await chat.users.bob.send(chat.channelId, 'oops');
    await chat.users.alice.post(`channels/${chat.channelId}/pinned/`, { message_id: message.id });
    await chat.users.alice.post(reactions(message.id), { emoji: 'eyes' });

    await on(1, 'bob').delete(`channels/${chat.channelId}/messages/${message.id}/`);

    for (const socket of [onFirst, onSecond]) {
      const unpinned = await socket.next<PinEvent>('message.unpinned');
      const names = socket.received.map((e) => e.name).filter((n) => n.startsWith('message.'));
      assert.deepEqual(names.slice(-2), ['message.deleted', 'message.unpinned']);
      assert.equal(unpinned.user_id, 'bob');
      const deleted = await socket.next<{ reaction_counts: object; own_reactions: unknown }>(
        'message.deleted',
      );
      assert.deepEqual([deleted.reaction_counts, deleted.own_reactions], [{}, []]);
    }
  });

  it('broadcasts no one’s own reactions: [] for a message without any, null once it has some', async () => {
    const message = await chat.users.bob.send(chat.channelId, 'tpyo');
    await chat.users.alice.post(reactions(message.id), { emoji: 'joy' });

    await on(1, 'bob').patch(`channels/${chat.channelId}/messages/${message.id}/`, { content: 'typo' });

    const created = await onFirst.next<{ own_reactions: unknown }>('chat.message');
    const updated = await onFirst.next<{ own_reactions: unknown; reaction_counts: object }>(
      'message.updated',
    );
    assert.deepEqual(created.own_reactions, []);
    assert.deepEqual([updated.own_reactions, updated.reaction_counts], [null, { joy: 1 }]);
  });
});
