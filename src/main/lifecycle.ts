/** A long-lived part of a process (workers, sweepers, socket namespaces) started after the core. */
export interface Lifecycle {
  readonly name: string;
  start(): Promise<void>;
  /** Finishes in-flight work and releases resources. */
  stop(): Promise<void>;
}
