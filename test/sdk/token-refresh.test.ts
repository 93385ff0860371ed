import assert from 'node:assert/strict';
import { ChatClient, ChatError } from '../../sdk/src';
import { startTestApi, type TestApi } from '../support/test-api';
import { Delivered } from './support/delivered';
import { FAST, SdkScene } from './support/sdk-scene';

/** Resolves once a token of `seconds` lifetime, minted at `mintedAt`, is past its `exp` (no event tells). */
function expiryOf(mintedAt: number, seconds: number): Promise<void> {
  const exp = (Math.floor(mintedAt / 1000) + seconds) * 1000;
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, exp - Date.now() + 50)));
}

describe('SDK: an expired token', () => {
  let api: TestApi;
  let scene: SdkScene;

  before(async () => {
    api = await startTestApi();
  });
  afterEach(() => scene.close());
  after(() => api.stop());

  it('is replaced through the provider when a reconnection is refused, without losing a message', async () => {
    scene = await SdkScene.create(api, ['alice', 'bob']);
    const channelId = await scene.group(['alice', 'bob']);
    const proxy = await scene.proxy();
    const asked: string[] = [];
    let mintedAt = 0;
    const bobClient = scene.client('bob', proxy, {
      token: (reason) => {
        asked.push(reason);
        mintedAt = Date.now();
        // The first token lives 2 s; the next ones an hour.
        return scene.token('bob', { expiresIn: reason === 'initial' ? 2 : 3600 });
      },
    });
    const bob = new Delivered(bobClient.watch(channelId));
    await bob.channel.once('synced');
    await scene.users.alice.send(channelId, 'm1');
    await bob.until(1);

    const disconnected = bob.channel.once('disconnected');
    await proxy.down();
    await disconnected;
    await scene.users.alice.send(channelId, 'm2');
    const queued = bob.channel.send('written offline');
    await scene.users.alice.send(channelId, 'm3');
    await expiryOf(mintedAt, 2);
    await proxy.up();
    await queued;
    await bob.until(4);

    assert.deepEqual(asked, ['initial', 'expired']);
    // The offline message is stored when the connection returns, so after m3.
    assert.deepEqual(
      bob.messages.map((m) => [m.seq, m.content]),
      [
        [1, 'm1'],
        [2, 'm2'],
        [3, 'm3'],
        [4, 'written offline'],
      ],
    );
    const history = await scene.users.alice.history(channelId);
    assert.equal(history.filter((m) => m.content === 'written offline').length, 1);
  });

  it('is replaced through the provider when REST answers token_expired, and the request is sent again', async () => {
    scene = await SdkScene.create(api, ['alice']);
    await scene.group(['alice'], 'solo');
    const asked: string[] = [];
    const client = new ChatClient({
      baseUrl: api.url,
      tenant: scene.tenant,
      token: (reason) => (
        asked.push(reason),
        scene.token('alice', { expiresIn: reason === 'initial' ? -10 : 3600 })
      ),
      ...FAST,
    });

    const { results } = await client.rest.listChannels();
    client.close();

    assert.deepEqual(asked, ['initial', 'expired']);
    assert.deepEqual(
      results.map((c) => c.name),
      ['solo'],
    );
  });

  it('raises a ChatError with the code when the provider keeps giving expired tokens', async () => {
    scene = await SdkScene.create(api, ['alice']);
    const client = new ChatClient({
      baseUrl: api.url,
      tenant: scene.tenant,
      token: () => scene.token('alice', { expiresIn: -10 }),
      ...FAST,
    });

    const refused = await client.rest.listChannels().catch((error: unknown) => error);
    client.close();

    assert.ok(refused instanceof ChatError);
    assert.deepEqual([refused.code, refused.status], ['token_expired', 401]);
  });
});
