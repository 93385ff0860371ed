import {
  centralizedBody,
  centralizedQuery,
  channelParams,
  markReadBody,
  messageParams,
} from '../edge/chat-request.schemas';
import { centralizedView, readBy, readState } from './chat-response.schemas';
import { endpoint } from './endpoint';

/** Reading: the read pointer, receipts, and the centralized view (every conversation with its unread count). */
export const readingEndpoints = [
  endpoint({
    method: 'post',
    path: '/channels/:id/mark_read',
    tag: 'reading',
    summary: 'Move the caller’s read pointer forward (default: to the latest message)',
    description:
      'The pointer never moves back: an older message_id changes nothing and returns the current state.',
    params: channelParams,
    body: markReadBody,
    responses: { 200: { description: 'the caller’s read state', schema: readState } },
    errors: ['channel_not_found', 'message_not_found'],
    handle: async ({ params, body, caller, useCases }) => ({
      status: 200,
      body: await useCases.markRead.execute({
        userId: caller.userId,
        channelId: params.id,
        message_id: body.message_id,
      }),
    }),
  }),
  endpoint({
    method: 'get',
    path: '/channels/:id/messages/:message_id/read_by',
    tag: 'reading',
    summary: 'Who read a message, and when (earliest first; the author is not listed)',
    description: 'Receipts are written by a worker: a read from a moment ago may not be listed yet.',
    params: messageParams,
    responses: { 200: { description: 'the readers', schema: readBy } },
    errors: ['channel_not_found', 'message_not_found'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.getReadBy.execute({
        userId: caller.userId,
        channelId: params.id,
        messageId: params.message_id,
      }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels/:id/centralized',
    tag: 'reading',
    summary: 'The centralized chat view anchored on this channel',
    description: 'The channel and its latest messages, and all the caller’s conversations with their totals.',
    params: channelParams,
    body: centralizedBody,
    responses: { 200: { description: 'the view', schema: centralizedView } },
    errors: ['channel_not_found'],
    handle: async ({ params, body, caller, useCases }) => ({
      status: 200,
      body: await useCases.getCentralizedView.execute({
        userId: caller.userId,
        channelId: params.id,
        ...body,
      }),
    }),
  }),
  endpoint({
    method: 'get',
    path: '/centralized',
    tag: 'reading',
    summary: 'The centralized chat view without an anchor (`channel` null, `messages` empty)',
    query: centralizedQuery,
    responses: { 200: { description: 'the view', schema: centralizedView } },
    errors: [],
    handle: async ({ query, caller, useCases }) => ({
      status: 200,
      body: await useCases.getCentralizedView.execute({ userId: caller.userId, ...query }),
    }),
  }),
];
