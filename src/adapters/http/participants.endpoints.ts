import { z } from 'zod';
import {
  addParticipantBody,
  addParticipantsBody,
  changeRoleBody,
  channelParams,
  participantParams,
} from '../edge/chat-request.schemas';
import { channelView, participantRemoval, participantView } from './chat-response.schemas';
import { endpoint, type EndpointInput } from './endpoint';

const addBody = z.union([addParticipantBody, addParticipantsBody]);
const addedView = z.union([participantView, channelView]);

/** Membership of group and contextual channels: add (admins), remove (admins, or anyone leaving), change roles. */
export const participantEndpoints = [
  endpoint({
    method: 'post',
    path: '/channels/:id/participants',
    tag: 'participants',
    summary: 'Add a participant, or several at once (admins)',
    description:
      'One user `{user_id, role?, user_type?}` answers with the Participant; a list ' +
      '`{participants: [{user_id, role?, user_type?}, …]}` (1-100, each user once) answers with the ' +
      'updated Channel, and is all or nothing: one invalid entry and nobody is added. The role defaults ' +
      'to `guest` for guest users and `member` otherwise. Someone already in the channel is left ' +
      'unchanged; 200 when nobody was added.',
    params: channelParams,
    body: addBody,
    responses: {
      201: { description: 'added: the Participant, or the Channel for a list', schema: addedView },
      200: {
        description: 'already in (unchanged): the Participant, or the Channel for a list',
        schema: addedView,
      },
    },
    errors: ['channel_not_found', 'insufficient_role', 'forbidden'],
    handle: addParticipants,
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

async function addParticipants({
  params,
  body,
  caller,
  useCases,
}: EndpointInput<z.infer<typeof channelParams>, unknown, z.infer<typeof addBody>>) {
  const where = { userId: caller.userId, channelId: params.id };
  if ('participants' in body) {
    const { channel, added } = await useCases.addParticipants.execute({ ...where, ...body });
    return { status: added.length > 0 ? 201 : 200, body: channel };
  }
  const { participant, added } = await useCases.addParticipant.execute({ ...where, ...body });
  return { status: added ? 201 : 200, body: participant };
}
