import { Channel } from '../../domain/channel/channel.entity';
import { eraseUserFromChannel } from '../../domain/channel/channel-erasure';
import { eraseAuthor } from '../../domain/message/message-erasure';
import { UserId } from '../../domain/user/user-id';
import {
  DEFAULT_ERASURE_MODE,
  ErasureMode,
  ErasureModeConflictError,
  pseudonymFrom,
  UserErasure,
} from '../../domain/user/user-erasure';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UserErasureStore } from '../ports/user-erasure-store.port';
import { UserLiveState } from '../ports/user-live-state.port';
import { UuidGenerator } from '../ports/uuid-generator.port';
import { toMessageView } from '../views/message.view';

export interface EraseUserInput {
  userId: string;
  /** What becomes of their messages (domain/user/user-erasure.ts); `tombstone` by default. */
  mode?: ErasureMode;
}

/** What this run changed (a retry counts only what was left to do). */
export interface EraseUserResult {
  user_id: string;
  mode: ErasureMode;
  channels_left: number;
  messages_erased: number;
  read_states_deleted: number;
  receipts_deleted: number;
  profile_deleted: boolean;
}

const CHANNEL_BATCH = 100;
const MESSAGE_BATCH = 500;

/**
 * Erases a user from the tenant: they leave every channel (direct ones too; the last-admin
 * succession applies, `participant.removed` is published), no channel names them as creator or in a
 * direct pair, their messages are authored by a random pseudonym and, in `tombstone` mode, emptied
 * (`message.deleted`; otherwise `message.updated`), their read states and receipts are deleted, their
 * sockets closed, presence and badge forgotten, and their profile deleted.
 *
 * Idempotent and resumable: the erasure is recorded first (with its pseudonym), each step reads only
 * what still names the user, and the steps run in an order where a crash leaves something a retry
 * finds (a channel's references are rewritten before the user leaves it; the record goes last).
 * @throws ValidationError for an impossible user id; ErasureModeConflictError (409) when an erasure
 *   of the user in the other mode is unfinished.
 */
export class EraseUser {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly store: UserErasureStore,
    private readonly live: UserLiveState,
    private readonly events: EventPublisher,
    private readonly uuids: UuidGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: EraseUserInput): Promise<EraseUserResult> {
    const erasure = await this.begin(UserId.parse(input.userId), input.mode ?? DEFAULT_ERASURE_MODE);
    const channelsLeft = await this.leaveChannels(erasure);
    const messagesErased = await this.eraseMessages(erasure);
    const reading = await this.store.deleteReading(erasure.user_id);
    await this.live.forget(erasure.user_id);
    const profileDeleted = await this.store.deleteProfile(erasure.user_id);
    await this.store.finish(erasure.user_id);
    return {
      user_id: erasure.user_id,
      mode: erasure.mode,
      channels_left: channelsLeft,
      messages_erased: messagesErased,
      read_states_deleted: reading.read_states,
      receipts_deleted: reading.receipts,
      profile_deleted: profileDeleted,
    };
  }

  private async begin(userId: string, mode: ErasureMode): Promise<UserErasure> {
    const pseudonym = pseudonymFrom(this.uuids.next());
    const erasure = await this.store.begin({
      user_id: userId,
      pseudonym,
      mode,
      started_at: this.clock.now(),
    });
    if (erasure.mode !== mode) throw new ErasureModeConflictError(erasure.mode);
    return erasure;
  }

  /** Takes the user out of every channel that names them; returns how many they were a participant of. */
  private async leaveChannels(erasure: UserErasure): Promise<number> {
    let left = 0;
    let previous = new Set<string>();
    for (;;) {
      const batch = await this.store.channelsNaming(erasure.user_id, CHANNEL_BATCH);
      if (batch.length === 0) return left;
      assertProgress(previous, batch, 'channel');
      for (const channel of batch) if (await this.leave(channel, erasure)) left += 1;
      previous = new Set(batch.map((c) => c.id));
    }
  }

  private async leave(channel: Channel, { user_id, pseudonym }: UserErasure): Promise<boolean> {
    const erased = eraseUserFromChannel(channel, user_id, pseudonym);
    if (!erased) return false;
    // The references first: once the user is out, a direct channel's pair key would find nothing.
    if (erased.referencesChanged) await this.store.saveChannelReferences(erased.channel);
    if (!erased.removed) return false;
    // Promote before removing (as RemoveParticipant): a crash in between leaves two admins, not none.
    if (erased.promoted) await this.channels.changeRole(channel.id, erased.promoted.userId, 'admin');
    await this.channels.removeParticipant(channel.id, user_id);
    await this.readStates.remove(user_id, channel.id);
    await this.events.publish({
      type: 'participant.removed',
      channel_id: channel.id,
      payload: { channel_id: channel.id, user_id, reason: 'removed' },
    });
    return true;
  }

  /** Rewrites every message the user authored, a batch at a time; returns how many. */
  private async eraseMessages({ user_id, pseudonym, mode }: UserErasure): Promise<number> {
    let erased = 0;
    let previous = new Set<number>();
    for (;;) {
      const batch = await this.store.messagesBy(user_id, MESSAGE_BATCH);
      if (batch.length === 0) return erased;
      assertProgress(previous, batch, 'message');
      const now = this.clock.now();
      const after = batch.map((message) => eraseAuthor(message, pseudonym, mode, now));
      await this.store.saveErasedMessages(user_id, after);
      for (const [i, message] of after.entries()) {
        const type = message.isDeleted && !batch[i].isDeleted ? 'message.deleted' : 'message.updated';
        await this.events.publish({ type, channel_id: message.channelId, payload: toMessageView(message) });
      }
      erased += batch.length;
      previous = new Set(batch.map((m) => m.id));
    }
  }
}

/**
 * What the erasure wrote stops naming the user, so a batch never holds what the previous one did;
 * if it does, a write did not take and the loop would never end.
 */
function assertProgress<K>(previous: ReadonlySet<K>, batch: readonly { id: K }[], what: string): void {
  const stuck = batch.find((item) => previous.has(item.id));
  if (stuck) throw new Error(`${what} ${String(stuck.id)} still names the user after its erasure`);
}
