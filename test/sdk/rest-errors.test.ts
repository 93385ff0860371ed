import assert from 'node:assert/strict';
import { ChatError, ChatNetworkError } from '../../sdk/src';
import { startTestApi, type TestApi } from '../support/test-api';
import { SdkScene } from './support/sdk-scene';

describe('SDK: REST', () => {
  let api: TestApi;
  let scene: SdkScene;

  before(async () => {
    api = await startTestApi();
  });
  afterEach(() => scene.close());
  after(() => api.stop());

  it('returns the typed reply of a call that succeeds', async () => {
    scene = await SdkScene.create(api, ['alice', 'bob']);
    const alice = scene.client('alice');
    const channel = await alice.rest.createChannel({ channel_type: 'direct', participant_ids: ['bob'] });

    const sent = await alice.rest.sendMessage(channel.id, { content: 'hi', client_message_id: 'k-1' });
    const again = await alice.rest.sendMessage(channel.id, { content: 'hi', client_message_id: 'k-1' });
    const page = await alice.rest.messages(channel.id, { after: 0 });

    assert.deepEqual([sent.seq, again.id], [1, sent.id]);
    assert.deepEqual(
      page.results.map((m) => m.content),
      ['hi'],
    );
  });

  it('throws a ChatError carrying the contract’s code and status', async () => {
    scene = await SdkScene.create(api, ['alice', 'mallory']);
    const channelId = await scene.group(['alice']);
    const mallory = scene.client('mallory');

    const error = await mallory.rest.channel(channelId).catch((e: unknown) => e);

    assert.ok(error instanceof ChatError);
    assert.deepEqual(
      [error.code, error.status, error.message],
      ['channel_not_found', 404, 'channel not found'],
    );
  });

  it('lists the refused fields of a validation_error in details', async () => {
    scene = await SdkScene.create(api, ['alice']);
    const alice = scene.client('alice');

    const error = await alice.rest.createChannel({ channel_type: 'group' }).catch((e: unknown) => e);

    assert.ok(error instanceof ChatError);
    assert.equal(error.code, 'validation_error');
    assert.ok(Array.isArray(error.details?.fields));
  });

  it('throws a ChatNetworkError when the server cannot be reached', async () => {
    scene = await SdkScene.create(api, ['alice']);
    const proxy = await scene.proxy();
    const alice = scene.client('alice', proxy);
    await proxy.down();

    const error = await alice.rest.listChannels().catch((e: unknown) => e);

    assert.ok(error instanceof ChatNetworkError);
  });
});
