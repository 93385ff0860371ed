import assert from 'node:assert/strict';
import { EventRateLimiter } from '../../src/adapters/realtime/event-guard';

describe('EventRateLimiter', () => {
  let now: number;
  const limiter = () => new EventRateLimiter({ perSecond: 10, burst: 5 }, () => now);
  const take = (l: EventRateLimiter, n: number) => Array.from({ length: n }, () => l.take());

  beforeEach(() => {
    now = 1_000;
  });

  it('accepts a burst, then rejects until tokens refill at the rate', () => {
    const l = limiter();

    const burst = take(l, 6);
    now += 200;
    const refilled = take(l, 3);

    assert.deepEqual(burst, ['accept', 'accept', 'accept', 'accept', 'accept', 'reject']);
    assert.deepEqual(refilled, ['accept', 'accept', 'reject']);
  });

  it('calls it abuse after twice the burst of rejections within 5 s', () => {
    const l = limiter();
    take(l, 5);

    const verdicts = take(l, 11);

    assert.deepEqual(verdicts.slice(0, 10), Array(10).fill('reject'));
    assert.equal(verdicts[10], 'abuse');
  });

  it('forgives rejections older than the abuse window', () => {
    const l = limiter();
    take(l, 5 + 9);
    now += 5_001;

    const verdicts = take(l, 5 + 10);

    assert.deepEqual(verdicts, [...Array(5).fill('accept'), ...Array(10).fill('reject')]);
  });
});
