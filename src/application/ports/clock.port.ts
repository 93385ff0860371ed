/** The time, so that tests control it. */
export interface Clock {
  /** The current instant; a fresh Date each call. */
  now(): Date;
}
