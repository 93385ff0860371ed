import assert from 'node:assert/strict';
import { ChatError } from '../../sdk/src';
import { startTestApi, type TestApi } from '../support/test-api';
import { Delivered } from './support/delivered';
import { SdkScene } from './support/sdk-scene';

describe('SDK: a watch’s life', () => {
  let api: TestApi;
  let scene: SdkScene;

  before(async () => {
    api = await startTestApi();
  });
  afterEach(() => scene.close());
  after(() => api.stop());

  describe('when a channel is watched again from the last message the application holds', () => {
    it('delivers what came meanwhile, and nothing it held', async () => {
      scene = await SdkScene.create(api, ['alice', 'bob']);
      const channelId = await scene.group(['alice', 'bob']);
      const client = scene.client('bob');
      const first = new Delivered(client.watch(channelId, { from: 'beginning' }));
      await first.channel.once('synced');
      await scene.users.alice.send(channelId, 'one');
      await first.until(1);
      const held = first.messages[0];
      first.channel.close();
      await scene.users.alice.send(channelId, 'two');
      await scene.users.alice.send(channelId, 'three');

      const again = new Delivered(client.watch(channelId, { from: { id: held.id, seq: held.seq } }));
      await again.until(2);
      await scene.users.alice.send(channelId, 'four');
      await again.until(3);

      assert.deepEqual(
        again.messages.map((m) => [m.seq, m.content]),
        [
          [2, 'two'],
          [3, 'three'],
          [4, 'four'],
        ],
      );
    });
  });

  describe('when the user is removed from a watched channel', () => {
    it('closes the watch with channel_not_found and rejects the sends still waiting', async () => {
      scene = await SdkScene.create(api, ['alice', 'bob']);
      const channelId = await scene.group(['alice', 'bob']);
      const bob = scene.client('bob').watch(channelId);
      await bob.once('synced');
      const closed = bob.once('error');

      const removal = await scene.users.alice.delete(`channels/${channelId}/participants/bob/`);
      const error = await closed;

      assert.equal(removal.status, 200);
      assert.ok(error instanceof ChatError);
      assert.equal(error.code, 'channel_not_found');
      await assert.rejects(bob.send('too late'), { name: 'AbortError' });
    });
  });
});
