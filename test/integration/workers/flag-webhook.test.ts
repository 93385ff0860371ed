import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TenantContext } from '../../../src/adapters/tenancy/tenant-context';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook,
} from '../../../src/adapters/webhook/webhook-signature';
import { ConfigureTenantWebhook } from '../../../src/application/tenants/configure-tenant-webhook.use-case';
import { TOKENS } from '../../../src/main/tokens';
import { deleteRedisKeys, drained, WorkerHarness, workerTestEnv } from './support/worker-harness';

const SECRET = 'whsec-flags-0123456789abcdef';

/** A webhook receiver on port 0 that takes every delivery. */
async function startReceiver() {
  const deliveries: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/flags`;
  return { url, deliveries, close: () => new Promise((r) => server.close(r)) };
}

describe('Workers: flags reported to the tenant webhook', function () {
  this.timeout(60_000);
  let env: Record<string, string>;
  let workers: WorkerHarness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let context: TenantContext;

  beforeEach(async () => {
    env = workerTestEnv();
    receiver = await startReceiver();
    workers = await WorkerHarness.start(env);
    context = await workers.createTenant('flaghook');
    const configure = new ConfigureTenantWebhook(workers.container.get(TOKENS.TenantDirectory));
    await configure.execute({ slug: context.tenant.slug, webhook_url: receiver.url, webhook_secret: SECRET });
  });

  afterEach(async () => {
    await workers.stop();
    await receiver.close();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  async function flaggedMessage() {
    const { channel } = await context.useCases.createChannel.execute({
      userId: 'ana',
      channel_type: 'group',
      name: 'flags',
      participant_ids: ['ben'],
    });
    const { message } = await context.useCases.sendMessage.execute({
      userId: 'ana',
      channelId: channel.id,
      content: 'something rude',
    });
    const flag = { userId: 'ben', channelId: channel.id, messageId: message.id, reason: 'rude' };
    return { message, flag };
  }

  it('delivers one signed message.flagged per flag, a repeated flag included', async () => {
    const { message, flag } = await flaggedMessage();

    const first = await context.useCases.moderation.flagMessage.execute(flag);
    const again = await context.useCases.moderation.flagMessage.execute(flag);
    await drained(workers.queues);

    const flags = receiver.deliveries.filter((d) => JSON.parse(d.body).type === 'message.flagged');
    assert.equal(flags.length, 1);
    const [delivery] = flags;
    const body = JSON.parse(delivery.body);
    assert.ok(
      verifyWebhook({
        secret: SECRET,
        signature: delivery.headers[SIGNATURE_HEADER] as string,
        timestamp: delivery.headers[TIMESTAMP_HEADER] as string,
        rawBody: delivery.body,
      }),
    );
    assert.equal(delivery.headers[DELIVERY_HEADER], `${context.tenant.slug}.webhook.flag.${first.flag.id}`);
    assert.deepEqual(body, {
      id: `${context.tenant.slug}.webhook.flag.${first.flag.id}`,
      type: 'message.flagged',
      tenant: context.tenant.slug,
      flag: first.flag,
    });
    assert.equal(body.flag.message.id, message.id);
    assert.equal(again.created, false);
  });
});
