import { channelParams, messageParams, participantParams } from '../edge/chat-request.schemas';
import { channelBanBody, channelMuteBody, flagMessageBody } from '../edge/moderation-request.schemas';
import { channelRestrictionList, channelRestrictionView, flagView } from './moderation-response.schemas';
import { endpoint } from './endpoint';

const ADMIN_ERRORS = ['channel_not_found', 'insufficient_role', 'forbidden'];

/** A channel's moderation (admins): bans and mutes; and flags, which any participant raises. */
export const moderationEndpoints = [
  endpoint({
    method: 'get',
    path: '/channels/:id/bans',
    tag: 'moderation',
    summary: 'The bans in force (admins)',
    params: channelParams,
    responses: { 200: { description: 'the bans, oldest first', schema: channelRestrictionList } },
    errors: ADMIN_ERRORS,
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.moderation.listChannelBans.execute({
        userId: caller.userId,
        channelId: params.id,
      }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels/:id/bans',
    tag: 'moderation',
    summary: 'Ban a user: removed, and kept out (no add, no send) until the ban ends or is lifted (admins)',
    description:
      'Group and contextual channels (403 `forbidden` on a direct channel, or for oneself). A participant ' +
      'is removed (`participant.removed` with `reason: "banned"`, their sockets disconnected); anyone else ' +
      'is kept out. Adding a banned user is 409 `conflict`. Banning someone already banned replaces the ' +
      'ban (new `until`, new `reason`) and answers 200.',
    params: channelParams,
    body: channelBanBody,
    responses: {
      201: { description: 'banned', schema: channelRestrictionView },
      200: { description: 'was banned already: the ban, replaced', schema: channelRestrictionView },
    },
    errors: ADMIN_ERRORS,
    handle: async ({ params, body, caller, useCases }) => {
      const { ban, created } = await useCases.moderation.banFromChannel.execute({
        ...body,
        userId: caller.userId,
        channelId: params.id,
      });
      return { status: created ? 201 : 200, body: ban };
    },
  }),
  endpoint({
    method: 'delete',
    path: '/channels/:id/bans/:user_id',
    tag: 'moderation',
    summary: 'Lift a ban (admins): the user may be added again (they are not added by it)',
    params: participantParams,
    responses: { 200: { description: 'the ban lifted', schema: channelRestrictionView } },
    errors: [...ADMIN_ERRORS, 'not_found'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.moderation.liftChannelBan.execute({
        userId: caller.userId,
        channelId: params.id,
        targetUserId: params.user_id,
      }),
    }),
  }),
  endpoint({
    method: 'get',
    path: '/channels/:id/mutes',
    tag: 'moderation',
    summary: 'The muted members (admins)',
    params: channelParams,
    responses: { 200: { description: 'the mutes, oldest first', schema: channelRestrictionList } },
    errors: ADMIN_ERRORS,
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.moderation.listMutedMembers.execute({
        userId: caller.userId,
        channelId: params.id,
      }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels/:id/mutes',
    tag: 'moderation',
    summary: 'Mute a member: they read, their sends are refused until the mute ends or is lifted (admins)',
    description:
      'Not the caller’s own mute of the channel (`POST channels/{id}/mute/`, notifications): this one ' +
      'silences a member. Admins cannot be muted (403 `forbidden`), nor anyone in a direct channel; a user ' +
      'who is not a participant is 404 `not_found`. Muting someone muted already replaces the mute (200).',
    params: channelParams,
    body: channelMuteBody,
    responses: {
      201: { description: 'muted', schema: channelRestrictionView },
      200: { description: 'was muted already: the mute, replaced', schema: channelRestrictionView },
    },
    errors: [...ADMIN_ERRORS, 'not_found'],
    handle: async ({ params, body, caller, useCases }) => {
      const { mute, created } = await useCases.moderation.muteMember.execute({
        ...body,
        userId: caller.userId,
        channelId: params.id,
      });
      return { status: created ? 201 : 200, body: mute };
    },
  }),
  endpoint({
    method: 'delete',
    path: '/channels/:id/mutes/:user_id',
    tag: 'moderation',
    summary: 'Lift a member’s mute (admins)',
    params: participantParams,
    responses: { 200: { description: 'the mute lifted', schema: channelRestrictionView } },
    errors: [...ADMIN_ERRORS, 'not_found'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.moderation.unmuteMember.execute({
        userId: caller.userId,
        channelId: params.id,
        targetUserId: params.user_id,
      }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels/:id/messages/:message_id/flags',
    tag: 'moderation',
    summary: 'Flag someone else’s message for the tenant’s moderators (any participant)',
    description:
      'Listed in the admin API (`GET /api/admin/tenants/{slug}/flags/`) and sent to the tenant’s webhook ' +
      '(`type: "message.flagged"`). One flag per message and participant: a repeat answers the first ' +
      'with 200. Flagging one’s own message is 403 `forbidden`, a deleted one 409 `conflict`.',
    params: messageParams,
    body: flagMessageBody,
    responses: {
      201: { description: 'flagged', schema: flagView },
      200: { description: 'flagged already: the first flag', schema: flagView },
    },
    errors: ['channel_not_found', 'message_not_found', 'forbidden', 'conflict'],
    handle: async ({ params, body, caller, useCases }) => {
      const { flag, created } = await useCases.moderation.flagMessage.execute({
        userId: caller.userId,
        channelId: params.id,
        messageId: params.message_id,
        reason: body.reason,
      });
      return { status: created ? 201 : 200, body: flag };
    },
  }),
];
