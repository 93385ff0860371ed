import { ChannelRepository } from '../ports/channel-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UnreadTotals } from '../ports/unread-totals.port';
import { MuteChannelInput, MuteResult, setMuted } from './mute-channel.use-case';

export type UnmuteChannelInput = MuteChannelInput;

/**
 * Unmutes the channel for the caller. Idempotent.
 * @throws ChannelNotFoundError when the caller is not a participant.
 */
export class UnmuteChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly totals: UnreadTotals,
  ) {}

  async execute(input: UnmuteChannelInput): Promise<MuteResult> {
    return setMuted(
      { channels: this.channels, readStates: this.readStates, totals: this.totals },
      input,
      false,
    );
  }
}
