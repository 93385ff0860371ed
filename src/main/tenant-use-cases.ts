import type { TenantPorts, TenantUseCases } from '../adapters/tenancy/tenant-context';
import { GetCentralizedView } from '../application/centralized/get-centralized-view.use-case';
import { EraseUser } from '../application/data-rights/erase-user.use-case';
import { ExportTenantData } from '../application/data-rights/export-tenant-data.use-case';
import { ExportUserData } from '../application/data-rights/export-user-data.use-case';
import { CheckChannelAccess } from '../application/channels/check-channel-access.use-case';
import { CreateChannel } from '../application/channels/create-channel.use-case';
import { GetChannel } from '../application/channels/get-channel.use-case';
import { ListChannels } from '../application/channels/list-channels.use-case';
import { MuteChannel } from '../application/channels/mute-channel.use-case';
import { UnmuteChannel } from '../application/channels/unmute-channel.use-case';
import { DeleteMessage } from '../application/messaging/delete-message.use-case';
import { EditMessage } from '../application/messaging/edit-message.use-case';
import { ListMessages } from '../application/messaging/list-messages.use-case';
import { SearchMessages } from '../application/messaging/search-messages.use-case';
import { ResumePendingSends } from '../application/messaging/resume-pending-sends.use-case';
import { CompleteSend } from '../application/messaging/complete-send.use-case';
import { SendMessage } from '../application/messaging/send-message.use-case';
import { NotifyParticipants } from '../application/notifications/notify-participants.use-case';
import { ListPinnedMessages } from '../application/pins/list-pinned-messages.use-case';
import { PinMessage } from '../application/pins/pin-message.use-case';
import { UnpinMessage } from '../application/pins/unpin-message.use-case';
import { AddReaction } from '../application/reactions/add-reaction.use-case';
import { RemoveReaction } from '../application/reactions/remove-reaction.use-case';
import { AddParticipant } from '../application/participants/add-participant.use-case';
import { AddParticipants } from '../application/participants/add-participants.use-case';
import { ChangeRole } from '../application/participants/change-role.use-case';
import { RemoveParticipant } from '../application/participants/remove-participant.use-case';
import { GetReadBy } from '../application/reading/get-read-by.use-case';
import { MarkRead } from '../application/reading/mark-read.use-case';
import { RecordReadReceipt } from '../application/reading/record-read-receipt.use-case';
import { UnreadRefresh } from '../application/reading/unread-refresh';
import { UpsertUserProfile } from '../application/users/upsert-user-profile.use-case';
import { buildModerationUseCases } from './moderation-use-cases';

/**
 * Wires every use case to one tenant's ports: the one place that does, for the composition root
 * (CachedTenantContexts, on MongoDB and Redis) and for the tests (on in-memory ports, or on real
 * ones they wrap).
 */
export function buildUseCases(p: TenantPorts): TenantUseCases {
  return {
    createChannel: new CreateChannel(
      p.channels,
      p.readStates,
      p.users,
      p.uuids,
      p.clock,
      p.moderation.blocks,
      p.moderation.channels,
    ),
    listChannels: new ListChannels(p.channels, p.readStates, p.moderation.blocks),
    getChannel: new GetChannel(p.channels, p.readStates, p.moderation.blocks),
    checkChannelAccess: new CheckChannelAccess(p.membership),
    muteChannel: new MuteChannel(p.channels, p.readStates, p.unreadTotals),
    unmuteChannel: new UnmuteChannel(p.channels, p.readStates, p.unreadTotals),
    listMessages: new ListMessages(p.channels, p.messages, p.moderation.blocks),
    searchMessages: new SearchMessages(p.channels, p.search, p.messages),
    sendMessage: new SendMessage(
      p.membership,
      p.messages,
      p.events,
      p.jobs,
      p.clock,
      p.sendHoldMs,
      p.moderation.slowMode,
    ),
    editMessage: new EditMessage(p.channels, p.messages, p.events, p.clock),
    deleteMessage: new DeleteMessage(p.channels, p.messages, p.events, p.clock, p.reactions, p.pins),
    markRead: new MarkRead(p.channels, p.messages, p.readStates, p.events, p.jobs, p.clock, p.unreadTotals),
    getReadBy: new GetReadBy(p.channels, p.messages, p.receipts),
    getCentralizedView: new GetCentralizedView(p.channels, p.messages, p.readStates, p.moderation.blocks),
    addParticipant: new AddParticipant(p.channels, p.readStates, p.users, p.events, p.clock),
    addParticipants: new AddParticipants(p.channels, p.readStates, p.users, p.events, p.clock),
    removeParticipant: new RemoveParticipant(p.channels, p.readStates, p.events),
    changeRole: new ChangeRole(p.channels, p.membership),
    upsertUserProfile: new UpsertUserProfile(p.users, p.clock),
    recordReadReceipt: new RecordReadReceipt(p.receipts, p.readStates),
    completeSend: new CompleteSend(
      p.channels,
      p.messages,
      p.readStates,
      p.jobs,
      new UnreadRefresh(
        { channels: p.channels, readStates: p.readStates },
        p.events,
        p.unreadTotals,
        p.presence,
      ),
    ),
    notifyParticipants: new NotifyParticipants(
      p.channels,
      p.messages,
      p.readStates,
      p.events,
      p.notificationLog,
      p.presence,
      p.offline,
    ),
    resumePendingSends: new ResumePendingSends(p.outbox, p.channels, p.messages, p.jobs),
    addReaction: new AddReaction(p.channels, p.messages, p.reactions, p.events, p.clock),
    removeReaction: new RemoveReaction(p.channels, p.messages, p.reactions, p.events),
    pinMessage: new PinMessage(p.channels, p.messages, p.pins, p.events, p.clock),
    unpinMessage: new UnpinMessage(p.channels, p.messages, p.pins, p.events),
    listPinnedMessages: new ListPinnedMessages(p.channels, p.messages, p.pins),
    exportTenantData: new ExportTenantData(p.dataReader, p.clock),
    exportUserData: new ExportUserData(p.dataReader, p.users, p.readStates, p.clock),
    eraseUser: new EraseUser(p.channels, p.readStates, p.erasures, p.liveState, p.events, p.uuids, p.clock),
    moderation: buildModerationUseCases(p),
  };
}
