import type { RedisClient } from '../redis/redis-connections';
import { parseField, PresenceKeys, type SweptField } from './presence-keys';
import { PresenceScripts } from './presence-scripts';

/**
 * The liveness of API nodes. Each node keeps a heartbeat key with a TTL; a node whose key expired
 * (killed, frozen, cut off) is swept by any surviving node: its connections are uncounted at once,
 * in one script, so two sweepers never undo them twice.
 */
export class RedisNodeRegistry {
  private readonly scripts: PresenceScripts;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PresenceKeys,
    readonly nodeId: string,
  ) {
    this.scripts = new PresenceScripts(redis);
  }

  /**
   * Renews this node's heartbeat for `ttlMs`. Returns true when the node was not registered: at its
   * first beat, or when others swept it as dead (a pause longer than the TTL, Redis lost its data).
   */
  async heartbeat(ttlMs: number): Promise<boolean> {
    const keys = [this.keys.nodes, this.keys.alive(this.nodeId)];
    return Number(await this.scripts.run('HEARTBEAT', keys, [this.nodeId, ttlMs])) === 1;
  }

  /** Nodes that registered connections and whose heartbeat has expired. */
  async deadNodes(): Promise<string[]> {
    const nodes = (await this.redis.smembers(this.keys.nodes)).filter((n) => n !== this.nodeId);
    if (nodes.length === 0) return [];
    const alive = await Promise.all(nodes.map((n) => this.redis.exists(this.keys.alive(n))));
    return nodes.filter((_, i) => alive[i] === 0);
  }

  /**
   * Uncounts a dead node's connections, tenant by tenant (one script per tenant: its keys share a
   * slot), then forgets the node → the users that went offline or left a channel with it. Two
   * sweepers never undo a connection twice: each tenant's script empties the node's hash it reads.
   */
  async sweep(node: string, now: Date): Promise<SweptField[]> {
    if (node !== this.nodeId && (await this.redis.exists(this.keys.alive(node))) === 1) return [];
    const gone: string[] = [];
    for (const tenant of await this.redis.smembers(this.keys.tenantsOf(node))) {
      const keys = [this.keys.connections(node, tenant)];
      gone.push(
        ...((await this.scripts.run('SWEEP', keys, [
          this.keys.tenant(tenant),
          now.toISOString(),
        ])) as string[]),
      );
    }
    const nodeKeys = [this.keys.nodes, this.keys.alive(node), this.keys.tenantsOf(node)];
    await this.scripts.run('FORGET_NODE', nodeKeys, [node]);
    return gone.map(parseField).filter((f): f is SweptField => f !== null);
  }

  /** At shutdown: stop beating and undo whatever connections of this node are still counted. */
  async retire(now: Date): Promise<SweptField[]> {
    await this.redis.del(this.keys.alive(this.nodeId));
    return this.sweep(this.nodeId, now);
  }
}
