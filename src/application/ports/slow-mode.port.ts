/** Slow mode's clock per (channel, member), shared by every API node. */
export interface SlowModeGate {
  /**
   * Takes the member's turn in the channel for `seconds`: 0 when taken, else the milliseconds left
   * before the next one may be.
   */
  claim(channelId: string, userId: string, seconds: number): Promise<number>;

  /** Gives the turn back (the send failed): the member may send again at once. Best effort. */
  release(channelId: string, userId: string): Promise<void>;
}
