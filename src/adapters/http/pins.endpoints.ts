import { MAX_PINS_PER_CHANNEL } from '../../domain/pin/pin';
import { channelParams, messageParams, pinBody } from '../edge/chat-request.schemas';
import { messageView, pinnedMessages } from './chat-response.schemas';
import { endpoint } from './endpoint';

const WHO_MAY_PIN =
  'Admins; members too when the channel’s `members_can_pin` is on; guests never; in a direct channel ' +
  'either participant (403 `insufficient_role` otherwise).';

/** A channel's pinned messages: list, pin, unpin. */
export const pinEndpoints = [
  endpoint({
    method: 'get',
    path: '/channels/:id/pinned',
    tag: 'pins',
    summary: 'The channel’s pinned messages, the most recently pinned first',
    params: channelParams,
    responses: { 200: { description: 'the pinned messages', schema: pinnedMessages } },
    errors: ['channel_not_found'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.listPinnedMessages.execute({ userId: caller.userId, channelId: params.id }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels/:id/pinned',
    tag: 'pins',
    summary: 'Pin a message',
    description:
      `${WHO_MAY_PIN} Sends \`message.pinned\` to the channel. Idempotent: a pinned message keeps its ` +
      `first pin (200, nothing sent). A channel holds at most ${MAX_PINS_PER_CHANNEL} pins: one more is ` +
      '409 `conflict` (`details.limit`), as is pinning a deleted message.',
    params: channelParams,
    body: pinBody,
    responses: {
      201: { description: 'pinned: the message with `pinned_at` and `pinned_by`', schema: messageView },
      200: { description: 'it was already pinned: the message, unchanged', schema: messageView },
    },
    errors: ['channel_not_found', 'message_not_found', 'insufficient_role', 'conflict'],
    handle: async ({ params, body, caller, useCases }) => {
      const { message, created } = await useCases.pinMessage.execute({
        userId: caller.userId,
        channelId: params.id,
        messageId: body.message_id,
      });
      return { status: created ? 201 : 200, body: message };
    },
  }),
  endpoint({
    method: 'delete',
    path: '/channels/:id/pinned/:message_id',
    tag: 'pins',
    summary: 'Unpin a message',
    description: `${WHO_MAY_PIN} Sends \`message.unpinned\` when it was pinned; idempotent otherwise.`,
    params: messageParams,
    responses: { 200: { description: 'the message, no longer pinned', schema: messageView } },
    errors: ['channel_not_found', 'message_not_found', 'insufficient_role'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.unpinMessage.execute({
        userId: caller.userId,
        channelId: params.id,
        messageId: params.message_id,
      }),
    }),
  }),
];
