import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { capturedLogs, WARN, type LogLine } from '../support/captured-logs';
import { startTestApi, type TestApi } from '../support/test-api';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../support/test-env';
import { userToken } from '../support/tokens';

type Raw = { status: number; body: { error?: { code: string; message: string } } };

/*
 * Requests the server cannot decode, sent byte for byte with node:http (a client library would
 * re-encode the path): each is the client's fault, so a 400 (or 415) in the contract's format, and
 * never an error-level log line or a stack trace, whether a token came with it or not.
 */
describe('Input the server cannot decode', () => {
  let api: TestApi;
  let tenant: string;
  let user: string;
  const logs = capturedLogs();
  const admin = `Bearer ${TEST_ADMIN_TOKEN}`;

  before(async () => {
    api = await startTestApi({}, [logs.module]);
    tenant = await api.createTenant(uniqueSlug('undecodable'));
    user = `Bearer ${await userToken(tenant, 'alice')}`;
  });
  after(() => api.stop());

  const send = (method: string, path: string, headers: Record<string, string>, body?: Buffer) =>
    new Promise<Raw>((resolve, reject) => {
      const req = httpRequest(`${api.url}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });

  /** The lines logged while `run` ran, once the access-log line of its request is in. */
  async function logsOf(
    path: string,
    run: () => Promise<Raw>,
  ): Promise<{ res: Raw; lines: LogLine[]; raw: string }> {
    const from = logs.lines.length;
    const res = await run();
    const accessLogged = () =>
      logs.lines.slice(from).some((l) => (l.req as { path?: string } | undefined)?.path === path);
    for (let i = 0; i < 50 && !accessLogged(); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(accessLogged(), `no access-log line for ${path}`);
    return { res, lines: logs.lines.slice(from), raw: logs.raw.slice(from).join('') };
  }

  function assertQuiet(lines: LogLine[], raw: string): void {
    assert.deepEqual(
      lines.filter((l) => l.level > WARN),
      [],
    );
    assert.doesNotMatch(raw, /"stack"|\bat .*:\d+:\d+/);
  }

  describe('malformed percent-encoding in a path segment', () => {
    const cases = () => [
      { method: 'GET', path: '/api/chat/%E0%A4%A/channels/', auth: user },
      { method: 'GET', path: `/api/chat/${tenant}/channels/%ZZ/`, auth: user },
      { method: 'GET', path: `/api/chat/${tenant}/channels/%E0%A4%A/messages/`, auth: user },
      { method: 'PATCH', path: '/api/admin/tenants/%ZZ/', auth: admin },
      { method: 'GET', path: '/admin/queues/%E0%A4%A', auth: admin },
      { method: 'GET', path: '/nowhere/%ZZ', auth: undefined },
    ];

    for (const withToken of [true, false]) {
      it(`answers 400 validation_error naming the path, ${withToken ? 'with' : 'without'} a token, and logs no error`, async () => {
        for (const { method, path, auth } of cases()) {
          const headers: Record<string, string> = withToken && auth ? { Authorization: auth } : {};

          const { res, lines, raw } = await logsOf(path, () => send(method, path, headers));

          assert.equal(res.status, 400, `${method} ${path}: ${JSON.stringify(res.body)}`);
          assert.equal(res.body.error?.code, 'validation_error');
          assert.deepEqual((res.body.error as { details?: unknown }).details, {
            fields: [{ field: 'path', message: 'malformed percent-encoding' }],
          });
          assertQuiet(lines, raw);
        }
      });
    }
  });

  describe('a compressed body that does not decompress', () => {
    const json = Buffer.from(JSON.stringify({ slug: 'never-created', name: 'x' }));
    const corrupt: Array<[string, Buffer]> = [
      ['gzip', Buffer.from('this is not gzip at all')],
      ['gzip', gzipSync(json).subarray(0, 12)],
      ['deflate', Buffer.from('not deflate either')],
      ['br', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x01])],
    ];
    const targets = () => [
      { path: '/api/admin/tenants/', auth: admin },
      { path: `/api/chat/${tenant}/channels/`, auth: user },
    ];

    for (const withToken of [true, false]) {
      it(`answers 400 invalid_json, ${withToken ? 'with' : 'without'} a token, and logs no error`, async () => {
        for (const [encoding, body] of corrupt) {
          for (const { path, auth } of targets()) {
            const headers: Record<string, string> = {
              'Content-Type': 'application/json',
              'Content-Encoding': encoding,
              ...(withToken ? { Authorization: auth } : {}),
            };

            const { res, lines, raw } = await logsOf(path, () => send('POST', path, headers, body));

            assert.equal(res.status, 400, `${encoding} ${path}: ${JSON.stringify(res.body)}`);
            assert.equal(res.body.error?.code, 'invalid_json');
            assertQuiet(lines, raw);
          }
        }
      });
    }

    it('still reads a well-formed gzip, deflate or br body', async () => {
      const encoders: Array<[string, (b: Buffer) => Buffer]> = [
        ['gzip', gzipSync],
        ['deflate', deflateSync],
        ['br', brotliCompressSync],
      ];
      for (const [encoding, encode] of encoders) {
        const slug = uniqueSlug(encoding);
        const headers = {
          Authorization: admin,
          'Content-Type': 'application/json',
          'Content-Encoding': encoding,
        };

        const res = await send(
          'POST',
          '/api/admin/tenants/',
          headers,
          encode(Buffer.from(JSON.stringify({ slug, name: slug }))),
        );

        assert.equal(res.status, 201, `${encoding}: ${JSON.stringify(res.body)}`);
      }
    });
  });

  it('takes a dashboard cookie that does not percent-decode for no session: 401, and logs no error', async () => {
    const { res, lines, raw } = await logsOf('/admin/queues', () =>
      send('GET', '/admin/queues', { Cookie: 'chat_dashboard=%E0%A4%A' }),
    );

    assert.equal(res.status, 401);
    assert.equal(res.body.error?.code, 'unauthenticated');
    assertQuiet(lines, raw);
  });

  it('answers an unsupported Content-Encoding with 415 unsupported_media_type and logs no error', async () => {
    const headers = {
      Authorization: admin,
      'Content-Type': 'application/json',
      'Content-Encoding': 'compress',
    };

    const { res, lines, raw } = await logsOf('/api/admin/tenants/', () =>
      send('POST', '/api/admin/tenants/', headers, Buffer.from('{}')),
    );

    assert.equal(res.status, 415);
    assert.equal(res.body.error?.code, 'unsupported_media_type');
    assertQuiet(lines, raw);
  });
});
