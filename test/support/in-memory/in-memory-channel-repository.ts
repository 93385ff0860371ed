import { compareInbox } from '../../../src/application/channels/inbox-order';
import {
  ChannelListing,
  ChannelRepository,
  CreateChannelResult,
  InboxFilter,
  MemberChannelsPage,
  MemberChannelsQuery,
} from '../../../src/application/ports/channel-repository.port';
import { Channel, ChannelPrimitives } from '../../../src/domain/channel/channel.entity';
import { Message, MessagePrimitives } from '../../../src/domain/message/message.entity';
import { Participant } from '../../../src/domain/participant/participant';
import { ParticipantRole } from '../../../src/domain/participant/participant-role';

interface Row {
  channel: ChannelPrimitives;
  lastMessage: MessagePrimitives | null;
}

/** Stores primitives, like a database would: callers never share an instance with the store. */
export class InMemoryChannelRepository implements ChannelRepository {
  private readonly rows = new Map<string, Row>();

  async createIfAbsent(channel: Channel): Promise<CreateChannelResult> {
    const row = channel.toPrimitives();
    const existing = [...this.rows.values()].find(
      ({ channel: r }) => r.direct_key === row.direct_key || r.context_key === row.context_key,
    );
    if (existing) return { channel: Channel.fromPrimitives(clone(existing.channel)), created: false };
    this.rows.set(row.id, { channel: clone(row), lastMessage: null });
    return { channel: Channel.fromPrimitives(clone(row)), created: true };
  }

  async findById(id: string): Promise<Channel | null> {
    const row = this.rows.get(id);
    return row ? Channel.fromPrimitives(clone(row.channel)) : null;
  }

  async findListing(id: string): Promise<ChannelListing | null> {
    const row = this.rows.get(id);
    return row ? listingOf(row) : null;
  }

  async findManyByIds(ids: readonly string[]): Promise<Channel[]> {
    const found = await Promise.all(ids.map((id) => this.findById(id)));
    return found.filter((c): c is Channel => c !== null);
  }

  async pageByMember(userId: string, query: MemberChannelsQuery): Promise<MemberChannelsPage> {
    const after = query.after;
    const matching = (await this.listByMember(userId))
      .filter(({ channel }) => matchesFilter(channel.toPrimitives(), query))
      .filter(({ channel }) => !after || compareInbox(after, positionOf(channel)) < 0);
    return { listings: matching.slice(0, query.limit), has_more: matching.length > query.limit };
  }

  async listByMember(userId: string): Promise<ChannelListing[]> {
    return [...this.rows.values()]
      .filter((row) => row.channel.participants.some((p) => p.user_id === userId))
      .map(listingOf)
      .sort((a, b) => compareInbox(positionOf(a.channel), positionOf(b.channel)));
  }

  async findMemberIds(channelId: string): Promise<string[] | null> {
    return this.rows.get(channelId)?.channel.participants.map((p) => p.user_id) ?? null;
  }

  async save(channel: Channel): Promise<void> {
    const { name, updated_at, id, members_can_pin } = channel.toPrimitives();
    this.update(id, (row) => Object.assign(row, { name, updated_at, members_can_pin }));
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

  async recordLastMessage(channelId: string, message: Message): Promise<void> {
    const row = this.rows.get(channelId);
    if (!row || message.seq <= row.channel.last_message_seq) return;
    Object.assign(row.channel, {
      last_message_id: message.id,
      last_message_seq: message.seq,
      last_message_at: message.createdAt,
    });
    row.lastMessage = structuredClone(message.toPrimitives());
  }

  /** What the message repository's update does to the channel's copy of its last message. */
  refreshLastMessage(message: Message): void {
    const row = this.rows.get(message.channelId);
    if (row?.lastMessage?.id === message.id && row.lastMessage.deleted_at === null)
      row.lastMessage = structuredClone(message.toPrimitives());
  }

  /** What MongoChannelModeration does: changes the stored primitives in place (false: no such channel). */
  changeStored(id: string, change: (row: ChannelPrimitives) => void): boolean {
    const row = this.rows.get(id);
    if (row) change(row.channel);
    return row !== undefined;
  }

  /** The id of the direct channel with this key, as MongoChannelModeration finds it. */
  findIdByDirectKey(key: string): string | null {
    return [...this.rows.values()].find((r) => r.channel.direct_key === key)?.channel.id ?? null;
  }

  /** Test helper: how many channels are stored. */
  count(): number {
    return this.rows.size;
  }

  /** Every channel (the data-rights fakes read and write through these). */
  all(): Channel[] {
    return [...this.rows.values()].map((row) => Channel.fromPrimitives(clone(row.channel)));
  }

  /** What an erasure writes of the channel's own fields. */
  saveReferences(channel: Channel): void {
    const { id, created_by, direct_key } = channel.toPrimitives();
    this.update(id, (row) => Object.assign(row, { created_by, direct_key }));
  }

  /** What an erasure writes to the channel's copy of its last message: the erased message, whatever it was. */
  replaceLastMessage(message: Message): void {
    const row = this.rows.get(message.channelId);
    if (row?.lastMessage?.id === message.id) row.lastMessage = structuredClone(message.toPrimitives());
  }

  private update(id: string, change: (row: ChannelPrimitives) => void): void {
    const row = this.rows.get(id);
    if (row) change(row.channel);
  }
}

function clone(row: ChannelPrimitives): ChannelPrimitives {
  return structuredClone(row);
}

function listingOf(row: Row): ChannelListing {
  const last = row.lastMessage;
  return {
    channel: Channel.fromPrimitives(clone(row.channel)),
    lastMessage: last ? Message.fromPrimitives(structuredClone(last)) : null,
  };
}

function positionOf(channel: Channel) {
  return { last_activity_at: channel.lastActivityAt, channel_id: channel.id };
}

function matchesFilter(row: ChannelPrimitives, filter: InboxFilter): boolean {
  const fields = ['channel_type', 'host_application_id', 'context_object_type', 'context_object_id'] as const;
  return fields.every((field) => filter[field] === undefined || row[field] === filter[field]);
}
