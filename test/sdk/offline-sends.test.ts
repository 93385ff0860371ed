import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually } from '../realtime/support/eventually';
import { Delivered } from './support/delivered';
import { SdkScene } from './support/sdk-scene';

describe('SDK: sends across a lost connection', () => {
  let api: TestApi;
  let scene: SdkScene;

  before(async () => {
    api = await startTestApi();
  });
  afterEach(() => scene.close());
  after(() => api.stop());

  async function aliceAndBob() {
    scene = await SdkScene.create(api, ['alice', 'bob']);
    const channelId = await scene.group(['alice', 'bob']);
    const proxy = await scene.proxy();
    const alice = scene.client('alice', proxy).watch(channelId);
    await alice.once('synced');
    const stored = async (content: string) =>
      (await scene.users.bob.history(channelId)).filter((m) => m.content === content).length;
    return { channelId, proxy, alice, stored };
  }

  describe('when messages are written while the network is down', () => {
    it('stores each of them once when it returns, in the order written', async () => {
      const { channelId, proxy, alice, stored } = await aliceAndBob();
      const bob = new Delivered(scene.client('bob').watch(channelId));
      const disconnected = alice.once('disconnected');
      await proxy.down();
      await disconnected;

      const sends = ['one', 'two', 'three', 'four', 'five'].map((content) => alice.send(content));
      assert.equal(alice.pending, 5);
      assert.equal(await stored('one'), 0, 'nothing reaches the server while it is down');
      await proxy.up();
      const acked = await Promise.all(sends);

      const history = await scene.users.bob.history(channelId);
      assert.deepEqual(
        history.map((m) => m.content),
        ['one', 'two', 'three', 'four', 'five'],
      );
      assert.deepEqual(
        acked.map((m) => m.id),
        history.map((m) => m.id),
      );
      assert.equal(new Set(history.map((m) => m.client_message_id)).size, 5);
      await bob.until(5);
      assert.deepEqual(
        bob.messages.map((m) => m.content),
        ['one', 'two', 'three', 'four', 'five'],
      );
    });
  });

  describe('when the connection drops after the server stored a message but before its ack arrived', () => {
    it('sends it again with the same client_message_id, and the server keeps one', async () => {
      const { proxy, alice, stored } = await aliceAndBob();
      proxy.holdReplies();

      const sending = alice.send('ack lost');
      await eventually(
        () => stored('ack lost'),
        (n) => n === 1,
        'the first copy stored',
      );
      const disconnected = alice.once('disconnected');
      await proxy.down();
      await disconnected;
      await proxy.up();
      const acked = await sending;

      assert.equal(await stored('ack lost'), 1);
      assert.equal(acked.content, 'ack lost');
      assert.equal(alice.pending, 0);
    });
  });

  describe('when a send is refused for good', () => {
    it('rejects it with the contract’s code and goes on with the next', async () => {
      const { alice } = await aliceAndBob();

      const refused = alice.send({ content: 'x'.repeat(10_001) });
      const next = alice.send('after the refusal');

      await assert.rejects(refused, { name: 'ChatError', code: 'validation_error' });
      assert.equal((await next).content, 'after the refusal');
    });
  });
});
