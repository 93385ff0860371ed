import { chatNamespace, tenantRoom } from '../../src/adapters/realtime/rooms';
import { RedisSocketEmitter } from '../../src/adapters/realtime/redis-socket-emitter';
import type { ServerEventPayload } from '../../src/adapters/realtime/server-events';
import type { Tally } from '../../test/support/command-tally';
import { ShardedChannels } from '../../src/adapters/realtime/sharded-channels';
import type { Deployment } from './deployment';
import { commandsExecuted } from './targets';

export type Path = 'app' | 'emitter';

export interface RateRun {
  /** Every member's copy counts; from the first send to the last delivery. */
  deliveriesPerSecond: number;
  /** Sends refused, or not delivered to every member within 30 s. */
  failed: number;
  /** Commands the Redis target executed, by command, from the first send until the queues drained. */
  commands: Tally;
  commandsPerMessage: number;
}

/**
 * Sends `messages` messages into the deployment's channel, `senders` at a time, each sender waiting
 * until its message reached every member before it sends the next. `app`: member k's socket sends
 * `chat.message` (the app stores it and publishes message.created), senders on both nodes; `emitter`:
 * the workers' RedisSocketEmitter publishes it (sharded Pub/Sub → both nodes' adapters → sockets),
 * nothing stored.
 */
export async function fanoutRate(
  deployment: Deployment,
  path: Path,
  messages: number,
  senders: number,
): Promise<RateRun> {
  const members = deployment.sockets.length;
  const send = path === 'app' ? appSend(deployment) : emitterSend(deployment);
  const waiting = new Map<string, { left: number; done: (reached: boolean) => void }>();
  let [delivered, lastDelivery, failed, next] = [0, 0, 0, 0];
  deployment.onDelivery((content) => {
    const wait = waiting.get(content);
    if (!wait) return;
    delivered += 1;
    lastDelivery = performance.now();
    if (--wait.left === 0) wait.done(true);
  });
  const before = await commandsExecuted(deployment.target.client);
  const started = performance.now();
  const loop = async (sender: number) => {
    for (let k = next++; k < messages; k = next++) {
      const content = `${path}:${sender}:${k}:${started}`;
      const reached = new Promise<boolean>((done) => waiting.set(content, { left: members, done }));
      const timer = setTimeout(() => waiting.get(content)?.done(false), 30_000);
      const accepted = await send(sender, content).catch(() => false);
      if (!accepted || !(await reached)) failed += 1;
      clearTimeout(timer);
      waiting.delete(content);
    }
  };
  await Promise.all(Array.from({ length: senders }, (_, s) => loop(s)));
  await deployment.drained();
  const commands = (await commandsExecuted(deployment.target.client)).minus(before);
  deployment.onDelivery(() => undefined);
  return {
    deliveriesPerSecond: delivered / ((lastDelivery - started) / 1000),
    failed,
    commands,
    commandsPerMessage: commands.total / messages,
  };
}

/** Member `sender`'s socket sends (members alternate between the two nodes). */
function appSend(deployment: Deployment): (sender: number, content: string) => Promise<boolean> {
  return async (sender, content) => {
    const socket = deployment.sockets[sender];
    const ack = (await socket.timeout(30_000).emitWithAck('chat.message', { content })) as { ok: boolean };
    return ack.ok;
  };
}

function emitterSend(deployment: Deployment): (sender: number, content: string) => Promise<boolean> {
  const emitter = new RedisSocketEmitter(deployment.target.client, new ShardedChannels(deployment.prefix));
  const target = { namespace: chatNamespace(deployment.channelId), room: tenantRoom(deployment.tenant) };
  return async (sender, content) => {
    const payload = { id: 0, seq: 0, channel_id: deployment.channelId, user_id: `member-${sender}`, content };
    // Only the fields the bench reads: the emitter's type asks for the product's whole Message.
    await emitter.emit(target, 'chat.message', payload as ServerEventPayload<'chat.message'>);
    return true;
  };
}
