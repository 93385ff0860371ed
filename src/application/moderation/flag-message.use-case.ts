import { assertCanFlag } from '../../domain/access/moderation-policy';
import { newMessageFlag } from '../../domain/moderation/message-flag';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { FlagReporter, MessageFlags } from '../ports/message-flags.port';
import { MessageRepository } from '../ports/message-repository.port';
import { UuidGenerator } from '../ports/uuid-generator.port';
import { loadReadableMessage } from '../shared/load-channel';
import { FlagView, toFlagView } from '../views/moderation.view';

export interface FlagMessageInput {
  userId: string;
  channelId: string;
  messageId: number;
  reason: string;
}

export interface FlagMessageResult {
  flag: FlagView;
  /** False when the caller had flagged this message already: the first flag (HTTP 200). */
  created: boolean;
}

/**
 * A participant flags someone else's message for the tenant's moderators: stored once per (message,
 * participant), with the message as it is now, listed in the admin API and reported to the tenant's
 * webhook. A repeat answers the first flag and reports it again (the delivery is idempotent by the
 * flag's id), so a report lost after the flag was stored is made by the client's retry.
 * @throws ChannelNotFoundError, MessageNotFoundError, OwnMessageFlagError (forbidden),
 *   MessageDeletedError (conflict), ValidationError (reason).
 */
export class FlagMessage {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly flags: MessageFlags,
    private readonly reporter: FlagReporter,
    private readonly uuids: UuidGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: FlagMessageInput): Promise<FlagMessageResult> {
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    assertCanFlag(channel, input.userId, message);
    const candidate = newMessageFlag({
      id: this.uuids.next(),
      message,
      flagged_by: input.userId,
      reason: input.reason,
      now: this.clock.now(),
    });
    const { flag, created } = await this.flags.createIfAbsent(candidate);
    const view = toFlagView(flag);
    await this.reporter.report(view);
    return { flag: view, created };
  }
}
