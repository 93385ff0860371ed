import { GetCentralizedView } from '../../../src/application/centralized/get-centralized-view.use-case';
import { CreateChannel } from '../../../src/application/channels/create-channel.use-case';
import { GetChannel } from '../../../src/application/channels/get-channel.use-case';
import { ListChannels } from '../../../src/application/channels/list-channels.use-case';
import { MuteChannel } from '../../../src/application/channels/mute-channel.use-case';
import { RenameChannel } from '../../../src/application/channels/rename-channel.use-case';
import { UnmuteChannel } from '../../../src/application/channels/unmute-channel.use-case';
import { DeleteMessage } from '../../../src/application/messaging/delete-message.use-case';
import { EditMessage } from '../../../src/application/messaging/edit-message.use-case';
import { ListMessages } from '../../../src/application/messaging/list-messages.use-case';
import { CompleteSend } from '../../../src/application/messaging/complete-send.use-case';
import { SendMessage } from '../../../src/application/messaging/send-message.use-case';
import { NotifyParticipants } from '../../../src/application/notifications/notify-participants.use-case';
import { AddParticipant } from '../../../src/application/participants/add-participant.use-case';
import { AddParticipants } from '../../../src/application/participants/add-participants.use-case';
import { ChangeRole } from '../../../src/application/participants/change-role.use-case';
import { RemoveParticipant } from '../../../src/application/participants/remove-participant.use-case';
import { GetReadBy } from '../../../src/application/reading/get-read-by.use-case';
import { MarkRead } from '../../../src/application/reading/mark-read.use-case';
import { RecordReadReceipt } from '../../../src/application/reading/record-read-receipt.use-case';
import { UnreadRefresh } from '../../../src/application/reading/unread-refresh';
import { UpsertUserProfile } from '../../../src/application/users/upsert-user-profile.use-case';
import { InMemoryChat } from './in-memory-chat';

/** Every tenant use case wired to the in-memory ports, as the composition root wires the real ones. */
export function useCasesOver(c: InMemoryChat) {
  return {
    createChannel: new CreateChannel(c.channels, c.readStates, c.users, c.uuids, c.clock),
    getChannel: new GetChannel(c.channels, c.readStates),
    listChannels: new ListChannels(c.channels, c.readStates),
    renameChannel: new RenameChannel(c.channels, c.readStates, c.clock),
    muteChannel: new MuteChannel(c.channels, c.readStates, c.unreadTotals),
    unmuteChannel: new UnmuteChannel(c.channels, c.readStates, c.unreadTotals),
    addParticipant: new AddParticipant(c.channels, c.readStates, c.users, c.events, c.clock),
    addParticipants: new AddParticipants(c.channels, c.readStates, c.users, c.events, c.clock),
    removeParticipant: new RemoveParticipant(c.channels, c.readStates, c.events),
    changeRole: new ChangeRole(c.channels),
    sendMessage: new SendMessage(c.membership, c.messages, c.events, c.jobs, c.clock),
    listMessages: new ListMessages(c.channels, c.messages),
    editMessage: new EditMessage(c.channels, c.messages, c.events, c.clock),
    deleteMessage: new DeleteMessage(c.channels, c.messages, c.events, c.clock),
    markRead: new MarkRead(c.channels, c.messages, c.readStates, c.events, c.jobs, c.clock, c.unreadTotals),
    getReadBy: new GetReadBy(c.channels, c.messages, c.receipts),
    recordReadReceipt: new RecordReadReceipt(c.receipts, c.readStates),
    completeSend: new CompleteSend(
      c.channels,
      c.messages,
      c.readStates,
      c.jobs,
      new UnreadRefresh({ channels: c.channels, readStates: c.readStates }, c.events, c.unreadTotals),
    ),
    notifyParticipants: new NotifyParticipants(c.channels, c.messages, c.readStates, c.events),
    getCentralizedView: new GetCentralizedView(c.channels, c.messages, c.readStates),
    upsertUserProfile: new UpsertUserProfile(c.users, c.clock),
  };
}

export type InMemoryUseCases = ReturnType<typeof useCasesOver>;
