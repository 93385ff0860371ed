import { Channel } from '../../../src/domain/channel/channel.entity';
import type { ChannelType } from '../../../src/domain/channel/channel-type';
import type { NewChannelInput } from '../../../src/domain/channel/new-channel';
import { ParticipantInput } from '../../../src/domain/participant/participant';
import { UserType } from '../../../src/domain/user/user-type';

export const T0 = new Date('2025-01-01T00:00:00.000Z');

let ids = 0;
function nextId(): string {
  ids += 1;
  return `10000000-0000-4000-8000-${String(ids).padStart(12, '0')}`;
}

interface ChannelOptions {
  id?: string;
  creator?: string;
  creatorType?: UserType;
  participants?: ParticipantInput[];
  now?: Date;
}

/** What a channel type may take besides its participants. */
type ChannelFields = Pick<
  NewChannelInput,
  'name' | 'host_application_id' | 'context_object_type' | 'context_object_id'
>;

function create(channelType: ChannelType, fields: ChannelFields, options: ChannelOptions): Channel {
  return Channel.create({
    id: options.id ?? nextId(),
    channel_type: channelType,
    ...fields,
    creator: { user_id: options.creator ?? 'alice', user_type: options.creatorType ?? 'internal' },
    participants: options.participants ?? [],
    now: options.now ?? T0,
  });
}

/** A group created by `alice` (unless said otherwise) with the given other participants. */
export function aGroup(
  others: Array<string | ParticipantInput> = ['bob'],
  options: ChannelOptions = {},
): Channel {
  return create('group', { name: 'General' }, { ...options, participants: others.map(toInput) });
}

export function aDirect(creator = 'alice', other = 'bob', options: ChannelOptions = {}): Channel {
  return create('direct', {}, { ...options, creator, participants: [{ user_id: other }] });
}

export function aContextual(
  context = { host_application_id: 'crm', context_object_type: 'order', context_object_id: '42' },
  others: string[] = ['bob'],
  options: ChannelOptions = {},
): Channel {
  return create('contextual_object', context, { ...options, participants: others.map(toInput) });
}

function toInput(other: string | ParticipantInput): ParticipantInput {
  return typeof other === 'string' ? { user_id: other } : other;
}
