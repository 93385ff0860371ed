/** Who has a live connection right now (on any API node). */
export interface PresenceReader {
  /** The users among `userIds` who are online. */
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
}
