import { assertCanMute } from '../../domain/access/access-policy';
import { ChannelRepository } from '../ports/channel-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ensureMembershipState } from '../reading/membership-state';
import { loadChannel } from './load-channel';

export interface MuteChannelInput {
  userId: string;
  channelId: string;
}

export interface MuteResult {
  channel_id: string;
  is_muted: boolean;
}

/**
 * Mutes the channel for the caller: no notifications, and it leaves the unread totals (the badge).
 * Idempotent.
 * @throws ChannelNotFoundError when the caller is not a participant.
 */
export class MuteChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
  ) {}

  async execute(input: MuteChannelInput): Promise<MuteResult> {
    return setMuted(this.channels, this.readStates, input, true);
  }
}

/** Shared by MuteChannel and UnmuteChannel: the same rule with the flag flipped. */
export async function setMuted(
  channels: ChannelRepository,
  readStates: ReadStateRepository,
  input: MuteChannelInput,
  muted: boolean,
): Promise<MuteResult> {
  const channel = await loadChannel(channels, input.channelId);
  const participant = assertCanMute(channel, input.userId);
  await ensureMembershipState(readStates, channel, participant);
  await readStates.setMuted(input.userId, channel.id, muted);
  return { channel_id: channel.id, is_muted: muted };
}
