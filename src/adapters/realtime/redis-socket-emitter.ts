import type { RedisClient } from '../redis/redis-connections';
import { namespaceSpellings } from './rooms';
import type { ServerEventName, ServerEventPayload } from './server-events';
import { CLUSTER_MESSAGE, ShardedChannels } from './sharded-channels';

/** socket.io-parser's EVENT packet type. */
const EVENT_PACKET = 2;
/** Not the uid of any adapter, so every node (the publishing one too) delivers the message. */
const EMITTER_UID = 'emitter';

export interface EmitTarget {
  namespace: string;
  room: string;
  /** Rooms whose sockets are skipped (e.g. the typer's own sockets). */
  except?: readonly string[];
}

/**
 * Emits to sockets on every API node from any process, through the sharded Redis adapter.
 *
 * @socket.io/redis-emitter cannot do this: it PUBLISHes in the classic adapter's format, and sharded
 * Pub/Sub subscribers (SSUBSCRIBE) never see PUBLISH. So this class SPUBLISHes the ClusterAdapter's
 * own messages (the same JSON an API node's adapter sends for `io.of(ns).to(room).emit`), on the
 * channel that adapter computes. API nodes use it too instead of `io.of(ns)`, which would create the
 * dynamic namespace (and its subscriptions) on a node that has no socket in it.
 *
 * Each event goes to both spellings of the namespace (with and without the trailing slash).
 */
export class RedisSocketEmitter {
  constructor(
    private readonly redis: RedisClient,
    private readonly channels: ShardedChannels,
  ) {}

  /** Only the events of server-events.ts, each with its payload (the AsyncAPI document lists them). */
  async emit<E extends ServerEventName>(
    target: EmitTarget,
    event: E,
    payload: ServerEventPayload<E>,
  ): Promise<void> {
    await this.publishToSpellings(target.namespace, CLUSTER_MESSAGE.BROADCAST, [target.room], (nsp) => ({
      packet: { type: EVENT_PACKET, data: [event, payload], nsp },
      opts: { rooms: [target.room], except: [...(target.except ?? [])], flags: {} },
    }));
  }

  /** Disconnects the room's sockets of that namespace, on every node. */
  async disconnect(namespace: string, room: string): Promise<void> {
    await this.publishToSpellings(namespace, CLUSTER_MESSAGE.DISCONNECT_SOCKETS, [room], () => ({
      opts: { rooms: [room], except: [], flags: {} },
      close: true,
    }));
  }

  private async publishToSpellings(
    namespace: string,
    type: number,
    rooms: string[],
    data: (nsp: string) => Record<string, unknown>,
  ): Promise<void> {
    const publishes = namespaceSpellings(namespace).map((nsp) => {
      const message = JSON.stringify({ uid: EMITTER_UID, nsp, type, data: data(nsp) });
      return this.redis.spublish(this.channels.channelFor(nsp, type, rooms), message);
    });
    await Promise.all(publishes);
  }
}
