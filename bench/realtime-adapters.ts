/**
 * Classic vs sharded Redis adapter for Socket.IO with dynamic channel namespaces, on 2 nodes.
 *
 *   npx tsx bench/realtime-adapters.ts [channels=400] [users=200] [rounds=5]
 *
 * Channel i lives on node i % 2 with 2 member sockets; each user has a presence socket on node
 * user % 2 and one engine connection per node it uses. A worker-like publisher sends, per round,
 * one event to every channel and one to every user. Printed per node: sockets, active channels,
 * Redis subscriptions (CLIENT LIST sub/psub/ssub) and Pub/Sub messages its subscriber received;
 * Redis-wide PUBSUB NUMPAT / CHANNELS / SHARDCHANNELS, Redis CPU per publish (INFO commandstats),
 * and the subscriptions left once every client is gone. Runs on a private redis-server so the
 * command statistics are its own.
 */
import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import type { Socket as ClientSocket } from 'socket.io-client';
import * as bench from './realtime/fanout-cluster';

const [CHANNELS, USERS, ROUNDS] = [400, 200, 5].map((d, i) => Number(process.argv[2 + i] ?? d));

async function privateRedis(): Promise<{ url: string; stop(): void }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => 100 });
  probe.on('error', () => undefined);
  for (let i = 0; i < 50; i++) if (await probe.ping().catch(() => null)) break;
  probe.disconnect();
  return { url, stop: () => child.kill() };
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

async function run(variant: bench.Variant, url: string) {
  const admin = new Redis(url);
  const nodes = [
    await bench.startNode(variant, url, 'node-a'),
    await bench.startNode(variant, url, 'node-b'),
  ];
  const baseline = await Promise.all(['node-a', 'node-b'].map((n) => bench.subscriptionsOf(admin, n)));
  let delivered = 0;
  const sockets: ClientSocket[] = [];
  const track = (s: ClientSocket) => {
    sockets.push(s);
    s.on('chat.message', () => delivered++);
  };
  for (let u = 0; u < USERS; u++) track(await bench.connectSocket(nodes[u % 2], '/ws/presence', `user${u}`));
  for (let c = 0; c < CHANNELS; c++) {
    for (const member of [(2 * c) % USERS, (2 * c + 1) % USERS]) {
      track(await bench.connectSocket(nodes[c % 2], `/ws/chat/${c}`, `user${member}`));
    }
  }
  await Promise.all(nodes.map((n) => n.sub.ping()));
  const held = await Promise.all(['node-a', 'node-b'].map((n) => bench.subscriptionsOf(admin, n)));
  const global = await bench.pubsubFigures(admin);
  for (const n of nodes) n.received = 0;
  await admin.config('RESETSTAT');
  const publish = bench.publisherFor(variant, admin.duplicate());
  const started = process.hrtime.bigint();
  for (let r = 0; r < ROUNDS; r++) {
    for (let c = 0; c < CHANNELS; c++) await publish(`/ws/chat/${c}`, 't:bench', { c, r });
    for (let u = 0; u < USERS; u++) await publish('/ws/presence', `u:bench:user${u}`, { u, r });
  }
  const expected = ROUNDS * (CHANNELS * 2 + USERS);
  await waitFor(() => delivered >= expected, `${expected} deliveries`);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const stats = (await admin.info('commandstats')) as string;
  const usecPerCall = (cmd: string) =>
    Number(new RegExp(`cmdstat_${cmd}:calls=\\d+,usec=\\d+,usec_per_call=([\\d.]+)`).exec(stats)?.[1] ?? 0);
  const published = ROUNDS * (CHANNELS + USERS);
  const received = nodes.map((n) => n.received);
  for (const s of sockets) s.disconnect();
  bench.closeClients();
  await waitFor(() => nodes.every((n) => n.io.engine.clientsCount === 0), 'clients gone');
  await Promise.all(nodes.map((n) => n.sub.ping()));
  const after = await Promise.all(['node-a', 'node-b'].map((n) => bench.subscriptionsOf(admin, n)));
  await Promise.all(nodes.map(bench.stopNode));
  await admin.quit();
  return {
    variant,
    baseline,
    held,
    global,
    published,
    received,
    delivered,
    expected,
    elapsedMs,
    usecPerCall,
    after,
  };
}

async function main(): Promise<void> {
  const redis = await privateRedis();
  try {
    console.log(
      `${CHANNELS} channels, ${USERS} users, ${ROUNDS} rounds; per node: ${CHANNELS} channel sockets on ${CHANNELS / 2} channels + ${USERS / 2} presence sockets`,
    );
    for (const variant of ['classic', 'sharded'] as const) {
      const r = await run(variant, redis.url);
      const subs = (s: { sub: number; psub: number; ssub: number }) =>
        `sub ${s.sub} psub ${s.psub} ssub ${s.ssub}`;
      console.log(`\n## ${variant}`);
      console.log(`subscriptions per node, idle:        ${r.baseline.map(subs).join(' | ')}`);
      console.log(`subscriptions per node, connected:   ${r.held.map(subs).join(' | ')}`);
      console.log(
        `redis-wide: PUBSUB NUMPAT ${r.global.numpat}, CHANNELS ${r.global.channels}, SHARDCHANNELS ${r.global.shardchannels}`,
      );
      console.log(`published ${r.published} events; messages received per node: ${r.received.join(' | ')}`);
      console.log(`delivered to sockets ${r.delivered}/${r.expected} in ${r.elapsedMs.toFixed(0)} ms`);
      console.log(
        `redis usec per PUBLISH ${r.usecPerCall('publish')}, per SPUBLISH ${r.usecPerCall('spublish')}`,
      );
      console.log(`subscriptions per node after all left: ${r.after.map(subs).join(' | ')}`);
    }
  } finally {
    redis.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
