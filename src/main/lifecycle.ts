/** A long-lived part of a process (workers, sweepers, socket namespaces) started after the core. */
export interface Lifecycle {
  readonly name: string;
  start(): Promise<void>;
  /** Finishes in-flight work and releases resources. */
  stop(): Promise<void>;
}

interface StopLogger {
  error(obj: object, msg: string): void;
}

/**
 * Stops the parts in reverse start order. One part failing to stop (say, Redis is down while a node
 * deregisters) is logged and does not keep the others from finishing their work and closing.
 */
export async function stopInReverse(parts: readonly Lifecycle[], logger: StopLogger): Promise<void> {
  for (const part of [...parts].reverse()) {
    try {
      await part.stop();
    } catch (err) {
      logger.error({ err, part: part.name }, 'stopping a part failed; going on with shutdown');
    }
  }
}
