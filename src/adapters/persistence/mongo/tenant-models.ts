import type { Connection, Model, Schema } from 'mongoose';
import { channelSequenceSchema, type ChannelSequenceDocument } from './schemas/channel-sequence.schema';
import { channelSchema, type ChannelDocument } from './schemas/channel.schema';
import { messageSchema, type MessageDocument } from './schemas/message.schema';
import { migrationRecordSchema, type MigrationRecordDocument } from './schemas/migration-record.schema';
import {
  messageFlagSchema,
  tenantBanSchema,
  userBlockSchema,
  type MessageFlagDocument,
  type TenantBanDocument,
  type UserBlockDocument,
} from './schemas/moderation.schemas';
import { pendingSendSchema, type PendingSendDocument } from './schemas/pending-send.schema';
import { pinSchema, type PinDocument } from './schemas/pin.schema';
import { reactionSchema, type ReactionDocument } from './schemas/reaction.schema';
import { readReceiptSchema, type ReadReceiptDocument } from './schemas/read-receipt.schema';
import { searchTermSchema, type SearchTermDocument } from './schemas/search-term.schema';
import { userChannelStateSchema, type UserChannelStateDocument } from './schemas/user-channel-state.schema';
import { userErasureSchema, type UserErasureDocument } from './schemas/user-erasure.schema';
import { userProfileSchema, type UserProfileDocument } from './schemas/user-profile.schema';

export interface TenantModels {
  channels: Model<ChannelDocument>;
  messages: Model<MessageDocument>;
  channelSequences: Model<ChannelSequenceDocument>;
  userChannelStates: Model<UserChannelStateDocument>;
  readReceipts: Model<ReadReceiptDocument>;
  users: Model<UserProfileDocument>;
  pendingSends: Model<PendingSendDocument>;
  migrations: Model<MigrationRecordDocument>;
  reactions: Model<ReactionDocument>;
  pins: Model<PinDocument>;
  searchTerms: Model<SearchTermDocument>;
  userErasures: Model<UserErasureDocument>;
  messageFlags: Model<MessageFlagDocument>;
  userBlocks: Model<UserBlockDocument>;
  tenantBans: Model<TenantBanDocument>;
}

/**
 * The models of one tenant database, compiled once per connection (Mongoose caches them on it).
 * Each schema declares every index its repository's queries need; the provisioner creates them.
 */
export function tenantModels(db: Connection): TenantModels {
  return {
    channels: modelOn(db, 'Channel', channelSchema),
    messages: modelOn(db, 'Message', messageSchema),
    channelSequences: modelOn(db, 'ChannelSequence', channelSequenceSchema),
    userChannelStates: modelOn(db, 'UserChannelState', userChannelStateSchema),
    readReceipts: modelOn(db, 'ReadReceipt', readReceiptSchema),
    users: modelOn(db, 'UserProfile', userProfileSchema),
    pendingSends: modelOn(db, 'PendingSend', pendingSendSchema),
    migrations: modelOn(db, 'MigrationRecord', migrationRecordSchema),
    reactions: modelOn(db, 'MessageReaction', reactionSchema),
    pins: modelOn(db, 'ChannelPin', pinSchema),
    searchTerms: modelOn(db, 'SearchTerm', searchTermSchema),
    userErasures: modelOn(db, 'UserErasure', userErasureSchema),
    messageFlags: modelOn(db, 'MessageFlag', messageFlagSchema),
    userBlocks: modelOn(db, 'UserBlock', userBlockSchema),
    tenantBans: modelOn(db, 'TenantBan', tenantBanSchema),
  };
}

function modelOn<T>(db: Connection, name: string, schema: Schema<T>): Model<T> {
  return (db.models[name] as Model<T> | undefined) ?? db.model<T>(name, schema);
}
