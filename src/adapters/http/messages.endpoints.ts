import {
  channelParams,
  editMessageBody,
  listMessagesQuery,
  messageParams,
  sendMessageBody,
} from '../edge/chat-request.schemas';
import { messagePage, messageView } from './chat-response.schemas';
import { endpoint } from './endpoint';

/** A channel's history: read a page, send, edit, delete. */
export const messageEndpoints = [
  endpoint({
    method: 'get',
    path: '/channels/:id/messages',
    tag: 'messages',
    summary: 'A page of history, ascending by id',
    description:
      'Without `before`/`after`: the latest page. `before`: the latest `limit` messages before it; ' +
      '`after`: the first `limit` after it. Walk back with `before` = the first id of a page, forward ' +
      'with `after` = the last id.',
    params: channelParams,
    query: listMessagesQuery,
    responses: { 200: { description: 'a page of messages', schema: messagePage } },
    errors: ['channel_not_found', 'message_not_found'],
    handle: async ({ params, query, caller, useCases }) => ({
      status: 200,
      body: await useCases.listMessages.execute({ userId: caller.userId, channelId: params.id, ...query }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels/:id/send_message',
    tag: 'messages',
    summary: 'Send a message (the sender is always the token’s subject)',
    description:
      'A repeated `client_message_id` (same user, same channel) returns the first message with 200 ' +
      'and stores nothing. Fields the server assigns (`id`, `seq`, `user_id`, `created_at` …) are refused.',
    params: channelParams,
    body: sendMessageBody,
    responses: {
      201: { description: 'sent', schema: messageView },
      200: { description: 'the message first sent with this client_message_id', schema: messageView },
    },
    errors: ['channel_not_found', 'message_not_found'],
    handle: async ({ params, body, caller, useCases }) => {
      const { message, created } = await useCases.sendMessage.execute({
        ...body,
        userId: caller.userId,
        channelId: params.id,
      });
      return { status: created ? 201 : 200, body: message };
    },
  }),
  endpoint({
    method: 'patch',
    path: '/channels/:id/messages/:message_id',
    tag: 'messages',
    summary: 'Edit a message’s content (its author only)',
    params: messageParams,
    body: editMessageBody,
    responses: { 200: { description: 'the edited message', schema: messageView } },
    errors: ['channel_not_found', 'message_not_found', 'forbidden', 'conflict'],
    handle: async ({ params, body, caller, useCases }) => ({
      status: 200,
      body: await useCases.editMessage.execute({
        userId: caller.userId,
        channelId: params.id,
        messageId: params.message_id,
        content: body.content,
      }),
    }),
  }),
  endpoint({
    method: 'delete',
    path: '/channels/:id/messages/:message_id',
    tag: 'messages',
    summary: 'Delete a message (its author, or an admin outside direct channels)',
    description: 'The message stays as a tombstone (content emptied, `deleted_at` set). Idempotent.',
    params: messageParams,
    responses: { 200: { description: 'the tombstone', schema: messageView } },
    errors: ['channel_not_found', 'message_not_found', 'forbidden', 'insufficient_role'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.deleteMessage.execute({
        userId: caller.userId,
        channelId: params.id,
        messageId: params.message_id,
      }),
    }),
  }),
];
