import { assertCanMute } from '../../domain/access/access-policy';
import { ChannelRepository } from '../ports/channel-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UnreadTotals } from '../ports/unread-totals.port';
import { ensureMembershipState } from '../reading/membership-state';
import { positionIn, seededTotals } from '../reading/unread-badge';
import { loadChannel } from '../shared/load-channel';

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
    private readonly totals: UnreadTotals,
  ) {}

  async execute(input: MuteChannelInput): Promise<MuteResult> {
    return setMuted(
      { channels: this.channels, readStates: this.readStates, totals: this.totals },
      input,
      true,
    );
  }
}

export interface MutePorts {
  channels: ChannelRepository;
  readStates: ReadStateRepository;
  totals: UnreadTotals;
}

/** Shared by MuteChannel and UnmuteChannel: the same rule with the flag flipped. */
export async function setMuted(
  { channels, readStates, totals }: MutePorts,
  input: MuteChannelInput,
  muted: boolean,
): Promise<MuteResult> {
  const channel = await loadChannel(channels, input.channelId);
  const participant = assertCanMute(channel, input.userId);
  const state = await ensureMembershipState(readStates, channel, participant);
  await readStates.setMuted(input.userId, channel.id, muted);
  // The badge follows: a muted channel leaves the user's unread total, an unmuted one comes back.
  await seededTotals(totals, { channels, readStates }, [{ ...positionIn(channel, state), is_muted: muted }]);
  return { channel_id: channel.id, is_muted: muted };
}
