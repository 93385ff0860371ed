import { ChatError, ChatNetworkError } from '../errors.js';
import type { HistoryQuery, MessagePage } from '../rest/chat-rest.js';
import { Backoff, type BackoffOptions } from './backoff.js';
import type { MessageSequencer } from './message-sequencer.js';

/** Where a watched channel's delivery starts. */
export type StartFrom =
  /** The latest page of history, then everything after it (default). */
  | 'latest'
  /** The channel's first message: the whole history, then everything after it. */
  | 'beginning'
  /** Just after a message the application holds (it is not delivered again). */
  | { id: number; seq: number };

/** What the sync needs from its channel. */
export interface ChannelSyncDeps {
  sequencer: MessageSequencer;
  /** Reads a page of the channel's history. */
  fetchPage(query: HistoryQuery): Promise<MessagePage>;
  /** True while the channel's socket is connected: a failed read is retried only then. */
  connected(): boolean;
  /** A catch-up finished: every message the server had when it ran was delivered. */
  synced(): void;
  /** A read failed for good (`channel_not_found`: the user was removed). */
  failed(error: ChatError): void;
}

/** Tuning of the catch-up. */
export interface ChannelSyncOptions {
  from?: StartFrom;
  /** Messages per history page, 1-100 (default 100). */
  pageSize?: number;
  /** How long a gap waits for the missing message to arrive live before history is read (default 200 ms). */
  gapGraceMs?: number;
  retry?: BackoffOptions;
}

/**
 * The catch-up of one channel, docs/realtime.md's recipe: on every connect, and when a gap stays
 * open for `gapGraceMs`, read `GET messages/?after=<last delivered id>` page by page until
 * `has_more_after` is false, and hand each page to the sequencer. Catch-ups run one at a time; one
 * asked for while another runs runs again after it, from where that one ended.
 */
export class ChannelSync {
  private running: Promise<void> | undefined;
  private again = false;
  private loadedOnce = false;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly backoff: Backoff;
  private readonly from: StartFrom;
  private readonly pageSize: number;
  private readonly gapGraceMs: number;

  constructor(
    private readonly deps: ChannelSyncDeps,
    options: ChannelSyncOptions = {},
  ) {
    this.from = options.from ?? 'latest';
    this.pageSize = options.pageSize ?? 100;
    this.gapGraceMs = options.gapGraceMs ?? 200;
    this.backoff = new Backoff(options.retry);
    if (typeof this.from === 'object') deps.sequencer.startAfter(this.from.id, this.from.seq);
  }

  /** Catches up now (on connect); resolves when this catch-up, or the one it joined, is done. */
  resync(): Promise<void> {
    clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /** A live message arrived ahead of the next seq: catch up unless the gap fills by itself soon. */
  noticeGap(): void {
    if (this.gapTimer || this.running) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (this.deps.sequencer.hasGap) void this.resync();
    }, this.gapGraceMs);
  }

  /** Stops every timer; a catch-up in flight delivers nothing more. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.gapTimer);
    clearTimeout(this.retryTimer);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.catchUp();
        this.backoff.reset();
        if (!this.stopped) this.deps.synced();
      } catch (error) {
        this.onFailure(error);
        return;
      }
    } while (this.again && !this.stopped);
  }

  private async catchUp(): Promise<void> {
    if (!this.loadedOnce && this.from === 'latest') {
      const latest = await this.deps.fetchPage({ limit: this.pageSize });
      if (this.stopped) return;
      this.deps.sequencer.applyPage(latest.results);
    }
    this.loadedOnce = true;
    for (;;) {
      const after = this.deps.sequencer.position.lastId;
      const page = await this.deps.fetchPage({ after, limit: this.pageSize });
      if (this.stopped) return;
      this.deps.sequencer.applyPage(page.results);
      if (!page.has_more_after) return;
    }
  }

  private onFailure(error: unknown): void {
    if (this.stopped) return;
    const retryable = error instanceof ChatNetworkError || (error instanceof ChatError && error.transient);
    if (error instanceof ChatError && !retryable) return this.deps.failed(error);
    // Offline: the next connect catches up. Online (an outage, a rate limit): retry with backoff.
    if (!this.deps.connected()) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.resync(), this.backoff.next());
  }
}
