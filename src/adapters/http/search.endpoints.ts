import { searchQuery } from '../edge/chat-request.schemas';
import { searchPage } from './chat-response.schemas';
import { endpoint } from './endpoint';

/** Message search over the caller's channels. */
export const searchEndpoints = [
  endpoint({
    method: 'get',
    path: '/search',
    tag: 'messages',
    summary: 'Find messages by their words, in the caller’s channels, most recent first',
    description:
      'Every word of `q` must appear in a message (whole words, case- and accent-insensitive; words of ' +
      'one character and common English stop words are ignored). Only channels the caller is in are ' +
      'searched; deleted messages are never found. Page with `cursor` = the previous `next_cursor`.',
    query: searchQuery,
    responses: { 200: { description: 'a page of messages', schema: searchPage } },
    errors: ['channel_not_found'],
    handle: async ({ query, caller, useCases }) => ({
      status: 200,
      body: await useCases.searchMessages.execute({ userId: caller.userId, ...query }),
    }),
  }),
];
