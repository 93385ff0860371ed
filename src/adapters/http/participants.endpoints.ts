import { addParticipantBody, changeRoleBody, channelParams, participantParams } from './chat-request.schemas';
import { participantRemoval, participantView } from './chat-response.schemas';
import { endpoint } from './endpoint';

/** Membership of group and contextual channels: add (admins), remove (admins, or anyone leaving), change roles. */
export const participantEndpoints = [
  endpoint({
    method: 'post',
    path: '/channels/:id/participants',
    tag: 'participants',
    summary: 'Add a participant (admins)',
    description:
      'The role defaults to `guest` for guest users and `member` otherwise. Adding someone already in ' +
      'the channel changes nothing and answers 200.',
    params: channelParams,
    body: addParticipantBody,
    responses: {
      201: { description: 'added', schema: participantView },
      200: { description: 'already a participant (unchanged)', schema: participantView },
    },
    errors: ['channel_not_found', 'insufficient_role', 'forbidden'],
    handle: async ({ params, body, caller, useCases }) => {
      const { participant, added } = await useCases.addParticipant.execute({
        ...body,
        userId: caller.userId,
        channelId: params.id,
      });
      return { status: added ? 201 : 200, body: participant };
    },
  }),
  endpoint({
    method: 'delete',
    path: '/channels/:id/participants/:user_id',
    tag: 'participants',
    summary: 'Remove a participant (admins), or leave (your own user id)',
    description:
      'When the last admin leaves, the longest-standing internal participant becomes admin (`promoted`).',
    params: participantParams,
    responses: { 200: { description: 'removed', schema: participantRemoval } },
    errors: ['channel_not_found', 'insufficient_role', 'not_found', 'forbidden'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.removeParticipant.execute({
        userId: caller.userId,
        channelId: params.id,
        targetUserId: params.user_id,
      }),
    }),
  }),
  endpoint({
    method: 'patch',
    path: '/channels/:id/participants/:user_id',
    tag: 'participants',
    summary: 'Change a participant’s role (admins)',
    description: 'The last admin cannot step down while others remain (409 conflict): promote someone first.',
    params: participantParams,
    body: changeRoleBody,
    responses: { 200: { description: 'the participant with the new role', schema: participantView } },
    errors: ['channel_not_found', 'insufficient_role', 'not_found', 'conflict'],
    handle: async ({ params, body, caller, useCases }) => ({
      status: 200,
      body: await useCases.changeRole.execute({
        userId: caller.userId,
        channelId: params.id,
        targetUserId: params.user_id,
        role: body.role,
      }),
    }),
  }),
];
