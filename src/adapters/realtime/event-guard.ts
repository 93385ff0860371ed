import type { Logger } from '../logging/logger';
import { failure } from './socket-errors';
import type { ServerSocket } from './socket-session';

export interface EventLimits {
  /** Sustained client events per second per socket. */
  perSecond: number;
  /** Events a socket may send at once before the rate applies. */
  burst: number;
}

type Verdict = 'accept' | 'reject' | 'abuse';

/** Rejected events counted over this window decide between "too fast" and "abusive". */
const ABUSE_WINDOW_MS = 5_000;

/**
 * A token bucket per socket: `burst` tokens, refilled at `perSecond`. An event without a token is
 * rejected; more than `2 × burst` rejections within 5 s is abuse (the client ignores `rate_limited`).
 */
export class EventRateLimiter {
  private tokens: number;
  private refilledAt: number;
  private rejected = 0;
  private windowStart: number;

  constructor(
    private readonly limits: EventLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limits.burst;
    this.refilledAt = this.windowStart = now();
  }

  take(): Verdict {
    const now = this.now();
    this.tokens = Math.min(
      this.limits.burst,
      this.tokens + ((now - this.refilledAt) / 1000) * this.limits.perSecond,
    );
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'accept';
    }
    if (now - this.windowStart > ABUSE_WINDOW_MS) {
      this.windowStart = now;
      this.rejected = 0;
    }
    this.rejected += 1;
    return this.rejected > 2 * this.limits.burst ? 'abuse' : 'reject';
  }
}

/**
 * Every client event passes here before its handler: over the rate it is answered `rate_limited`
 * (and dropped); sustained abuse closes the client's connection; an event the namespace does not
 * know is answered `validation_error`. Socket errors (a malformed packet, which also closes that
 * client's connection) are logged at debug level.
 *
 * Each decision is logged once per socket: a client cut off still has packets in flight (thousands,
 * for a flood), and they arrive after the decision; they are dropped unanswered and unlogged.
 */
export function guardEvents(
  socket: ServerSocket,
  known: ReadonlySet<string>,
  limits: EventLimits,
  logger: Logger,
): void {
  const limiter = new EventRateLimiter(limits);
  const logged = new Set<string>();
  const context = () => ({
    namespace: socket.nsp.name,
    user: socket.data.session?.user.userId,
    socket: socket.id,
  });
  const once = (decision: string, log: () => void) => {
    if (logged.has(decision)) return;
    logged.add(decision);
    log();
  };
  let cutOff = false;
  socket.on('error', (err) =>
    once('socket error', () => logger.debug({ err, ...context() }, 'socket error')),
  );
  socket.use((packet, next) => {
    if (cutOff) return;
    const last = packet.at(-1);
    const ack = typeof last === 'function' ? (last as (reply: unknown) => void) : () => undefined;
    const verdict = limiter.take();
    if (verdict === 'abuse') {
      cutOff = true;
      once('event flood', () => logger.warn(context(), 'socket dropped: event flood'));
      socket.disconnect(true);
      return;
    }
    if (verdict === 'reject') return ack(failure('rate_limited', 'too many events; slow down'));
    const event = packet[0] as unknown;
    if (typeof event !== 'string' || !known.has(event)) {
      return ack(failure('validation_error', `unknown event on ${socket.nsp.name}`));
    }
    next();
  });
}
