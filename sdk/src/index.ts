/**
 * The chat backend's TypeScript client: typed REST, and real time that never loses, duplicates or
 * reorders a message. Start with {@link ChatClient}; sdk/README.md has a host application's
 * integration end to end.
 *
 * @packageDocumentation
 */
export { ChatClient, type ChatClientOptions } from './chat-client.js';
export { Emitter, type ListenOptions } from './emitter.js';
export {
  ChatError,
  ChatNetworkError,
  CHAT_ERROR_CODES,
  type ChatErrorBody,
  type ChatErrorCode,
} from './errors.js';
export type { paths, components } from './generated/openapi.js';
export {
  ChatRest,
  type ChannelList,
  type HistoryQuery,
  type InboxView,
  type MessagePage,
} from './rest/chat-rest.js';
export type { ApiClient } from './rest/rest-client.js';
export type { TokenProvider } from './rest/token-source.js';
export type { BackoffOptions } from './realtime/backoff.js';
export type { StartFrom } from './realtime/channel-sync.js';
export { applyReaction } from './reactions.js';
export { Inbox, type InboxEvents } from './realtime/inbox.js';
export { TypingChannel, type TypingChannelEvents } from './realtime/typing-channel.js';
export { TypingIndicator, type TypingChange, type TypingOptions } from './realtime/typing.js';
export { WatchedChannel } from './realtime/watched-channel.js';
export type { ChannelEvents, ChannelStats, WatchOptions } from './realtime/channel-events.js';
export type * from './types.js';
