import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { ChatClient } from '../../support/chat-client';
import { ExtraFerretDb } from '../../support/extra-ferretdb';
import { startTestApi, type TestApi } from '../../support/test-api';
import { MONGO_URL, RUN_DB_PREFIX, TEST_ADMIN_TOKEN, uniqueSlug } from '../../support/test-env';
import { TestSocket } from '../../realtime/support/test-socket';
import { userToken } from '../../support/tokens';

/** Database names on a server (this run's only). */
async function databasesOn(url: string): Promise<string[]> {
  const connection = await mongoose.createConnection(url, { serverSelectionTimeoutMS: 3_000 }).asPromise();
  try {
    const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
    return databases.map((d) => d.name).filter((name) => name.startsWith(RUN_DB_PREFIX));
  } finally {
    await connection.close();
  }
}

/*
 * Two database servers (the main FerretDB and a second one): tenants are placed on one or the
 * other, each tenant's requests, sockets and jobs go to its own server, and a server that goes down
 * takes down only its own tenants (503), until it is back.
 */
describe('Tenants placed on two database servers', function () {
  this.timeout(90_000);
  let second: ExtraFerretDb;
  let api: TestApi;

  before(async () => {
    second = await ExtraFerretDb.start();
    api = await startTestApi({
      MONGO_SERVERS: `second=${second.url}`,
      WORKERS_INLINE: 'true',
      DEPENDENCY_TIMEOUT_MS: '1000',
    });
  });
  after(async () => {
    await api?.stop();
    await second?.stop();
  });

  async function createTenant(body: Record<string, unknown>) {
    return api.http.post('/api/admin/tenants').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`).send(body);
  }

  /** A tenant with a group of alice and bob holding one message from alice. */
  async function tenantWithTalk(server?: string) {
    const slug = uniqueSlug('placed');
    const created = await createTenant({ slug, name: slug, ...(server ? { server } : {}) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const alice = await ChatClient.as(api, slug, 'alice');
    const bob = await ChatClient.as(api, slug, 'bob');
    const channel = await alice.group(['bob']);
    await alice.send(channel.id, 'hello');
    return {
      slug,
      server: created.body.server as string,
      database: created.body.database_name as string,
      alice,
      bob,
      channel,
    };
  }

  it('places a tenant where asked, or on the server with the fewest tenants, and keeps its data there', async () => {
    const onDefault = await tenantWithTalk('default');
    await tenantWithTalk('default');
    const onSecond = await tenantWithTalk('second');
    // This run's registry now holds more tenants on `default` than on `second`.
    const placed = await tenantWithTalk();

    assert.deepEqual([onDefault.server, onSecond.server, placed.server], ['default', 'second', 'second']);
    const [main, other] = await Promise.all([databasesOn(MONGO_URL), databasesOn(second.url)]);
    assert.ok(main.includes(onDefault.database) && !main.includes(onSecond.database));
    assert.ok(other.includes(onSecond.database) && other.includes(placed.database));
    assert.ok(!other.includes(onDefault.database));
  });

  it('refuses a server that is not configured', async () => {
    const res = await createTenant({ slug: uniqueSlug('placed'), name: 'x', server: 'third' });

    assert.deepEqual(
      [res.status, res.body.error.code, res.body.error.details?.field],
      [400, 'validation_error', 'server'],
    );
  });

  it('routes requests, sockets and jobs to the tenant’s server; a server down takes down only its tenants', async () => {
    const a = await tenantWithTalk('default');
    const b = await tenantWithTalk('second');
    // The follow-up job of b's send ran on b's server: bob's unread count is there.
    await eventuallyEqual(async () => (await b.bob.get(`channels/${b.channel.id}/`)).body.unread_count, 1);
    const bSocket = await TestSocket.connect(
      api.url,
      `/ws/chat/${b.channel.id}`,
      await userToken(b.slug, 'bob'),
    );
    bSocket.socket.close();

    await second.kill();

    const [aSend, aList] = await Promise.all([
      a.alice.post(`channels/${a.channel.id}/send_message/`, { content: 'still here' }),
      a.bob.get('channels/'),
    ]);
    assert.equal(aSend.status, 201);
    assert.deepEqual(
      aList.body.results.map((c: { id: string }) => c.id),
      [a.channel.id],
    );
    const aSocket = await TestSocket.connect(
      api.url,
      `/ws/chat/${a.channel.id}`,
      await userToken(a.slug, 'bob'),
    );
    aSocket.socket.close();
    const bSend = await b.alice
      .request('post', `channels/${b.channel.id}/send_message/`)
      .send({ content: 'lost?' });
    assert.deepEqual([bSend.status, bSend.body.error.code], [503, 'service_unavailable']);

    await second.restart();
    await eventuallyEqual(
      async () =>
        (await b.alice.request('post', `channels/${b.channel.id}/send_message/`).send({ content: 'back' }))
          .status,
      201,
    );
    const history = await b.bob.history(b.channel.id);
    assert.deepEqual(
      history.map((m) => m.content),
      ['hello', 'back'],
    );
  });
});

async function eventuallyEqual<T>(read: () => Promise<T>, expected: T, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined);
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(last, expected);
}
