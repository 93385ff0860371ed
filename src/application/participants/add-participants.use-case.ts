import { assertCanAddParticipant } from '../../domain/access/access-policy';
import { assertNoneBanned } from '../../domain/access/moderation-policy';
import { ParticipantInput } from '../../domain/participant/participant';
import { participantList } from '../../domain/participant/participant-list';
import { channelViewFor } from '../channels/channel-views';
import { loadListing } from '../shared/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UserDirectory } from '../ports/user-directory.port';
import { newMembershipState } from '../reading/membership-state';
import { ChannelView, ParticipantView, toParticipantView } from '../views/channel.view';
import { withKnownUserTypes } from '../shared/known-user-types';

export interface AddParticipantsInput {
  userId: string;
  channelId: string;
  /** `[{user_id, role?, user_type?}, …]`, 1-100 entries. */
  participants: readonly ParticipantInput[];
}

export interface AddParticipantsResult {
  /** The channel afterwards, as the caller sees it. */
  channel: ChannelView;
  /** Those it added, in the order given; empty when everyone listed was already in (HTTP 200). */
  added: ParticipantView[];
}

/**
 * Adds several users to a group or contextual channel, all or nothing: every entry is validated
 * (and the caller's right checked) before anything is stored, and the new participants are written
 * in one update. Users already in are left unchanged, as AddParticipant leaves them; each user added
 * gets a read state with the history read and a participant.added event.
 * @throws ChannelNotFoundError, InsufficientRoleError (only admins add people),
 *   DirectChannelMembershipError, ValidationError (naming the entry: `participants.2.role`),
 *   UserBannedError (conflict: one of them is banned from the channel; nobody is added).
 */
export class AddParticipants {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly users: UserDirectory,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: AddParticipantsInput): Promise<AddParticipantsResult> {
    const listing = await loadListing(this.channels, input.channelId);
    const channel = listing.channel;
    assertCanAddParticipant(channel, input.userId);
    const entries = await withKnownUserTypes(this.users, input.participants);
    const listed = participantList(entries, this.clock.now());
    const newcomers = listed.filter((p) => !channel.participant(p.userId)).map((p) => p.userId);
    assertNoneBanned(channel, newcomers, this.clock.now());
    const fresh = channel.addParticipants(listed);
    if (fresh.length > 0) {
      await this.channels.addParticipants(channel.id, fresh);
      await Promise.all(fresh.map((p) => this.readStates.create(newMembershipState(channel, p))));
      for (const participant of fresh) {
        await this.events.publish({
          type: 'participant.added',
          channel_id: channel.id,
          payload: { channel_id: channel.id, participant: toParticipantView(participant) },
        });
      }
    }
    const state = await this.readStates.find(input.userId, channel.id);
    return {
      channel: channelViewFor(listing, state, input.userId),
      added: fresh.map(toParticipantView),
    };
  }
}
