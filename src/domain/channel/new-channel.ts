import { Participant, ParticipantInput } from '../participant/participant';
import { ValidationError } from '../shared/domain-error';
import { optionalText, requireText } from '../shared/text';
import { UserType } from '../user/user-type';
import type { ChannelPrimitives } from './channel.entity';
import { ChannelContext, channelContextOf } from './channel-context';
import { contextKey, directKey } from './channel-keys';
import { ChannelType } from './channel-type';

export interface NewChannelInput {
  id: string;
  channel_type: ChannelType;
  name?: string | null;
  host_application_id?: string | null;
  context_object_type?: string | null;
  context_object_id?: string | null;
  creator: { user_id: string; user_type: UserType };
  /** The other participants; the creator may appear here too and is then ignored. */
  participants: ParticipantInput[];
  now: Date;
}

type ValidatedChannel = Omit<ChannelPrimitives, 'participants'> & { participants: Participant[] };

const MAX_NAME = 200;

/**
 * The creation rules of each channel type:
 * - direct: the creator and exactly one other user; no name; one channel per pair (direct_key);
 * - group: a name (trimmed, 1-200 characters);
 * - contextual_object: the three context fields (1-256 characters each), an optional name;
 *   one channel per context (context_key).
 * A field that does not apply to the type (context fields outside contextual_object, a name on a
 * direct channel) is refused rather than dropped, so a client learns its mistake. The creator is
 * admin; duplicates are merged.
 */
export function validateNewChannel(input: NewChannelInput): ValidatedChannel {
  const type = input.channel_type;
  refuseForeignFields(type, input);
  const creator = Participant.creator(input.creator.user_id, input.creator.user_type, input.now);
  const others = uniqueOthers(creator, input);
  const context = type === 'contextual_object' ? channelContextOf(input) : null;
  if (type === 'direct' && others.length !== 1) {
    throw new ValidationError('a direct channel needs exactly one other participant', {
      field: 'participant_ids',
    });
  }
  return {
    id: input.id,
    channel_type: type,
    name: nameFor(type, input.name),
    host_application_id: context?.host_application_id ?? null,
    context_object_type: context?.context_object_type ?? null,
    context_object_id: context?.context_object_id ?? null,
    ...keysFor(input.id, type, creator, others, context),
    participants: [creator, ...others],
    created_by: creator.userId,
    created_at: input.now,
    updated_at: input.now,
    last_message_id: null,
    last_message_seq: 0,
    last_message_at: null,
    members_can_pin: false,
  };
}

function uniqueOthers(creator: Participant, input: NewChannelInput): Participant[] {
  const byUser = new Map<string, Participant>();
  for (const raw of input.participants) {
    const participant = Participant.create(raw, input.now);
    if (participant.userId !== creator.userId) byUser.set(participant.userId, participant);
  }
  return [...byUser.values()];
}

const CONTEXT_FIELDS = ['host_application_id', 'context_object_type', 'context_object_id'] as const;

function refuseForeignFields(type: ChannelType, input: NewChannelInput): void {
  const given = (field: keyof NewChannelInput) => input[field] !== undefined && input[field] !== null;
  const foreign: string[] = type === 'contextual_object' ? [] : CONTEXT_FIELDS.filter(given);
  if (type === 'direct' && given('name')) foreign.push('name');
  if (foreign.length === 0) return;
  throw new ValidationError(`${foreign.join(', ')}: not for a ${type} channel`, { field: foreign[0] });
}

function nameFor(type: ChannelType, raw: string | null | undefined): string | null {
  if (type === 'group') return requireText(raw, { field: 'name', max: MAX_NAME });
  if (type === 'contextual_object') return optionalText(raw, { field: 'name', max: MAX_NAME });
  return null;
}

function keysFor(
  id: string,
  type: ChannelType,
  creator: Participant,
  others: Participant[],
  context: ChannelContext | null,
): { direct_key: string; context_key: string } {
  return {
    direct_key: type === 'direct' ? directKey(creator.userId, others[0].userId) : id,
    context_key: context ? contextKey(context) : id,
  };
}
