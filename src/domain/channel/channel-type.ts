import { ValidationError } from '../shared/domain-error';

export const CHANNEL_TYPES = ['direct', 'group', 'contextual_object'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export function parseChannelType(raw: unknown): ChannelType {
  if (typeof raw === 'string' && (CHANNEL_TYPES as readonly string[]).includes(raw))
    return raw as ChannelType;
  throw new ValidationError(`channel_type must be one of ${CHANNEL_TYPES.join(', ')}`, {
    field: 'channel_type',
  });
}
