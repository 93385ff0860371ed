import { ChannelModeration, ChannelModerationPrimitives } from '../moderation/channel-moderation';
import { Participant, ParticipantPrimitives } from '../participant/participant';
import { ParticipantRole } from '../participant/participant-role';
import { requireText } from '../shared/text';
import { demotionLeavesNoAdmin, successorOf } from './admin-succession';
import { ChannelType } from './channel-type';
import {
  DirectChannelMembershipError,
  DirectChannelRenameError,
  DirectChannelSettingError,
  LastAdminError,
  ParticipantNotFoundError,
} from './channel.errors';
import { NewChannelInput, validateNewChannel } from './new-channel';

export interface ChannelPrimitives {
  id: string;
  channel_type: ChannelType;
  name: string | null;
  host_application_id: string | null;
  context_object_type: string | null;
  context_object_id: string | null;
  /** Unique: the sorted user pair for a direct channel, the channel id otherwise (channel-keys.ts). */
  direct_key: string;
  /** Unique: the context triple for a contextual channel, the channel id otherwise. */
  context_key: string;
  participants: ParticipantPrimitives[];
  created_by: string;
  created_at: Date;
  updated_at: Date;
  last_message_id: number | null;
  /** The seq of the last message: 0 while the channel is empty. */
  last_message_seq: number;
  last_message_at: Date | null;
  /** Whether members (not only admins) may pin messages; absent: no. Direct channels ignore it. */
  members_can_pin?: boolean;
  /** Bans, mutes, slow mode and direct-channel blocks (moderation/channel-moderation.ts); none when absent. */
  moderation?: ChannelModerationPrimitives;
}

export interface RemovalOutcome {
  removed: Participant;
  /** The participant promoted to admin because the last admin left (admin-succession.ts). */
  promoted: Participant | null;
}

export class Channel {
  private constructor(
    private props: Omit<ChannelPrimitives, 'participants' | 'moderation'>,
    private members: Participant[],
    private readonly moderationState: ChannelModeration = ChannelModeration.none(),
  ) {}

  /** Validates a new channel; see new-channel.ts for the rules of each type. */
  static create(input: NewChannelInput): Channel {
    const { participants, ...props } = validateNewChannel(input);
    return new Channel(props, participants);
  }

  static fromPrimitives(primitives: ChannelPrimitives): Channel {
    const { participants, moderation, ...props } = primitives;
    return new Channel(
      { ...props },
      participants.map((p) => Participant.fromPrimitives(p)),
      ChannelModeration.fromPrimitives(moderation),
    );
  }

  get id(): string {
    return this.props.id;
  }

  get type(): ChannelType {
    return this.props.channel_type;
  }

  get lastMessageSeq(): number {
    return this.props.last_message_seq;
  }

  get lastMessageId(): number | null {
    return this.props.last_message_id;
  }

  get lastMessageAt(): Date | null {
    return this.props.last_message_at;
  }

  /** The inbox order's key: the last message's time, or the creation time while there is none. */
  get lastActivityAt(): Date {
    return this.props.last_message_at ?? this.props.created_at;
  }

  /** Members may pin as admins do (the channel's setting; see assertCanPin). */
  get membersCanPin(): boolean {
    return this.props.members_can_pin ?? false;
  }

  /** Bans, mutes, slow mode, blocks: changed through ChannelModerationRepository, under the channel's lock. */
  get moderation(): ChannelModeration {
    return this.moderationState;
  }

  get participants(): readonly Participant[] {
    return this.members;
  }

  participant(userId: string): Participant | undefined {
    return this.members.find((p) => p.userId === userId);
  }

  /** Adds the participant; returns false (and changes nothing) when the user is already in. */
  addParticipant(participant: Participant): boolean {
    return this.addParticipants([participant]).length === 1;
  }

  /** Adds those not yet in (each once, in the order given) and returns them; the others stay as they are. */
  addParticipants(candidates: readonly Participant[]): Participant[] {
    this.assertMembershipCanChange();
    const fresh: Participant[] = [];
    for (const candidate of candidates) {
      const known = this.participant(candidate.userId) ?? fresh.find((p) => p.userId === candidate.userId);
      if (!known) fresh.push(candidate);
    }
    this.members = [...this.members, ...fresh];
    return fresh;
  }

  /** Removes a participant, promoting a successor if the last admin leaves. */
  removeParticipant(userId: string): RemovalOutcome {
    this.assertMembershipCanChange();
    const removed = this.requireParticipant(userId);
    const promoted = successorOf(removed, this.members)?.withRole('admin') ?? null;
    this.members = this.members
      .filter((p) => p.userId !== userId)
      .map((p) => (p.userId === promoted?.userId ? promoted : p));
    return { removed, promoted };
  }

  /** Changes a participant's role; the last admin cannot step down while others remain. */
  changeRole(userId: string, role: ParticipantRole): Participant {
    const target = this.requireParticipant(userId);
    if (role !== 'admin' && demotionLeavesNoAdmin(target, this.members)) throw new LastAdminError();
    const changed = target.withRole(role);
    this.members = this.members.map((p) => (p.userId === userId ? changed : p));
    return changed;
  }

  rename(name: string, now: Date): void {
    if (this.type === 'direct') throw new DirectChannelRenameError();
    this.props.name = requireText(name, { field: 'name', max: 200 });
    this.props.updated_at = now;
  }

  /** Lets members pin (true) or only admins (false). A direct channel has no such setting. */
  setMembersCanPin(allowed: boolean, now: Date): void {
    if (this.type === 'direct') throw new DirectChannelSettingError('members_can_pin');
    this.props.members_can_pin = allowed;
    this.props.updated_at = now;
  }

  /** Remembers the channel's latest message; an older one never replaces a newer one. */
  recordLastMessage(messageId: number, seq: number, at: Date): void {
    if (seq <= this.props.last_message_seq) return;
    Object.assign(this.props, { last_message_id: messageId, last_message_seq: seq, last_message_at: at });
  }

  toPrimitives(): ChannelPrimitives {
    return {
      ...this.props,
      participants: this.members.map((p) => p.toPrimitives()),
      moderation: this.moderationState.toPrimitives(),
    };
  }

  private requireParticipant(userId: string): Participant {
    const found = this.participant(userId);
    if (!found) throw new ParticipantNotFoundError(userId);
    return found;
  }

  private assertMembershipCanChange(): void {
    if (this.type === 'direct') throw new DirectChannelMembershipError();
  }
}
