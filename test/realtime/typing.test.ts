import assert from 'node:assert/strict';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes } from './support/cluster';
import { Sockets } from './support/test-socket';

interface Typing {
  channel_id: string;
  user_id: string;
  is_typing: boolean;
}

const TYPING_TIMEOUT_MS = 700;

describe('Typing indicators', () => {
  let nodes: TestApi[];
  const sockets = new Sockets();

  before(async () => {
    nodes = await startNodes(2, { TYPING_TIMEOUT_MS: String(TYPING_TIMEOUT_MS), TYPING_THROTTLE_MS: '5000' });
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes(nodes));

  async function typingScene() {
    const chat = await groupChannel(nodes[0], ['tina', 'olga']);
    const tina = await sockets.connect(nodes[0].url, `/ws/chat/${chat.channelId}`, await chat.token('tina'));
    const olgaChat = await sockets.connect(
      nodes[1].url,
      `/ws/chat/${chat.channelId}`,
      await chat.token('olga'),
    );
    const olgaTyping = await sockets.connect(
      nodes[1].url,
      `/ws/typing/${chat.channelId}`,
      await chat.token('olga'),
    );
    return { chat, tina, olgaChat, olgaTyping };
  }

  it('broadcasts is_typing true once per throttle window, then false by itself after the quiet time, on both namespaces', async () => {
    const { chat, tina, olgaChat, olgaTyping } = await typingScene();

    const acks = [];
    for (let i = 0; i < 3; i++) acks.push(await tina.request('typing', { is_typing: true }));
    const started = Date.now();

    for (const olga of [olgaChat, olgaTyping]) {
      const stopped = await olga.next<Typing>('typing', (t) => !t.is_typing);
      assert.deepEqual(stopped, { channel_id: chat.channelId, user_id: 'tina', is_typing: false });
      assert.deepEqual(
        olga.all<Typing>('typing').map((t) => t.is_typing),
        [true, false],
      );
    }
    assert.ok(Date.now() - started >= TYPING_TIMEOUT_MS - 100);
    assert.deepEqual(acks, [{ ok: true }, { ok: true }, { ok: true }]);
    assert.deepEqual(tina.all('typing'), [], 'a typer does not hear themselves');
  });

  it('sends is_typing false when the typer disconnects', async () => {
    const { tina, olgaTyping } = await typingScene();
    await tina.request('typing', { is_typing: true });
    await olgaTyping.next<Typing>('typing', (t) => t.is_typing);

    tina.close();

    const stopped = await olgaTyping.next<Typing>('typing', (t) => !t.is_typing);
    assert.equal(stopped.user_id, 'tina');
  });

  it('sends is_typing false at once when the typer says so, and true again at the next keystroke', async () => {
    const { tina, olgaChat } = await typingScene();
    await tina.request('typing', { is_typing: true });

    await tina.request('typing', { is_typing: false });
    await tina.request('typing', { is_typing: true });

    await olgaChat.next<Typing>('typing', (t) => t.is_typing, 2);
    assert.deepEqual(
      olgaChat.all<Typing>('typing').map((t) => t.is_typing),
      [true, false, true],
    );
  });

  it('answers a typing payload that is not a boolean with validation_error', async () => {
    const { tina } = await typingScene();

    const ack = await tina.request<{ ok: boolean; error: { code: string } }>('typing', { is_typing: 'yes' });

    assert.equal(ack.error.code, 'validation_error');
  });
});
