import { assertCanAddParticipant } from '../../domain/access/access-policy';
import { assertNoneBanned } from '../../domain/access/moderation-policy';
import { Participant, ParticipantInput } from '../../domain/participant/participant';
import { loadChannel } from '../shared/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UserDirectory } from '../ports/user-directory.port';
import { newMembershipState } from '../reading/membership-state';
import { withKnownUserTypes } from '../shared/known-user-types';
import { ParticipantView, toParticipantView } from '../views/channel.view';

export interface AddParticipantInput extends ParticipantInput {
  userId: string;
  channelId: string;
}

export interface AddParticipantResult {
  participant: ParticipantView;
  /** False when the user was already a participant: nothing changed (HTTP 200 instead of 201). */
  added: boolean;
}

/**
 * Adds a user to a group or contextual channel. Without user_type, the type known from the user's
 * profile is used (internal for a user never seen). The new participant starts with everything read.
 * @throws ChannelNotFoundError, InsufficientRoleError (only admins add people),
 *   DirectChannelMembershipError, ValidationError, UserBannedError (conflict: banned from the channel).
 */
export class AddParticipant {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly users: UserDirectory,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: AddParticipantInput): Promise<AddParticipantResult> {
    const channel = await loadChannel(this.channels, input.channelId);
    assertCanAddParticipant(channel, input.userId);
    const [known] = await withKnownUserTypes(this.users, [input]);
    const candidate = Participant.create(known, this.clock.now());
    if (!channel.participant(candidate.userId))
      assertNoneBanned(channel, [candidate.userId], this.clock.now());
    if (!channel.addParticipant(candidate)) {
      return { participant: toParticipantView(channel.participant(candidate.userId)!), added: false };
    }
    await this.channels.addParticipants(channel.id, [candidate]);
    await this.readStates.create(newMembershipState(channel, candidate));
    const view = toParticipantView(candidate);
    await this.events.publish({
      type: 'participant.added',
      channel_id: channel.id,
      payload: { channel_id: channel.id, participant: view },
    });
    return { participant: view, added: true };
  }
}
