import type { Manager } from 'socket.io-client';
import type { ChatError } from '../errors.js';
import type { ChatRest } from '../rest/chat-rest.js';
import type { TokenSource } from '../rest/token-source.js';
import type {
  ChannelPresenceEvent,
  ChannelUpdatedEvent,
  Message,
  MessageReadEvent,
  ParticipantAddedEvent,
  ParticipantMutedEvent,
  ParticipantRemovedEvent,
  PinEvent,
  ReactionEvent,
} from '../types.js';
import type { BackoffOptions } from './backoff.js';
import type { StartFrom } from './channel-sync.js';
import type { TypingChange, TypingOptions } from './typing.js';

/** Events of a watched channel. */
export interface ChannelEvents {
  /** A message, in `seq` order, each exactly once (live, or read from history after a gap or a reconnect). */
  message: Message;
  /** A message was edited. */
  'message.updated': Message;
  /** A message was deleted (the tombstone). */
  'message.deleted': Message;
  /** A participant's read pointer moved. */
  'message.read': MessageReadEvent;
  /** Someone else started or stopped typing (or their indicator expired). */
  typing: TypingChange;
  'user.join': ChannelPresenceEvent;
  'user.leave': ChannelPresenceEvent;
  'participant.added': ParticipantAddedEvent;
  'participant.removed': ParticipantRemovedEvent;
  /** An admin muted a participant (they may read, not send). */
  'participant.muted': ParticipantMutedEvent;
  'participant.unmuted': ChannelPresenceEvent;
  /** Someone reacted to a message (`applyReaction` updates a message you hold). */
  'reaction.added': ReactionEvent;
  /** Someone took a reaction back. */
  'reaction.removed': ReactionEvent;
  'message.pinned': PinEvent;
  'message.unpinned': PinEvent;
  /** The channel's name or settings (slow mode, who may pin) changed. */
  'channel.updated': ChannelUpdatedEvent;
  /** Connected (again): a catch-up follows. */
  connected: void;
  /** The connection dropped; sends wait, and the channel catches up when it returns. */
  disconnected: string;
  /** Caught up: every message the server had when the catch-up ran was delivered. */
  synced: { lastId: number; lastSeq: number };
  /** The channel was closed by the server (`channel_not_found`: the user is not, or no longer, in it). */
  error: ChatError;
}

/** What a watched channel did so far: its work per delivered message, for diagnostics and benchmarks. */
export interface ChannelStats {
  /** `chat.message` events received live. */
  live: number;
  /** Messages delivered to the application (live or from history). */
  delivered: number;
  /** Live messages dropped as delivered already. */
  duplicates: number;
  /** Live messages held for a gap before them. */
  held: number;
  /** History pages read (catch-ups after connects and gaps). */
  pagesRead: number;
}

/** How to watch a channel. */
export interface WatchOptions {
  /** Where delivery starts (default `'latest'`: the latest page of history, then everything new). */
  from?: StartFrom;
  /** Closes the watch when aborted. */
  signal?: AbortSignal;
}

/** What every watched channel shares with its client. */
export interface ChannelContext {
  manager: Manager;
  tokens: TokenSource;
  rest: ChatRest;
  retry: BackoffOptions;
  ackTimeoutMs: number;
  gapGraceMs: number;
  typing: TypingOptions;
}
