import { ChatError, ChatNetworkError } from '@chat-backend/sdk';

const WORDS: Partial<Record<string, string>> = {
  unauthenticated: 'Your session is not valid any more: sign in again.',
  token_expired: 'Your session expired: sign in again.',
  tenant_not_found: 'This workspace does not exist.',
  channel_not_found: 'This conversation does not exist, or you are not in it.',
  message_not_found: 'That message is gone.',
  forbidden: 'Only the author may do that.',
  insufficient_role: 'Only an admin of this conversation may do that.',
  conflict: 'That message was deleted meanwhile.',
  rate_limited: 'You are going too fast: wait a moment.',
  service_unavailable: 'The server is busy or restarting: try again in a moment.',
};

/** An error from the server or the network, in words a user understands. */
export function describeError(error: unknown): string {
  if (error instanceof ChatNetworkError) return 'No connection to the server: check your network.';
  if (error instanceof ChatError) {
    if (error.code === 'validation_error') return `Not accepted: ${error.message}`;
    return WORDS[error.code] ?? error.message;
  }
  if (error instanceof DOMException && error.name === 'AbortError') return 'Cancelled.';
  return error instanceof Error ? error.message : String(error);
}
