import { messageParams, reactionBody } from '../edge/chat-request.schemas';
import { messageView } from './chat-response.schemas';
import { endpoint } from './endpoint';

/** A message's reactions: add and remove the caller's own. Both answer the message as the caller sees it. */
export const reactionEndpoints = [
  endpoint({
    method: 'post',
    path: '/channels/:id/messages/:message_id/reactions',
    tag: 'reactions',
    summary: 'React to a message (one reaction per user, message and emoji)',
    description:
      'Adds the caller’s reaction and sends `reaction.added` to the channel. Idempotent: a reaction the ' +
      'caller already has answers 200 and sends nothing. A deleted message (tombstone) takes none: 409 `conflict`.',
    params: messageParams,
    body: reactionBody,
    responses: {
      201: {
        description: 'added: the message with its counts and the caller’s own reactions',
        schema: messageView,
      },
      200: { description: 'the caller had already reacted so: the message, unchanged', schema: messageView },
    },
    errors: ['channel_not_found', 'message_not_found', 'conflict'],
    handle: async ({ params, body, caller, useCases }) => {
      const { message, created } = await useCases.addReaction.execute({
        userId: caller.userId,
        channelId: params.id,
        messageId: params.message_id,
        emoji: body.emoji,
      });
      return { status: created ? 201 : 200, body: message };
    },
  }),
  endpoint({
    method: 'delete',
    path: '/channels/:id/messages/:message_id/reactions',
    tag: 'reactions',
    summary: 'Take back the caller’s reaction',
    description:
      'The body names the emoji (`{"emoji": "+1"}`). Sends `reaction.removed` to the channel when the ' +
      'caller had that reaction; idempotent otherwise (200, nothing sent).',
    params: messageParams,
    body: reactionBody,
    responses: { 200: { description: 'the message with its counts after it', schema: messageView } },
    errors: ['channel_not_found', 'message_not_found'],
    handle: async ({ params, body, caller, useCases }) => ({
      status: 200,
      body: await useCases.removeReaction.execute({
        userId: caller.userId,
        channelId: params.id,
        messageId: params.message_id,
        emoji: body.emoji,
      }),
    }),
  }),
];
