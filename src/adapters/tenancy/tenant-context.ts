import type { GetCentralizedView } from '../../application/centralized/get-centralized-view.use-case';
import type { EraseUser } from '../../application/data-rights/erase-user.use-case';
import type { ExportTenantData } from '../../application/data-rights/export-tenant-data.use-case';
import type { ExportUserData } from '../../application/data-rights/export-user-data.use-case';
import type { CreateChannel } from '../../application/channels/create-channel.use-case';
import type { GetChannel } from '../../application/channels/get-channel.use-case';
import type { ListChannels } from '../../application/channels/list-channels.use-case';
import type { MuteChannel } from '../../application/channels/mute-channel.use-case';
import type { UnmuteChannel } from '../../application/channels/unmute-channel.use-case';
import type { DeleteMessage } from '../../application/messaging/delete-message.use-case';
import type { EditMessage } from '../../application/messaging/edit-message.use-case';
import type { ListMessages } from '../../application/messaging/list-messages.use-case';
import type { SearchMessages } from '../../application/messaging/search-messages.use-case';
import type { MessageSearch } from '../../application/ports/message-search.port';
import type { CompleteSend } from '../../application/messaging/complete-send.use-case';
import type { ResumePendingSends } from '../../application/messaging/resume-pending-sends.use-case';
import type { SendMessage } from '../../application/messaging/send-message.use-case';
import type { NotifyParticipants } from '../../application/notifications/notify-participants.use-case';
import type { AddParticipant } from '../../application/participants/add-participant.use-case';
import type { AddParticipants } from '../../application/participants/add-participants.use-case';
import type { ChangeRole } from '../../application/participants/change-role.use-case';
import type { RemoveParticipant } from '../../application/participants/remove-participant.use-case';
import type { CheckChannelAccess } from '../../application/channels/check-channel-access.use-case';
import type { ChannelMembership } from '../../application/ports/channel-membership.port';
import type { ChannelRepository } from '../../application/ports/channel-repository.port';
import type { Clock } from '../../application/ports/clock.port';
import type { EventPublisher } from '../../application/ports/event-publisher.port';
import type { JobQueue } from '../../application/ports/job-queue.port';
import type { MessageRepository } from '../../application/ports/message-repository.port';
import type { PinRepository } from '../../application/ports/pin-repository.port';
import type { ReactionRepository } from '../../application/ports/reaction-repository.port';
import type { ListPinnedMessages } from '../../application/pins/list-pinned-messages.use-case';
import type { PinMessage } from '../../application/pins/pin-message.use-case';
import type { UnpinMessage } from '../../application/pins/unpin-message.use-case';
import type { AddReaction } from '../../application/reactions/add-reaction.use-case';
import type { RemoveReaction } from '../../application/reactions/remove-reaction.use-case';
import type { NotificationLog } from '../../application/ports/notification-log.port';
import type { OfflineNotifier } from '../../application/ports/offline-notifier.port';
import type { PresenceReader } from '../../application/ports/presence-reader.port';
import type { ReadReceiptRepository } from '../../application/ports/read-receipt-repository.port';
import type { ReadStateRepository } from '../../application/ports/read-state-repository.port';
import type { SendOutbox } from '../../application/ports/send-outbox.port';
import type { TenantDataReader } from '../../application/ports/tenant-data-reader.port';
import type { UserDirectory } from '../../application/ports/user-directory.port';
import type { UserErasureStore } from '../../application/ports/user-erasure-store.port';
import type { UserLiveState } from '../../application/ports/user-live-state.port';
import type { UnreadTotals } from '../../application/ports/unread-totals.port';
import type { UuidGenerator } from '../../application/ports/uuid-generator.port';
import type { GetReadBy } from '../../application/reading/get-read-by.use-case';
import type { MarkRead } from '../../application/reading/mark-read.use-case';
import type { RecordReadReceipt } from '../../application/reading/record-read-receipt.use-case';
import type { UpsertUserProfile } from '../../application/users/upsert-user-profile.use-case';
import type { Tenant } from '../../domain/tenant/tenant';
import type { ModerationPorts, ModerationUseCases } from './moderation-context';

/** Every port bound to one tenant. */
export interface TenantPorts {
  channels: ChannelRepository;
  /** Who may open a channel's sockets; cached per API node (src/adapters/realtime/channel-access-cache.ts). */
  membership: ChannelMembership;
  messages: MessageRepository;
  /** The words of live messages (kept by the message repository). */
  search: MessageSearch;
  readStates: ReadStateRepository;
  receipts: ReadReceiptRepository;
  users: UserDirectory;
  /** One row per (message, user, emoji); what a message shows of them is kept on it. */
  reactions: ReactionRepository;
  /** Pinned messages, bounded per channel. */
  pins: PinRepository;
  events: EventPublisher;
  jobs: JobQueue;
  clock: Clock;
  uuids: UuidGenerator;
  /** Sends in progress, for crash recovery (src/adapters/queue). */
  outbox: SendOutbox;
  /** Notifications already sent, per (message, recipient). */
  notificationLog: NotificationLog;
  presence: PresenceReader;
  /** Each user's unread badge (Redis). */
  unreadTotals: UnreadTotals;
  /** How long a send's follow-up job is held for its send's confirmation (OUTBOX_MIN_AGE_MS). */
  sendHoldMs: number;
  /** The tenant's webhook, for offline recipients. */
  offline: OfflineNotifier;
  /** Data rights: the tenant's data read in bounded memory for exports. */
  dataReader: TenantDataReader;
  /** Data rights: the writes of a user's erasure. */
  erasures: UserErasureStore;
  /** A user's sockets, presence and badge, across API nodes. */
  liveState: UserLiveState;
  /** Bans, mutes, slow mode, flags, blocks (moderation-context.ts). */
  moderation: ModerationPorts;
}

/** Every use case, wired to one tenant's ports. */
export interface TenantUseCases {
  createChannel: CreateChannel;
  listChannels: ListChannels;
  getChannel: GetChannel;
  checkChannelAccess: CheckChannelAccess;
  muteChannel: MuteChannel;
  unmuteChannel: UnmuteChannel;
  listMessages: ListMessages;
  searchMessages: SearchMessages;
  sendMessage: SendMessage;
  editMessage: EditMessage;
  deleteMessage: DeleteMessage;
  markRead: MarkRead;
  getReadBy: GetReadBy;
  getCentralizedView: GetCentralizedView;
  addParticipant: AddParticipant;
  addParticipants: AddParticipants;
  removeParticipant: RemoveParticipant;
  changeRole: ChangeRole;
  upsertUserProfile: UpsertUserProfile;
  recordReadReceipt: RecordReadReceipt;
  completeSend: CompleteSend;
  notifyParticipants: NotifyParticipants;
  resumePendingSends: ResumePendingSends;
  addReaction: AddReaction;
  removeReaction: RemoveReaction;
  pinMessage: PinMessage;
  unpinMessage: UnpinMessage;
  listPinnedMessages: ListPinnedMessages;
  exportTenantData: ExportTenantData;
  exportUserData: ExportUserData;
  eraseUser: EraseUser;
  /** Moderation and blocking (moderation-context.ts). */
  moderation: ModerationUseCases;
}

/** What an HTTP request, a socket or a job resolves from its tenant slug. */
export interface TenantContext {
  tenant: Tenant;
  ports: TenantPorts;
  useCases: TenantUseCases;
}

/** Resolves (and caches) tenant contexts; the composition root implements it. */
export interface TenantContexts {
  /** The tenant's context. Throws TenantNotFoundError for an unknown slug. */
  forSlug(slug: string): Promise<TenantContext>;
}
