import { ChannelRepository } from '../ports/channel-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
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
  ) {}

  async execute(input: UnmuteChannelInput): Promise<MuteResult> {
    return setMuted(this.channels, this.readStates, input, false);
  }
}
