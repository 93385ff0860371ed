import {
  ChannelRepository,
  CreateChannelResult,
  LastMessage,
} from '../../../src/application/ports/channel-repository.port';
import { Channel, ChannelPrimitives } from '../../../src/domain/channel/channel.entity';
import { Participant } from '../../../src/domain/participant/participant';
import { ParticipantRole } from '../../../src/domain/participant/participant-role';

/** Stores primitives, like a database would: callers never share an instance with the store. */
export class InMemoryChannelRepository implements ChannelRepository {
  private readonly rows = new Map<string, ChannelPrimitives>();

  async createIfAbsent(channel: Channel): Promise<CreateChannelResult> {
    const row = channel.toPrimitives();
    const existing = [...this.rows.values()].find(
      (r) => r.direct_key === row.direct_key || r.context_key === row.context_key,
    );
    if (existing) return { channel: Channel.fromPrimitives(clone(existing)), created: false };
    this.rows.set(row.id, clone(row));
    return { channel: Channel.fromPrimitives(clone(row)), created: true };
  }

  async findById(id: string): Promise<Channel | null> {
    const row = this.rows.get(id);
    return row ? Channel.fromPrimitives(clone(row)) : null;
  }

  async findManyByIds(ids: readonly string[]): Promise<Channel[]> {
    const found = await Promise.all(ids.map((id) => this.findById(id)));
    return found.filter((c): c is Channel => c !== null);
  }

  async save(channel: Channel): Promise<void> {
    const { name, updated_at, id } = channel.toPrimitives();
    this.update(id, (row) => Object.assign(row, { name, updated_at }));
  }

  async addParticipants(channelId: string, participants: readonly Participant[]): Promise<void> {
    this.update(channelId, (row) => {
      for (const participant of participants) {
        if (!row.participants.some((p) => p.user_id === participant.userId))
          row.participants.push(participant.toPrimitives());
      }
    });
  }

  async removeParticipant(channelId: string, userId: string): Promise<void> {
    this.update(channelId, (row) => {
      row.participants = row.participants.filter((p) => p.user_id !== userId);
    });
  }

  async changeRole(channelId: string, userId: string, role: ParticipantRole): Promise<void> {
    this.update(channelId, (row) => {
      row.participants = row.participants.map((p) => (p.user_id === userId ? { ...p, role } : p));
    });
  }

  async recordLastMessage(channelId: string, message: LastMessage): Promise<void> {
    this.update(channelId, (row) => {
      if (message.seq <= row.last_message_seq) return;
      Object.assign(row, {
        last_message_id: message.id,
        last_message_seq: message.seq,
        last_message_at: message.created_at,
      });
    });
  }

  /** Test helper: how many channels are stored. */
  count(): number {
    return this.rows.size;
  }

  private update(id: string, change: (row: ChannelPrimitives) => void): void {
    const row = this.rows.get(id);
    if (row) change(row);
  }
}

function clone(row: ChannelPrimitives): ChannelPrimitives {
  return structuredClone(row);
}
