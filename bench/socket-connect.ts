/**
 * How long sockets take to connect to /ws/chat/{id} on one API node (FerretDB + Redis running):
 *
 *   npx tsx bench/socket-connect.ts [sockets=1500] [channels=50] [users=sockets]
 *
 * Creates `channels` group channels of sockets/channels members each (drawn from `users` distinct
 * users, so users < sockets puts a user in several channels), then opens every socket at once and
 * reports the time until the last one is connected, per-socket latencies and the MongoDB commands
 * sent to the tenant's database meanwhile (driver command monitoring). A second round reconnects
 * them all: the node then remembers the channels' members and the users' profiles.
 */
import type { CommandStartedEvent } from 'mongodb';
import { SignJWT } from 'jose';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ProfileRefresh } from '../src/adapters/edge/profile-refresh';
import type { MongoDatabases } from '../src/adapters/persistence/mongo/mongo-databases';
import type { TenantContexts } from '../src/adapters/tenancy/tenant-context';
import { ApiNode } from '../src/main/api-node';
import { loadConfig } from '../src/main/config';
import { buildContainer } from '../src/main/container';
import { TOKENS } from '../src/main/tokens';
import type { ClientRound } from './socket-connect-clients';
import { benchEnv, cleanUpBenchData, fmt, percentile } from './workers/setup';

const [SOCKETS, CHANNELS] = [1500, 50].map((d, i) => Number(process.argv[2 + i] ?? d));
const USERS = Number(process.argv[4] ?? SOCKETS);
const PER_CHANNEL = Math.ceil(SOCKETS / CHANNELS);

async function main(): Promise<void> {
  const env = benchEnv();
  env.MONGO_URL = `${env.MONGO_URL}/?monitorCommands=true`;
  const node = new ApiNode(buildContainer(loadConfig(env), 'api'));
  await node.start(0, '127.0.0.1');
  const url = `http://127.0.0.1:${node.port}`;
  try {
    const tenant = 'connect-bench';
    const created = await fetch(`${url}/api/admin/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: tenant, name: tenant }),
    });
    if (created.status !== 201) throw new Error(`tenant: ${created.status}`);
    const context = await node.container.get<TenantContexts>(TOKENS.TenantContexts).forSlug(tenant);
    const plan = await createChannels(context);
    const secret = new TextEncoder().encode(env.JWT_SECRET);
    const tokens = new Map<string, string>();
    for (const { userId } of plan)
      if (!tokens.has(userId)) tokens.set(userId, await tokenFor(secret, tenant, userId));
    console.log(
      `${SOCKETS} sockets to /ws/chat/{id}: ${CHANNELS} channels of ${PER_CHANNEL}, ${tokens.size} users`,
    );
    for (const round of ['first connection', 'reconnection (node remembers)']) {
      const commands = countCommands(node, tenant);
      const { totalMs, latencies } = await connectAll(url, plan, tokens);
      console.log(
        `  ${round.padEnd(30)} all connected in ${fmt(totalMs / 1000, 2)} s; per socket p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms; MongoDB commands meanwhile ${commands.count()}`,
      );
      const writes = performance.now();
      await node.container.get<ProfileRefresh>(TOKENS.ProfileRefresh).settled();
      const after = commands.stop();
      console.log(
        `  ${''.padEnd(30)} profile writes (after the connection) done ${fmt((performance.now() - writes) / 1000, 2)} s later; MongoDB commands in all ${after}`,
      );
      // The child's exit closed its sockets: let the node count them out before the next round.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  } finally {
    await node.stop();
  }
}

/** Which user connects to which channel: socket i is member i % PER_CHANNEL of channel i / PER_CHANNEL. */
async function createChannels(context: Awaited<ReturnType<TenantContexts['forSlug']>>) {
  const plan: Array<{ userId: string; channelId: string }> = [];
  for (let c = 0; c < CHANNELS; c += 1) {
    const members = Array.from({ length: PER_CHANNEL }, (_, k) => `u${(c * PER_CHANNEL + k) % USERS}`);
    const unique = [...new Set(members)];
    const { channel } = await context.useCases.createChannel.execute({
      userId: unique[0],
      channel_type: 'group',
      name: `bench ${c}`,
      participant_ids: unique.slice(1),
    });
    for (const userId of unique) if (plan.length < SOCKETS) plan.push({ userId, channelId: channel.id });
  }
  return plan;
}

function tokenFor(secret: Uint8Array, tenant: string, userId: string): Promise<string> {
  return new SignJWT({ tenant, name: userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setExpirationTime('1h')
    .sign(secret);
}

/** The clients run in a child process (bench/socket-connect-clients.ts): their CPU is not the server's event loop. */
function connectAll(
  url: string,
  plan: Array<{ userId: string; channelId: string }>,
  tokens: Map<string, string>,
) {
  const child = fork(join(__dirname, 'socket-connect-clients.ts'), { execArgv: ['--import', 'tsx'] });
  const targets = plan.map(({ userId, channelId }) => ({
    url: `${url}/ws/chat/${channelId}`,
    token: tokens.get(userId)!,
  }));
  return new Promise<ClientRound>((resolve, reject) => {
    child.once('message', (round: ClientRound | { error: string }) => {
      child.kill();
      if ('error' in round) reject(new Error(round.error));
      else resolve(round);
    });
    child.once('error', reject);
    child.send(targets);
  });
}

function countCommands(node: ApiNode, tenant: string) {
  const mongo = node.container.get<MongoDatabases>(TOKENS.Mongo);
  const database = mongo.databaseNameFor(tenant);
  const client = mongo.connection.getClient();
  let count = 0;
  const listener = (event: CommandStartedEvent) => {
    if (event.databaseName === database) count += 1;
  };
  client.on('commandStarted', listener);
  return {
    count: () => count,
    stop: () => {
      client.off('commandStarted', listener);
      return count;
    },
  };
}

main()
  .finally(() => cleanUpBenchData())
  .then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
