import { blockUserBody, userParams } from '../edge/moderation-request.schemas';
import { blockList, blockView } from './moderation-response.schemas';
import { endpoint } from './endpoint';

/** `blocks/`: the caller's block list. Thin: parse, call the use case, reply. */
export const blockEndpoints = [
  endpoint({
    method: 'get',
    path: '/blocks',
    tag: 'blocks',
    summary: 'The users the caller blocked, newest first',
    description:
      'Clients filter live events (`chat.message` …) of these users with it; REST views flag them.',
    responses: { 200: { description: 'the blocks', schema: blockList } },
    errors: [],
    handle: async ({ caller, useCases }) => ({
      status: 200,
      body: await useCases.moderation.listBlocks.execute({ userId: caller.userId }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/blocks',
    tag: 'blocks',
    summary: 'Block a user',
    description:
      'Their direct channel with the caller takes no message from either of them (403 `forbidden`), and ' +
      'they cannot open one (403 `forbidden`); in groups their messages are stored and shown to the caller ' +
      'with `from_blocked_user: true`. They are not told. Blocking oneself is 400. A repeat answers 200.',
    body: blockUserBody,
    responses: {
      201: { description: 'blocked', schema: blockView },
      200: { description: 'blocked already', schema: blockView },
    },
    errors: [],
    handle: async ({ body, caller, useCases }) => {
      const { block, created } = await useCases.moderation.blockUser.execute({
        userId: caller.userId,
        user_id: body.user_id,
      });
      return { status: created ? 201 : 200, body: block };
    },
  }),
  endpoint({
    method: 'delete',
    path: '/blocks/:user_id',
    tag: 'blocks',
    summary: 'Unblock a user',
    params: userParams,
    responses: { 200: { description: 'the block removed', schema: blockView } },
    errors: ['not_found'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.moderation.unblockUser.execute({
        userId: caller.userId,
        targetUserId: params.user_id,
      }),
    }),
  }),
];
