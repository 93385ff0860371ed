import { latencyFigures, type LatencyFigures } from './stats';

/** Channels of members, each member with one socket; what is sent into a channel reaches every member. */
export interface Fanout {
  readonly channels: number;
  readonly members: number;
  /** Sends `content` into channel `c` as its member `m`; resolves false if the server refused it. */
  send(c: number, m: number, content: string): Promise<boolean>;
  /** Registers the listener of every delivery: the content, at one recipient. */
  onDelivery(listener: (content: string) => void): void;
  close(): Promise<void>;
}

export interface DeliveryRate {
  /** Deliveries per second, from the first send to the last delivery. */
  perSecond: number;
  /** Sends the server refused (error acks), or that did not reach every member within 30 s. */
  failed: number;
}

/**
 * The most deliveries per second: `senders` members of every channel each send, wait until their
 * message reached all members, and send again, for `seconds`; the sends still in flight then are
 * waited for, and the rate is every delivery over the time from the first send to the last delivery.
 */
export async function deliveryRate(fanout: Fanout, senders: number, seconds: number): Promise<DeliveryRate> {
  const pending = new Map<string, { left: number; done: () => void }>();
  let delivered = 0;
  let lastDelivery = 0;
  fanout.onDelivery((content) => {
    if (!content.startsWith('r:')) return;
    delivered++;
    lastDelivery = performance.now();
    const wait = pending.get(content);
    if (wait && --wait.left === 0) {
      pending.delete(content);
      wait.done();
    }
  });
  let failed = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const loop = async (c: number, m: number) => {
    for (let k = 0; performance.now() < end; k++) {
      const content = `r:${c}:${m}:${k}`;
      const reached = new Promise<boolean>((done) =>
        pending.set(content, { left: fanout.members, done: () => done(true) }),
      );
      const accepted = await fanout.send(c, m, content).catch(() => false);
      if (!accepted || !(await withDeadline(reached, 30_000))) failed++;
      pending.delete(content);
    }
  };
  const loops: Promise<void>[] = [];
  for (let c = 0; c < fanout.channels; c++) for (let m = 0; m < senders; m++) loops.push(loop(c, m));
  await Promise.all(loops);
  return { perSecond: delivered / ((lastDelivery - started) / 1000), failed };
}

/**
 * Delivery latency at a fixed rate: `messagesPerSecond` messages (spread over the channels and
 * their first `senders` members) for `seconds`, each stamped with its send time; every recipient's
 * delay counts. Waits up to 10 s for the last deliveries.
 */
export async function deliveryLatency(
  fanout: Fanout,
  senders: number,
  messagesPerSecond: number,
  seconds: number,
): Promise<LatencyFigures & { expected: number }> {
  const latencies: number[] = [];
  fanout.onDelivery((content) => {
    if (content.startsWith('l:')) latencies.push(performance.now() - Number(content.slice(2)));
  });
  const total = Math.max(1, Math.round(messagesPerSecond * seconds));
  const started = performance.now();
  for (let k = 0; k < total; k++) {
    const due = started + (k * 1000) / messagesPerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const [c, m] = [k % fanout.channels, Math.floor(k / fanout.channels) % senders];
    fanout.send(c, m, `l:${performance.now()}`).catch(() => false);
  }
  const expected = total * fanout.members;
  const deadline = performance.now() + 10_000;
  while (latencies.length < expected && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  return { ...latencyFigures(latencies, seconds), expected };
}

/** The promise's value, or false after `ms`. */
function withDeadline(promise: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
