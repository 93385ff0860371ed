import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TenantContext } from '../../../src/adapters/tenancy/tenant-context';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook,
} from '../../../src/adapters/webhook/webhook-signature';
import { ConfigureTenantWebhook } from '../../../src/application/tenants/configure-tenant-webhook.use-case';
import { TOKENS } from '../../../src/main/tokens';
import { deleteRedisKeys, drained, WorkerHarness, workerTestEnv } from './support/worker-harness';

const SECRET = 'whsec-test-0123456789abcdef';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on port 0 that answers 503 to the first `failures` attempts of the first delivery. */
async function startReceiver(failures: number) {
  const deliveries: Delivery[] = [];
  let failing: string | undefined;
  let failed = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const id = String(req.headers['x-chat-delivery']);
      failing ??= id;
      const status = id === failing && failed < failures ? 503 : 204;
      if (status === 503) failed += 1;
      deliveries.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/chat`;
  return { url, deliveries, failing: () => failing, close: () => new Promise((r) => server.close(r)) };
}

describe('Workers: webhook for offline recipients', function () {
  this.timeout(60_000);
  let env: Record<string, string>;
  let workers: WorkerHarness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let context: TenantContext;

  beforeEach(async () => {
    env = workerTestEnv();
    receiver = await startReceiver(2);
    workers = await WorkerHarness.start(env);
    context = await workers.createTenant('hook');
    const configure = new ConfigureTenantWebhook(workers.container.get(TOKENS.TenantDirectory));
    await configure.execute({ slug: context.tenant.slug, webhook_url: receiver.url, webhook_secret: SECRET });
  });

  afterEach(async () => {
    await workers.stop();
    await receiver.close();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  async function sendToOfflineUsers(content: string): Promise<number> {
    const { channel } = await context.useCases.createChannel.execute({
      userId: 'ana',
      channel_type: 'group',
      name: 'hooks',
      participant_ids: ['ben', 'cleo'],
    });
    const { message } = await context.useCases.sendMessage.execute({
      userId: 'ana',
      channelId: channel.id,
      content,
    });
    return message.id;
  }

  it('delivers one signed, verifiable notification per offline recipient', async () => {
    const messageId = await sendToOfflineUsers('hello @ben');

    await drained(workers.queues);

    const delivered = receiver.deliveries.filter((d) => d.status === 204);
    assert.equal(delivered.length, 2);
    for (const d of delivered) {
      const verified = verifyWebhook({
        secret: SECRET,
        signature: d.headers[SIGNATURE_HEADER] as string,
        timestamp: d.headers[TIMESTAMP_HEADER] as string,
        rawBody: d.body,
      });
      assert.ok(verified, 'signature verifies');
      assert.ok(
        !verifyWebhook({
          secret: 'another-secret-0123456789',
          signature: d.headers[SIGNATURE_HEADER] as string,
          timestamp: d.headers[TIMESTAMP_HEADER] as string,
          rawBody: d.body,
        }),
      );
    }
    const bodies = delivered
      .map((d) => JSON.parse(d.body))
      .sort((a, b) => a.user_id.localeCompare(b.user_id));
    assert.deepEqual(
      bodies.map((b) => [b.tenant, b.user_id, b.notification.type, b.notification.message.id]),
      [
        [context.tenant.slug, 'ben', 'mention', messageId],
        [context.tenant.slug, 'cleo', 'message.new', messageId],
      ],
    );
  });

  it('retries a delivery that failed twice and delivers it once', async () => {
    await sendToOfflineUsers('hello');

    await drained(workers.queues);

    const attempts = receiver.deliveries.filter((d) => d.headers['x-chat-delivery'] === receiver.failing());
    assert.deepEqual(
      attempts.map((d) => d.status),
      [503, 503, 204],
    );
    assert.equal(new Set(attempts.map((d) => d.body)).size, 1, 'every attempt sends the same body');
  });

  it('rejects a replayed delivery whose timestamp is too old', async () => {
    await sendToOfflineUsers('hello');
    await drained(workers.queues);
    const d = receiver.deliveries.find((x) => x.status === 204)!;

    const replayedLater = verifyWebhook({
      secret: SECRET,
      signature: d.headers[SIGNATURE_HEADER] as string,
      timestamp: d.headers[TIMESTAMP_HEADER] as string,
      rawBody: d.body,
      nowSeconds: Number(d.headers[TIMESTAMP_HEADER]) + 3600,
    });

    assert.equal(replayedLater, false);
  });
});
