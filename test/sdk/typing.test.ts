import assert from 'node:assert/strict';
import type { TypingChange } from '../../sdk/src';
import { startTestApi, type TestApi } from '../support/test-api';
import { SdkScene } from './support/sdk-scene';

const IDLE_MS = 300;

describe('SDK: typing', () => {
  let api: TestApi;
  let scene: SdkScene;

  before(async () => {
    // The server's own quiet timer is out of reach, so a `false` seen here is the SDK's or the disconnect's.
    api = await startTestApi({ TYPING_TIMEOUT_MS: '60000', TYPING_THROTTLE_MS: '100' });
  });
  afterEach(() => scene.close());
  after(() => api.stop());

  async function tinaAndOlga(idleMs: number) {
    scene = await SdkScene.create(api, ['tina', 'olga']);
    const channelId = await scene.group(['tina', 'olga']);
    const proxy = await scene.proxy();
    const tina = scene.client('tina', proxy, { typing: { idleMs, throttleMs: 100 } }).watch(channelId);
    const olga = scene.client('olga').watch(channelId);
    const changes: TypingChange[] = [];
    olga.on('typing', (change) => changes.push(change));
    await Promise.all([tina.once('synced'), olga.once('synced')]);
    return { proxy, tina, olga, changes };
  }

  it('stops by itself after the typer goes quiet', async () => {
    const { tina, olga, changes } = await tinaAndOlga(IDLE_MS);

    tina.typing.keystroke();
    tina.typing.keystroke();
    const lastKeystroke = Date.now();
    await olga.once('typing', (c) => c.is_typing);
    const stopped = await olga.once('typing', (c) => !c.is_typing);

    assert.ok(Date.now() - lastKeystroke >= IDLE_MS - 20, 'not before the quiet time');
    assert.deepEqual(stopped.typing, []);
    assert.deepEqual(
      changes.map((c) => [c.user_id, c.is_typing, c.typing]),
      [
        ['tina', true, ['tina']],
        ['tina', false, []],
      ],
    );
    assert.deepEqual(olga.typing.users, []);
  });

  it('is cleared for the others when the typer’s connection drops', async () => {
    const { proxy, tina, olga } = await tinaAndOlga(60_000);
    tina.typing.keystroke();
    await olga.once('typing', (c) => c.is_typing);
    const cleared = olga.once('typing', (c) => !c.is_typing);

    await proxy.down();

    assert.deepEqual((await cleared).typing, []);
  });

  it('stops when the typer sends', async () => {
    const { tina, olga } = await tinaAndOlga(60_000);
    tina.typing.keystroke();
    await olga.once('typing', (c) => c.is_typing);
    const cleared = olga.once('typing', (c) => !c.is_typing);

    await tina.send('done typing');

    assert.equal((await cleared).user_id, 'tina');
  });
});
