import assert from 'node:assert/strict';
import { toChannelSequenceDocument } from '../../../src/adapters/persistence/mongo/schemas/channel-sequence.schema';
import {
  toMessage,
  toMessageDocument,
  type MessageDocument,
} from '../../../src/adapters/persistence/mongo/schemas/message.schema';
import { aGroup } from '../../support/builders/channel.builder';
import { aState, draft, PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

const READER = 'reader';
const OTHER_CHANNELS = 19;

/** A tenant where READER belongs to 20 channels, one of which holds `historySize` messages. */
async function seedTenant(tenant: TestTenant, historySize: number): Promise<string> {
  const channels = [aGroup([READER]), ...Array.from({ length: OTHER_CHANNELS }, () => aGroup([READER]))];
  const sizes = [historySize, ...channels.slice(1).map(() => 1)];
  let nextId = 1;
  for (const [i, channel] of channels.entries()) {
    const docs: MessageDocument[] = [];
    for (let seq = 1; seq <= sizes[i]; seq += 1) {
      docs.push(
        toMessageDocument(
          draft(channel.id, seq % 2 ? 'alice' : READER, { content: `message ${seq}` }),
          nextId++,
          seq,
        ),
      );
    }
    // 20,000 prepared documents go in with insertMany, in batches: appending them one by one would
    // measure the seeding, not the reads.
    for (let from = 0; from < docs.length; from += 1_000) {
      await tenant.models.messages.insertMany(docs.slice(from, from + 1_000), { lean: true });
    }
    const last = docs.at(-1)!;
    await tenant.models.channelSequences.create(toChannelSequenceDocument(last));
    await tenant.repos.channels.createIfAbsent(channel);
    await tenant.repos.channels.recordLastMessage(channel.id, toMessage(last));
    const activity = new Date(T0.getTime() + i * 1000);
    await tenant.repos.readStates.create(
      aState({
        user_id: READER,
        channel_id: channel.id,
        channel_last_seq: last.seq,
        last_activity_at: activity,
      }),
    );
  }
  return channels[0].id;
}

/** What ListChannels reads: the page of channels (with their last messages), the reader's rows of them. */
async function readInbox(tenant: TestTenant): Promise<number> {
  const page = await tenant.repos.channels.pageByMember(READER, { limit: 50 });
  await tenant.repos.readStates.findByUser(
    READER,
    page.listings.map((l) => l.channel.id),
  );
  return page.listings.filter((l) => l.lastMessage !== null).length;
}

/** Median times of `read` on each tenant, runs interleaved so that a load spike hits both alike. */
async function medianMs(tenants: TestTenant[], read: (tenant: TestTenant) => Promise<unknown>, runs = 5) {
  const times: number[][] = tenants.map(() => []);
  await Promise.all(tenants.map(read));
  for (let run = 0; run < runs; run += 1) {
    for (const [i, tenant] of tenants.entries()) {
      const start = process.hrtime.bigint();
      await read(tenant);
      times[i].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(runs / 2)]);
}

describe('Read cost as a channel grows', () => {
  let fixture: PersistenceFixture;
  const sizes = [200, 20_000] as const;
  const tenants: TestTenant[] = [];
  const historyChannels: string[] = [];
  before(async function () {
    this.timeout(180_000);
    fixture = await PersistenceFixture.start();
    for (const size of sizes) {
      const tenant = await fixture.tenant(`scale-${size}`);
      tenants.push(tenant);
      historyChannels.push(await seedTenant(tenant, size));
    }
  });
  after(() => fixture.stop());

  const compare = async (
    label: string,
    read: (tenant: TestTenant, channelId: string) => Promise<unknown>,
  ) => {
    const [small, large] = await medianMs(tenants, (tenant) =>
      read(tenant, historyChannels[tenants.indexOf(tenant)]),
    );
    console.log(
      `      ${label}: ${small.toFixed(1)} ms at ${sizes[0]} messages, ${large.toFixed(1)} ms at ${sizes[1]}`,
    );
    return { small, large };
  };

  it('reads the latest history page in about the same time at 20,000 messages as at 200', async () => {
    const { small, large } = await compare('latest page', (tenant, channelId) =>
      tenant.repos.messages.page(channelId, { limit: 50 }),
    );

    assert.ok(large < 5 * small, `${large} ms vs ${small} ms`);
  });

  it('reads an older history page in about the same time at 20,000 messages as at 200', async () => {
    const { small, large } = await compare('page before seq 150', (tenant, channelId) =>
      tenant.repos.messages.page(channelId, { limit: 50, beforeSeq: 150 }),
    );

    assert.ok(large < 5 * small, `${large} ms vs ${small} ms`);
  });

  it('reads the inbox in about the same time at 20,000 messages as at 200', async () => {
    const { small, large } = await compare('inbox (20 channels)', (tenant) => readInbox(tenant));

    assert.ok(large < 5 * small, `${large} ms vs ${small} ms`);
    assert.equal(await readInbox(tenants[1]), OTHER_CHANNELS + 1);
  });
});
