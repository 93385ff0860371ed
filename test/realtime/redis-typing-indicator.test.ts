import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { PresenceKeys } from '../../src/adapters/presence/presence-keys';
import { RedisTypingIndicator, type TypingChange } from '../../src/adapters/presence/redis-typing-indicator';
import { REDIS_URL, testConfig } from '../support/test-env';

describe('RedisTypingIndicator', () => {
  let redis: Redis;
  let announced: TypingChange[];
  let indicators: RedisTypingIndicator[];
  let wake: () => void;
  const keys = () =>
    new PresenceKeys(`${testConfig().REDIS_KEY_PREFIX}-typing-${randomBytes(3).toString('hex')}`);

  beforeEach(() => {
    redis = new Redis(REDIS_URL);
    announced = [];
    indicators = [];
    wake = () => undefined;
  });
  afterEach(async () => {
    for (const indicator of indicators) indicator.close();
    await redis.quit();
  });

  function indicator(shared: PresenceKeys, timeoutMs = 60_000): RedisTypingIndicator {
    const made = new RedisTypingIndicator(
      redis,
      shared,
      { throttleMs: 60_000, timeoutMs },
      async (change) => {
        announced.push(change);
        wake();
      },
      (error) => assert.fail(String(error)),
    );
    indicators.push(made);
    return made;
  }

  const nextAnnouncement = () => new Promise<void>((resolve) => (wake = resolve));
  const flags = () => announced.map((c) => c.isTyping);

  it('announces true once per throttle window, for all nodes together', async () => {
    const shared = keys();
    const [nodeA, nodeB] = [indicator(shared), indicator(shared)];

    await nodeA.update('acme', 'c1', 'tina', true);
    await nodeA.update('acme', 'c1', 'tina', true);
    await nodeB.update('acme', 'c1', 'tina', true);

    assert.deepEqual(announced, [{ tenant: 'acme', channelId: 'c1', userId: 'tina', isTyping: true }]);
  });

  it('announces false by itself once the typer is quiet for the timeout', async () => {
    const typing = indicator(keys(), 100);
    const stopped = nextAnnouncement().then(nextAnnouncement);

    await typing.update('acme', 'c1', 'tina', true);
    await stopped;

    assert.deepEqual(flags(), [true, false]);
  });

  it('announces false on an explicit stop, and nothing for a stop of someone not typing', async () => {
    const typing = indicator(keys());

    await typing.stop('acme', 'c1', 'olga');
    await typing.update('acme', 'c1', 'tina', true);
    await typing.update('acme', 'c1', 'tina', false);
    await typing.update('acme', 'c1', 'tina', false);

    assert.deepEqual(flags(), [true, false]);
  });

  it('keeps users and channels apart', async () => {
    const typing = indicator(keys());

    await typing.update('acme', 'c1', 'tina', true);
    await typing.update('acme', 'c2', 'tina', true);
    await typing.update('acme', 'c1', 'olga', true);

    assert.equal(announced.length, 3);
  });
});
