import assert from 'node:assert/strict';
import { request, type Server } from 'node:http';
import express from 'express';
import { createLogger } from '../../../../src/adapters/logging/logger';
import { errorHandler } from '../../../../src/adapters/http/error-handler';
import { writeNdjson } from '../../../../src/adapters/http/ndjson-stream';
import { TenantNotFoundError } from '../../../../src/domain/tenant/tenant.errors';
import type { LogLine } from '../../../support/captured-logs';

/** What the route streams: set by each test before its request. */
let records: () => AsyncIterable<unknown>;

describe('writeNdjson', () => {
  const logged: LogLine[] = [];
  const logger = createLogger('info', 'test', { write: (line: string) => logged.push(JSON.parse(line)) });
  let server: Server;
  let port: number;

  before(async () => {
    const app = express();
    app.get('/export', (_req, res) =>
      writeNdjson(res, records(), { logger, filename: 'x.ndjson', logContext: { test: true } }),
    );
    app.use(errorHandler(logger));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as { port: number }).port;
  });
  after(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (logged.length = 0));

  it('writes one JSON object per line as application/x-ndjson', async () => {
    records = () => from([{ type: 'a', n: 1 }, { type: 'end' }]);

    const res = await fetch(`http://127.0.0.1:${port}/export`);

    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/x-ndjson; charset=utf-8');
    assert.equal(await res.text(), '{"type":"a","n":1}\n{"type":"end"}\n');
  });

  describe('when reading fails after the first record', () => {
    it('ends the stream with an error line instead of an end line, and logs the failure', async () => {
      records = async function* () {
        yield { type: 'a' };
        throw new Error('cursor died');
      };

      const res = await fetch(`http://127.0.0.1:${port}/export`);

      assert.equal(res.status, 200);
      assert.deepEqual(
        (await res.text())
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
        [{ type: 'a' }, { type: 'error', error: { code: 'internal_error', message: 'internal error' } }],
      );
      assert.equal(logged.find((l) => l.level === 50)?.msg, 'export failed after its first line');
    });
  });

  describe('when reading fails before the first record', () => {
    it("answers with the error's own status and body", async () => {
      records = () => ({
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new TenantNotFoundError('nope')) }),
      });

      const res = await fetch(`http://127.0.0.1:${port}/export`);

      assert.equal(res.status, 404);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'tenant_not_found');
    });
  });

  describe('when the client goes away', () => {
    it('stops reading: the records are no longer pulled and the iterator is closed', async () => {
      let pulled = 0;
      let closed!: () => void;
      const stopped = new Promise<void>((resolve) => (closed = resolve));
      records = async function* () {
        try {
          for (;;) {
            pulled += 1;
            yield { type: 'filler', text: 'x'.repeat(1_000) };
          }
        } finally {
          closed();
        }
      };

      const req = request({ host: '127.0.0.1', port, path: '/export' });
      req.on('response', (res) => res.once('data', () => req.destroy()));
      req.on('error', () => undefined);
      req.end();
      await stopped;

      const atClose = pulled;
      assert.ok(atClose < 100_000, `pulled ${atClose} records`);
    });
  });
});

async function* from(items: unknown[]): AsyncIterable<unknown> {
  for (const item of items) yield item;
}
