import type { Socket } from 'socket.io-client';
import type { TypingEvent } from '../types.js';

/** Timing of typing indicators. */
export interface TypingOptions {
  /** At most one `is_typing: true` per this many ms while the user keeps typing (default 1,000). */
  throttleMs?: number;
  /** After this many ms without a keystroke, `is_typing: false` is sent by itself (default 3,000). */
  idleMs?: number;
  /**
   * Someone else's indicator is dropped this many ms after their last `true` if no `false` came
   * (default 8,000: the server's quiet time plus its throttle; its `false` is lost if their node dies).
   */
  expireMs?: number;
}

/** A change of who is typing in a channel: the event, and everyone typing after it. */
export interface TypingChange extends TypingEvent {
  /** User ids typing now, in the order they started. */
  typing: string[];
}

/**
 * Typing in one channel, both ways. `keystroke()` on every input sends `is_typing: true` at most
 * once per `throttleMs`, and `is_typing: false` by itself after `idleMs` of quiet; `stop()` when the
 * draft is sent or cleared. Others' indicators are kept with an expiry, and dropped on disconnect
 * (the `false` may have been missed meanwhile).
 */
export class TypingIndicator {
  private typing = false;
  private lastSentAt = -Infinity;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly others = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly throttleMs: number;
  private readonly idleMs: number;
  private readonly expireMs: number;

  constructor(
    private readonly socket: Socket,
    private readonly channelId: string,
    private readonly onChange: (change: TypingChange) => void,
    options: TypingOptions = {},
  ) {
    this.throttleMs = options.throttleMs ?? 1_000;
    this.idleMs = options.idleMs ?? 3_000;
    this.expireMs = options.expireMs ?? 8_000;
  }

  /** User ids typing in the channel now (never the caller). */
  get users(): string[] {
    return [...this.others.keys()];
  }

  /** The user typed: tells the channel (throttled) and restarts the quiet timer. */
  keystroke(): void {
    const now = Date.now();
    if (!this.typing || now - this.lastSentAt >= this.throttleMs) this.send(true, now);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  /** The user stopped (sent or cleared the draft): tells the channel at once, if it was told of typing. */
  stop(): void {
    clearTimeout(this.idleTimer);
    if (this.typing) this.send(false, Date.now());
  }

  /** Someone else's `typing` event. */
  receive(event: TypingEvent): void {
    clearTimeout(this.others.get(event.user_id));
    if (event.is_typing) {
      this.others.set(
        event.user_id,
        setTimeout(() => this.drop(event.user_id), this.expireMs),
      );
    } else if (this.others.has(event.user_id)) {
      this.others.delete(event.user_id);
    } else {
      return;
    }
    this.onChange({ ...event, typing: this.users });
  }

  /** The connection dropped: the server stops our typing for the others; theirs may be stale. */
  disconnected(): void {
    clearTimeout(this.idleTimer);
    this.typing = false;
    for (const userId of [...this.others.keys()]) this.drop(userId);
  }

  private drop(userId: string): void {
    clearTimeout(this.others.get(userId));
    this.others.delete(userId);
    this.onChange({ channel_id: this.channelId, user_id: userId, is_typing: false, typing: this.users });
  }

  private send(isTyping: boolean, now: number): void {
    // Volatile: typing is worth nothing later, so it is never queued while disconnected.
    if (!this.socket.connected) return;
    this.socket.volatile.emit('typing', { is_typing: isTyping });
    this.typing = isTyping;
    this.lastSentAt = now;
  }
}
