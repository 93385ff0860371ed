import {
  ReadStateRepository,
  UserChannelState,
} from '../../../src/application/ports/read-state-repository.port';
import { ReadPointer } from '../../../src/domain/read/read-pointer';

export class InMemoryReadStateRepository implements ReadStateRepository {
  private readonly rows = new Map<string, UserChannelState>();

  async create(state: UserChannelState): Promise<void> {
    const key = keyOf(state.user_id, state.channel_id);
    if (!this.rows.has(key)) this.rows.set(key, structuredClone(state));
  }

  async find(userId: string, channelId: string): Promise<UserChannelState | null> {
    const row = this.rows.get(keyOf(userId, channelId));
    return row ? structuredClone(row) : null;
  }

  async findByUser(userId: string, channelIds?: readonly string[]): Promise<UserChannelState[]> {
    return this.select((r) => r.user_id === userId && (!channelIds || channelIds.includes(r.channel_id)));
  }

  async listByChannel(channelId: string): Promise<UserChannelState[]> {
    return this.select((r) => r.channel_id === channelId);
  }

  async advancePointer(userId: string, channelId: string, pointer: ReadPointer): Promise<boolean> {
    const row = this.rows.get(keyOf(userId, channelId));
    if (!row || pointer.seq <= row.last_read_seq) return false;
    Object.assign(row, { last_read_message_id: pointer.messageId, last_read_seq: pointer.seq });
    return true;
  }

  async setMuted(userId: string, channelId: string, muted: boolean): Promise<void> {
    this.change(userId, channelId, (row) => (row.is_muted = muted));
  }

  async remove(userId: string, channelId: string): Promise<void> {
    this.rows.delete(keyOf(userId, channelId));
  }

  /** Every row (the data-rights fakes). */
  all(): UserChannelState[] {
    return this.select(() => true);
  }

  /** Deletes every row of the user; returns how many. */
  removeAllOf(userId: string): number {
    const keys = [...this.rows].filter(([, r]) => r.user_id === userId).map(([key]) => key);
    for (const key of keys) this.rows.delete(key);
    return keys.length;
  }

  private select(predicate: (row: UserChannelState) => boolean): UserChannelState[] {
    return [...this.rows.values()].filter(predicate).map((r) => structuredClone(r));
  }

  private change(userId: string, channelId: string, apply: (row: UserChannelState) => void): void {
    const row = this.rows.get(keyOf(userId, channelId));
    if (row) apply(row);
  }
}

function keyOf(userId: string, channelId: string): string {
  return JSON.stringify([userId, channelId]);
}
