import assert from 'node:assert/strict';
import { AuthenticationError } from '../../../../src/adapters/edge/auth.errors';
import { replyFor } from '../../../../src/adapters/edge/error-mapping';
import { EdgeError } from '../../../../src/adapters/edge/edge-error';
import { QueueUnavailableError } from '../../../../src/adapters/queue/bullmq-job-queue';
import { RealtimeUnavailableError } from '../../../../src/adapters/realtime/socket-errors';
import { ConflictError, ValidationError } from '../../../../src/domain/shared/domain-error';

describe('replyFor (the error mapping of both edges)', () => {
  it('maps a domain error by its kind and keeps its code', () => {
    const reply = replyFor(new ConflictError('the message was deleted'));

    assert.deepEqual([reply.status, reply.code, reply.message], [409, 'conflict', 'the message was deleted']);
  });

  it('lists a domain validation error’s field in details.fields, as the schema validators do', () => {
    const reply = replyFor(new ValidationError('content must not be empty', { field: 'content' }));

    assert.equal(reply.status, 400);
    assert.deepEqual(reply.details, {
      field: 'content',
      fields: [{ field: 'content', message: 'content must not be empty' }],
    });
  });

  it('asks for a bearer token on unauthenticated', () => {
    const reply = replyFor(new AuthenticationError('unauthenticated', 'a bearer token is required'));

    assert.deepEqual([reply.status, reply.headers], [401, { 'WWW-Authenticate': 'Bearer' }]);
  });

  it('keeps the HTTP adapter’s own errors as raised', () => {
    const reply = replyFor(
      new EdgeError(429, 'rate_limited', 'slow down', { scope: 'user' }, { 'Retry-After': '3' }),
    );

    assert.deepEqual(
      [reply.status, reply.code, reply.details, reply.headers],
      [429, 'rate_limited', { scope: 'user' }, { 'Retry-After': '3' }],
    );
  });

  for (const [cause, error] of [
    [
      'MongoDB unreachable',
      Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' }),
    ],
    ['Redis disconnected', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['Redis connection closed', new Error('Connection is closed.')],
    [
      'a Redis Cluster master down past the retries',
      new Error('Too many Cluster redirections. Last error: Error: Connection is closed.'),
    ],
    ['a Redis Cluster without a majority', new Error('CLUSTERDOWN The cluster is down')],
    [
      'no Redis Cluster node reachable',
      Object.assign(new Error('Failed to refresh slots cache.'), { name: 'ClusterAllFailedError' }),
    ],
    ['the job queue unavailable', new QueueUnavailableError(new Error('no Redis within 500 ms'))],
    [
      'the real-time layer unavailable',
      new RealtimeUnavailableError('real-time delivery is unavailable; retry'),
    ],
  ] as const) {
    it(`answers 503 service_unavailable with Retry-After for ${cause}`, () => {
      const reply = replyFor(error);

      assert.deepEqual(
        [reply.status, reply.code, reply.headers],
        [503, 'service_unavailable', { 'Retry-After': '2' }],
      );
    });
  }

  it('answers anything else 500 internal_error, without its message', () => {
    const reply = replyFor(new TypeError('cannot read properties of undefined (secret detail)'));

    assert.deepEqual([reply.status, reply.code, reply.message], [500, 'internal_error', 'internal error']);
  });
});
