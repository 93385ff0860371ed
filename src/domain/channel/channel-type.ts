export const CHANNEL_TYPES = ['direct', 'group', 'contextual_object'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
