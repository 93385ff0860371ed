import type { Clock } from '../../application/ports/clock.port';
import type { Logger } from '../logging/logger';
import type { RedisNodeRegistry } from '../presence/redis-node-registry';
import type { ConnectionTracker } from './connection-tracker';

/**
 * This node's heartbeat and the sweeper of dead nodes. Every `ttl / 3` the node renews its heartbeat
 * (expiring after `2 × ttl / 3`) and sweeps the nodes whose heartbeat expired, announcing their users
 * offline: a node killed with SIGKILL stops counting within `ttl`. A node that finds itself swept
 * (frozen longer than its heartbeat, or Redis lost its data) drops its sockets through `fence`: the
 * clients reconnect and are counted again, rather than staying online in nobody's books.
 */
export class NodeLiveness {
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();
  private registered = false;

  constructor(
    private readonly registry: RedisNodeRegistry,
    private readonly tracker: ConnectionTracker,
    private readonly ttlMs: number,
    private readonly fence: () => void,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(
      () => {
        this.round = this.round.then(() => this.tick());
      },
      Math.floor(this.ttlMs / 3),
    );
    this.timer.unref();
  }

  /** Stops beating and uncounts whatever connections of this node are still counted. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
    const now = this.clock.now();
    await this.tracker.announceGone(await this.registry.retire(now), now);
  }

  private async tick(): Promise<void> {
    try {
      await this.beat();
      for (const node of await this.registry.deadNodes()) {
        const now = this.clock.now();
        const gone = await this.registry.sweep(node, now);
        if (gone.length > 0) this.logger.info({ node, connections: gone.length }, 'swept a dead node');
        await this.tracker.announceGone(gone, now);
      }
    } catch (err) {
      this.logger.warn({ err }, 'presence heartbeat or sweep failed');
    }
  }

  private async beat(): Promise<void> {
    const unregistered = await this.registry.heartbeat(Math.floor((2 * this.ttlMs) / 3));
    if (unregistered && this.registered) {
      this.logger.warn({ node: this.registry.nodeId }, 'this node was swept as dead: dropping its sockets');
      this.fence();
    }
    this.registered = true;
  }
}
