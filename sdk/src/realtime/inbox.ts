import { Emitter } from '../emitter.js';
import { ChatError, ChatNetworkError } from '../errors.js';
import type { ChatRest } from '../rest/chat-rest.js';
import type {
  BlockUpdate,
  ChatNotification,
  PresenceStatus,
  PresenceUpdate,
  UnreadUpdate,
} from '../types.js';
import { Backoff, type BackoffOptions } from './backoff.js';
import type { NamespaceSocket } from './namespace-socket.js';

/** Events of the inbox (`/ws/presence`). */
export interface InboxEvents {
  /** The caller's unread count of a channel changed (live, or found by a resync). */
  unread: UnreadUpdate;
  /** A user came online, went offline or changed status (`online` holds everyone's). */
  presence: PresenceUpdate;
  /** A new message, or a mention, in one of the caller's channels. */
  notification: ChatNotification;
  /**
   * The caller blocked or unblocked someone (on any device). Live channel events are the same for
   * everyone: filter the blocked users' messages with your block list (`GET blocks/` and this).
   */
  block: BlockUpdate;
  /** The unread counts were read again from the server (after each connect). */
  synced: void;
  connected: void;
  disconnected: string;
  /** The server refused the connection for good (`unauthenticated`, `tenant_not_found`). */
  error: ChatError;
}

/**
 * The caller's inbox and the tenant's presence, on `/ws/presence`: unread counts per channel and in
 * total (from `unread.update`, and read again from `GET centralized/` after every connect, since
 * updates are not replayed), who is online, and notifications.
 */
export class Inbox extends Emitter<InboxEvents> {
  /** Unread count per channel id (every channel of the caller after the first sync). */
  readonly unread = new Map<string, number>();
  /** Online users and their status (from `online.users` and `presence.update`). */
  readonly online = new Map<string, Exclude<PresenceStatus, 'offline'>>();
  /** Channels muted at the last resync: their counts stay out of the total, as the server's badge. */
  private readonly muted = new Set<string>();
  /** Channels updated live while a resync's request is in flight: their live count is newer. */
  private updatedDuringResync: Set<string> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff: Backoff;

  constructor(
    private readonly connection: NamespaceSocket,
    private readonly rest: ChatRest,
    private readonly ackTimeoutMs: number,
    retry: BackoffOptions = {},
  ) {
    super();
    this.backoff = new Backoff(retry);
    this.listen();
  }

  /** Unread messages over the caller's channels, muted ones left out. */
  get totalUnread(): number {
    // Summed here rather than taken from the last unread.update: updates carry no version, so one
    // that arrives late would leave a stale total, while the per-channel counts are each current.
    let total = 0;
    for (const [id, count] of this.unread) if (!this.muted.has(id)) total += count;
    return total;
  }

  /** True while `/ws/presence` is connected. */
  get connected(): boolean {
    return this.connection.connected;
  }

  /** The caller's unread count in a channel (0 when unknown). */
  unreadCount(channelId: string): number {
    return this.unread.get(channelId) ?? 0;
  }

  /** Sets the caller's status for the tenant (`online`, `away`, `busy`) until they go offline. */
  async setStatus(status: Exclude<PresenceStatus, 'offline'>): Promise<void> {
    await this.connection.request('status.update', { status }, this.ackTimeoutMs);
  }

  /** Reads every unread count again; one asked for while another runs runs again after it. */
  resync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Leaves `/ws/presence`. */
  close(): void {
    clearTimeout(this.retryTimer);
    this.connection.close();
    this.removeAllListeners();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.readCounts();
        this.backoff.reset();
      } catch (error) {
        return this.onFailure(error);
      }
    } while (this.again);
  }

  private async readCounts(): Promise<void> {
    const updated = new Set<string>();
    this.updatedDuringResync = updated;
    const view = await this.rest.inbox().finally(() => (this.updatedDuringResync = undefined));
    const live = new Map([...updated].map((id) => [id, this.unread.get(id) ?? 0]));
    this.unread.clear();
    for (const channel of view.conversations) this.unread.set(channel.id, channel.unread_count);
    for (const [id, count] of live) this.unread.set(id, count);
    this.muted.clear();
    for (const channel of view.conversations) if (channel.is_muted) this.muted.add(channel.id);
    this.emit('synced', undefined);
  }

  private onFailure(error: unknown): void {
    const retryable = error instanceof ChatNetworkError || (error instanceof ChatError && error.transient);
    if (!retryable) {
      if (error instanceof ChatError) this.emit('error', error);
      return;
    }
    // Offline: the next connect reads again. Online: retry with backoff.
    if (!this.connection.connected) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.resync(), this.backoff.next());
  }

  private listen(): void {
    const { socket } = this.connection;
    socket.on('unread.update', (update: UnreadUpdate) => {
      this.updatedDuringResync?.add(update.channel_id);
      this.unread.set(update.channel_id, update.unread_count);
      this.emit('unread', update);
    });
    socket.on(
      'online.users',
      ({ users }: { users: { user_id: string; status: Exclude<PresenceStatus, 'offline'> }[] }) => {
        this.online.clear();
        for (const { user_id, status } of users) this.online.set(user_id, status);
      },
    );
    socket.on('presence.update', (update: PresenceUpdate) => {
      if (update.status === 'offline') this.online.delete(update.user_id);
      else this.online.set(update.user_id, update.status);
      this.emit('presence', update);
    });
    socket.on('notification', (notification: ChatNotification) => this.emit('notification', notification));
    socket.on('block.updated', (update: BlockUpdate) => this.emit('block', update));
    this.connection.on('connect', () => {
      this.emit('connected', undefined);
      void this.resync();
    });
    this.connection.on('disconnect', (reason) => this.emit('disconnected', reason));
    this.connection.on('refused', (error) => this.emit('error', error));
  }
}
