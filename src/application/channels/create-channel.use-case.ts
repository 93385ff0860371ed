import { assertCanRead } from '../../domain/access/access-policy';
import { Channel } from '../../domain/channel/channel.entity';
import { ParticipantInput } from '../../domain/participant/participant';
import { ValidationError } from '../../domain/shared/domain-error';
import { UserId } from '../../domain/user/user-id';
import { UserType } from '../../domain/user/user-type';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UserDirectory } from '../ports/user-directory.port';
import { UuidGenerator } from '../ports/uuid-generator.port';
import { withKnownUserTypes } from '../shared/known-user-types';
import { newMembershipState } from '../reading/membership-state';
import { ChannelView } from '../views/channel.view';
import { channelViewFor } from './channel-views';

export interface CreateChannelInput {
  userId: string;
  userType?: UserType;
  channel_type: unknown;
  name?: unknown;
  participant_ids?: unknown;
  participants?: unknown;
  host_application_id?: unknown;
  context_object_type?: unknown;
  context_object_id?: unknown;
}

export interface CreateChannelResult {
  channel: ChannelView;
  /** False when the direct or contextual channel already existed (HTTP 200 instead of 201). */
  created: boolean;
}

/**
 * Creates a channel with the caller as admin. Direct and contextual channels are get-or-create:
 * the existing channel of the pair, or of the context, is returned with `created: false`.
 * @throws ValidationError for a bad body (see domain/channel/new-channel.ts).
 * @throws ChannelNotFoundError when the contextual channel exists and the caller is not in it.
 */
export class CreateChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly users: UserDirectory,
    private readonly uuids: UuidGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateChannelInput): Promise<CreateChannelResult> {
    const candidate = Channel.create({
      ...input,
      id: this.uuids.next(),
      creator: { user_id: input.userId, user_type: input.userType ?? 'internal' },
      participants: await withKnownUserTypes(
        this.users,
        participantInputs(input.participant_ids, input.participants),
      ),
      now: this.clock.now(),
    });
    const { channel, created } = await this.channels.createIfAbsent(candidate);
    assertCanRead(channel, input.userId);
    if (created) {
      await Promise.all(
        channel.participants.map((p) => this.readStates.create(newMembershipState(channel, p))),
      );
    }
    // An existing direct or contextual channel may have messages: its listing carries the last one.
    const [state, listing] = await Promise.all([
      this.readStates.find(input.userId, channel.id),
      created ? null : this.channels.findListing(channel.id),
    ]);
    return { channel: channelViewFor(listing ?? { channel, lastMessage: null }, state), created };
  }
}

/**
 * `participant_ids` and `participants` may both be given; they are merged. Each user id is checked
 * here, where its place in the body is known (`participant_ids.1`), and before any profile lookup.
 */
function participantInputs(ids: unknown, participants: unknown): ParticipantInput[] {
  const fromIds = optionalArray(ids, 'participant_ids').map((user_id, i) => ({
    user_id: UserId.parse(user_id, `participant_ids.${i}`),
  }));
  const detailed = optionalArray(participants, 'participants').map((p, i) => {
    if (typeof p !== 'object' || p === null)
      throw new ValidationError('participants must be objects', { field: 'participants' });
    const input = p as ParticipantInput;
    return { ...input, user_id: UserId.parse(input.user_id, `participants.${i}.user_id`) };
  });
  return [...fromIds, ...detailed];
}

function optionalArray(raw: unknown, field: string): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ValidationError(`${field} must be an array`, { field });
  if (raw.length > 1000) throw new ValidationError(`${field} may list at most 1000 users`, { field });
  return raw;
}
