import assert from 'node:assert/strict';
import type { ChannelView } from '../../../src/application/views/channel.view';
import type { MessageView } from '../../../src/application/views/message.view';
import { groupChannel, type ChannelScenario } from '../../realtime/support/cluster';
import type { Sockets } from '../../realtime/support/test-socket';
import { ChatClient } from '../../support/chat-client';
import type { TestApi } from '../../support/test-api';

/** Who sends in the burst; `eve` is a member who only reads (and sends the closing messages). */
export const SENDERS = ['ana', 'ben', 'cleo', 'dan'];

/** A user's REST clients on node A and on node B. */
export function onBoth(nodes: TestApi[], chat: ChannelScenario, user: string): ChatClient[] {
  const onA = chat.users[user];
  return [onA, new ChatClient(nodes[1], chat.tenant, user, onA.token)];
}

/** A tenant whose five members share three group channels, on two API nodes. */
export class BurstScene {
  private constructor(
    private readonly nodes: TestApi[],
    readonly chat: ChannelScenario,
    readonly channels: string[],
  ) {}

  static async create(nodes: TestApi[]): Promise<BurstScene> {
    const chat = await groupChannel(nodes[0], [...SENDERS, 'eve']);
    const others = ['ben', 'cleo', 'dan', 'eve'];
    const more = [await chat.users.ana.group(others, 'two'), await chat.users.ana.group(others, 'three')];
    return new BurstScene(nodes, chat, [chat.channelId, ...more.map((c) => c.id)]);
  }

  clients(user: string): ChatClient[] {
    return onBoth(this.nodes, this.chat, user);
  }

  /**
   * Every sender sends `sendsEach` messages through each node (one after the other per node, the
   * eight loops at once) while a reader moves pointers; returns the acknowledged messages per
   * channel, each loop's in the order they were acknowledged.
   */
  async burst(sendsEach: number): Promise<Map<string, MessageView[][]>> {
    const { channels } = this;
    const acked = new Map(channels.map((c) => [c, [] as MessageView[][]]));
    const loops = SENDERS.flatMap((user, u) =>
      this.clients(user).map(async (client, n) => {
        const mine = channels.map(() => [] as MessageView[]);
        for (let i = 0; i < sendsEach; i++) {
          const c = (u + n + i) % channels.length;
          mine[c].push(await client.send(channels[c], `${user}@${n}#${i}`));
        }
        mine.forEach((messages, c) => acked.get(channels[c])!.push(messages));
      }),
    );
    const reader = (async () => {
      for (let r = 0; r < 24; r++) {
        const client = this.clients(SENDERS[r % SENDERS.length])[r % 2];
        const res = await client.post(`channels/${channels[r % channels.length]}/mark_read/`, {});
        assert.equal(res.status, 200, JSON.stringify(res.body));
      }
    })();
    await Promise.all([...loops, reader]);
    return acked;
  }

  /** The channel holds exactly the acknowledged messages, once each, seq 1..N in id order, each loop's in its order. */
  async assertStoredOnce(channelId: string, loops: MessageView[][]): Promise<void> {
    const history = await this.clients('eve')[1].history(channelId);

    assert.deepEqual(
      history.map((m) => m.seq),
      history.map((_, i) => i + 1),
      'seqs are gapless',
    );
    assert.deepEqual(
      history.map((m) => m.id),
      loops
        .flat()
        .map((m) => m.id)
        .sort((a, b) => a - b),
      'every acknowledged message stored once, nothing else',
    );
    for (const seqs of loops.map((loop) => loop.map((m) => m.seq))) {
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => a - b),
        'a sender’s messages keep their order',
      );
    }
  }

  /**
   * The user reads the first channel on node B; their presence socket on node A gets its
   * unread.update: 0 there, and a total (the Redis badge) equal to their unread counts elsewhere.
   */
  async assertBadgeAfterRead(user: string, sockets: Sockets): Promise<void> {
    const [onA, onB] = this.clients(user);
    const [first, ...rest] = this.channels;
    const counts = await Promise.all(
      rest.map(async (id) => ((await onA.get(`channels/${id}/`)).body as ChannelView).unread_count),
    );
    const presence = await sockets.connect(this.nodes[0].url, '/ws/presence', onA.token);

    const read = await onB.post(`channels/${first}/mark_read/`, {});

    assert.equal(read.body.unread_count, 0);
    const update = await presence.next('unread.update', (u) => u.channel_id === first);
    assert.deepEqual(update, {
      channel_id: first,
      unread_count: 0,
      total_unread: counts.reduce((a, b) => a + b, 0),
    });
  }
}
