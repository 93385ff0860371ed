import { channelParams, createChannelBody, listChannelsQuery } from '../edge/chat-request.schemas';
import { updateChannelBody } from '../edge/moderation-request.schemas';
import { channelList, channelView, muteState } from './chat-response.schemas';
import { endpoint } from './endpoint';

/** `channels/`: the caller's channels; create, read, rename, mute. Thin: parse, call the use case, reply. */
export const channelEndpoints = [
  endpoint({
    method: 'get',
    path: '/channels',
    tag: 'channels',
    summary: "The caller's channels, most recent activity first",
    description: 'Keyset-paginated: pass `next_cursor` back as `cursor` for the next page.',
    query: listChannelsQuery,
    responses: { 200: { description: 'a page of channels', schema: channelList } },
    errors: [],
    handle: async ({ query, caller, useCases }) => ({
      status: 200,
      body: await useCases.listChannels.execute({ userId: caller.userId, ...query }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels',
    tag: 'channels',
    summary: 'Create a channel (the caller is its admin)',
    description:
      '`direct`: exactly one other user; the pair’s existing direct channel is returned with 200. ' +
      '`group`: `name` required. `contextual_object`: the three context fields required; one channel ' +
      'per context, the existing one is returned with 200 (404 if the caller is not in it).',
    body: createChannelBody,
    responses: {
      201: { description: 'created', schema: channelView },
      200: { description: 'the existing direct or contextual channel', schema: channelView },
    },
    errors: ['channel_not_found'],
    handle: async ({ body, caller, useCases }) => {
      const { channel, created } = await useCases.createChannel.execute({
        ...body,
        userId: caller.userId,
        userType: caller.userType,
      });
      return { status: created ? 201 : 200, body: channel };
    },
  }),
  endpoint({
    method: 'get',
    path: '/channels/:id',
    tag: 'channels',
    summary: 'A channel, with the caller’s unread count and read pointer',
    params: channelParams,
    responses: { 200: { description: 'the channel', schema: channelView } },
    errors: ['channel_not_found'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.getChannel.execute({ userId: caller.userId, channelId: params.id }),
    }),
  }),
  endpoint({
    method: 'patch',
    path: '/channels/:id',
    tag: 'channels',
    summary: 'Rename a group or contextual channel, set its slow mode and whether members may pin (admins)',
    description:
      '`name`, `slow_mode_seconds` (0 turns it off) and `members_can_pin`, any of them; all are checked ' +
      'before any is written. Direct channels have none (403 `forbidden`; both participants of a direct ' +
      'channel may pin). The channel gets `channel.updated`.',
    params: channelParams,
    body: updateChannelBody,
    responses: { 200: { description: 'the updated channel', schema: channelView } },
    errors: ['channel_not_found', 'insufficient_role', 'forbidden'],
    handle: async ({ params, body, caller, useCases }) => ({
      status: 200,
      body: await useCases.moderation.updateChannelSettings.execute({
        ...body,
        userId: caller.userId,
        channelId: params.id,
      }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels/:id/mute',
    tag: 'channels',
    summary: 'Mute the channel for the caller (no notifications, out of the unread totals)',
    params: channelParams,
    responses: { 200: { description: 'muted (idempotent)', schema: muteState } },
    errors: ['channel_not_found'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.muteChannel.execute({ userId: caller.userId, channelId: params.id }),
    }),
  }),
  endpoint({
    method: 'post',
    path: '/channels/:id/unmute',
    tag: 'channels',
    summary: 'Unmute the channel for the caller',
    params: channelParams,
    responses: { 200: { description: 'unmuted (idempotent)', schema: muteState } },
    errors: ['channel_not_found'],
    handle: async ({ params, caller, useCases }) => ({
      status: 200,
      body: await useCases.unmuteChannel.execute({ userId: caller.userId, channelId: params.id }),
    }),
  }),
];
