import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { TestApi } from '../support/test-api';
import { TcpProxy } from '../support/tcp-proxy';
import { Redis } from 'ioredis';
import { PresenceKeys } from '../../src/adapters/presence/presence-keys';
import { RedisNodeRegistry } from '../../src/adapters/presence/redis-node-registry';
import type { RealtimeServer } from '../../src/adapters/realtime/realtime-server';
import type { Lifecycle } from '../../src/main/lifecycle';
import { TOKENS } from '../../src/main/tokens';
import { REDIS_URL, testConfig, testEnv } from '../support/test-env';
import { groupChannel, startNodes, stopNodes } from './support/cluster';
import { Sockets } from './support/test-socket';

// tsx's CLI runs the script in a child process: SIGKILL must reach the node itself, so load tsx in-process.
const TSX_HOOK = require.resolve('tsx/cjs');
const PRESENCE_TTL_MS = 3_000;

/** An API node in its own process, to be killed without a chance to clean up. */
async function spawnApiNode(): Promise<{ child: ChildProcess; url: string }> {
  const port = await TcpProxy.reservePort();
  const env = testEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    PRESENCE_TTL_MS: String(PRESENCE_TTL_MS),
  });
  const child = spawn(process.execPath, ['--require', TSX_HOOK, 'src/main/api.ts'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: 'pipe',
  });
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('api listening')) resolve();
    });
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => reject(new Error(`api exited with ${code}: ${output}`)));
  });
  await listening;
  return { child, url: `http://127.0.0.1:${port}` };
}

describe('When an API node dies without warning', () => {
  let survivor: TestApi;
  let doomed: { child: ChildProcess; url: string };
  const sockets = new Sockets();

  before(async () => {
    [survivor] = await startNodes(1, { PRESENCE_TTL_MS: String(PRESENCE_TTL_MS) });
    doomed = await spawnApiNode();
  });
  afterEach(() => sockets.closeAll());
  after(async () => {
    if (doomed.child.exitCode === null && doomed.child.signalCode === null) doomed.child.kill('SIGKILL');
    await stopNodes([survivor]);
  });

  it('sends its users offline, and out of their channels, within the presence TTL', async () => {
    const chat = await groupChannel(survivor, ['olga', 'bob']);
    const olga = await sockets.connect(survivor.url, '/ws/presence', await chat.token('olga'));
    const olgaChat = await sockets.connect(
      survivor.url,
      `/ws/chat/${chat.channelId}`,
      await chat.token('olga'),
    );
    await sockets.connect(doomed.url, '/ws/presence', await chat.token('bob'));
    await sockets.connect(doomed.url, `/ws/chat/${chat.channelId}`, await chat.token('bob'));
    await olga.next('presence.update', (p) => p.user_id === 'bob' && p.status === 'online');
    await olgaChat.next('user.join', (p) => p.user_id === 'bob');

    const killedAt = Date.now();
    doomed.child.kill('SIGKILL');
    await once(doomed.child, 'exit');

    const offline = await olga.next<{ user_id: string; status: string; last_seen_at: string }>(
      'presence.update',
      (p) => p.user_id === 'bob' && p.status === 'offline',
    );
    const elapsed = Date.now() - killedAt;
    console.log(`      offline ${elapsed} ms after SIGKILL (PRESENCE_TTL_MS ${PRESENCE_TTL_MS})`);
    await olgaChat.next('user.leave', (p) => p.user_id === 'bob');
    assert.ok(elapsed <= PRESENCE_TTL_MS + 500, `offline after ${elapsed} ms`);
    assert.ok(Date.parse(offline.last_seen_at) >= killedAt - 1_000);
    const { users } = await olga.request<{ users: Array<{ user_id: string }> }>('online.users');
    assert.deepEqual(
      users.map((u) => u.user_id),
      ['olga'],
    );
  });

  it('drops the sockets of a node that was swept as dead, and its clients are counted again on reconnecting', async () => {
    const chat = await groupChannel(survivor, ['bob']);
    const bob = await sockets.connect(survivor.url, '/ws/presence', await chat.token('bob'), {
      reconnection: true,
      reconnectionDelay: 50,
    });
    await bob.next('online.users');
    const redis = new Redis(REDIS_URL);
    const keys = new PresenceKeys(testConfig().REDIS_KEY_PREFIX);
    const realtime = survivor.node.container
      .getAll<Lifecycle>(TOKENS.Lifecycle)
      .find((l) => l.name === 'realtime') as RealtimeServer;

    // What another node's sweeper does after this one paused longer than its heartbeat.
    await redis.del(keys.alive(realtime.nodeId));
    await new RedisNodeRegistry(redis, keys, 'another-node').sweep(realtime.nodeId, new Date());

    assert.equal(await bob.disconnection(), 'transport close');
    const { users } = await bob.next<{ users: Array<{ user_id: string }> }>('online.users', () => true, 2);
    assert.deepEqual(
      users.map((u) => u.user_id),
      ['bob'],
    );
    assert.equal(await redis.hget(keys.online(chat.tenant), 'bob'), '1');
    await redis.quit();
  });
});
