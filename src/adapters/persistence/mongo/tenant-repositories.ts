import type { MessageSearch } from '../../../application/ports/message-search.port';
import type { RedisClient } from '../../redis/redis-connections';
import type { Connection } from 'mongoose';
import type { ChannelRepository } from '../../../application/ports/channel-repository.port';
import type { MessageRepository } from '../../../application/ports/message-repository.port';
import type { PinRepository } from '../../../application/ports/pin-repository.port';
import type { ReactionRepository } from '../../../application/ports/reaction-repository.port';
import type { ReadReceiptRepository } from '../../../application/ports/read-receipt-repository.port';
import type { ReadStateRepository } from '../../../application/ports/read-state-repository.port';
import type { TenantDataReader } from '../../../application/ports/tenant-data-reader.port';
import type { UserDirectory } from '../../../application/ports/user-directory.port';
import type { UserErasureStore } from '../../../application/ports/user-erasure-store.port';
import { RedisIdSequence } from '../../redis/redis-id-sequence';
import type { RedisKeyedMutex } from '../../redis/redis-keyed-mutex';
import { highestRecordedId, MessageAppendTurns } from './message-append';
import { MessageDecorations } from './message-decorations';
import { MongoChannelModeration } from './mongo-channel-moderation';
import { MongoChannelRepository } from './mongo-channel-repository';
import { MongoMessageFlags } from './mongo-message-flags';
import { MongoMessageRepository } from './mongo-message-repository';
import { MongoPinRepository } from './mongo-pin-repository';
import { MongoReactionRepository } from './mongo-reaction-repository';
import { MongoReadReceiptRepository } from './mongo-read-receipt-repository';
import { MongoReadStateRepository } from './mongo-read-state-repository';
import { MongoTenantDataReader } from './mongo-tenant-data-reader';
import { MongoTenantBans } from './mongo-tenant-bans';
import { MongoUserBlocks } from './mongo-user-blocks';
import { MongoUserDirectory } from './mongo-user-directory';
import { MongoMessageSearch } from './mongo-message-search';
import { MongoUserErasureStore } from './mongo-user-erasure-store';
import { TenantLocks, tenantNamespace } from './tenant-locks';
import { tenantModels } from './tenant-models';

export interface TenantRepositories {
  channels: ChannelRepository;
  messages: MessageRepository;
  readStates: ReadStateRepository;
  readReceipts: ReadReceiptRepository;
  users: UserDirectory;
  reactions: ReactionRepository;
  pins: PinRepository;
  search: MessageSearch;
  /** Data rights: exports read through it, erasures write through the other. */
  dataReader: TenantDataReader;
  erasures: UserErasureStore;
  /** The channels' moderation field, and where the node's channel memory reads a channel's access. */
  channelModeration: MongoChannelModeration;
  flags: MongoMessageFlags;
  blocks: MongoUserBlocks;
  tenantBans: MongoTenantBans;
}

export interface TenantRepositoryDeps {
  /** A command client (no blocking commands are used). */
  redis: RedisClient;
  /** The deployment's REDIS_KEY_PREFIX. */
  keyPrefix: string;
  /** The process's mutex, whose in-process queue keeps a process from polling Redis against itself. */
  mutex: RedisKeyedMutex;
}

/**
 * Every tenant-bound port on one tenant database (a `MongoDatabases.tenant(name)` handle). Redis
 * keys (locks, counters) live under `${keyPrefix}:{${database name}}`, so tenants never share one.
 * Cheap to call; cache the result per tenant.
 */
export function createTenantRepositories(db: Connection, deps: TenantRepositoryDeps): TenantRepositories {
  const models = tenantModels(db);
  const namespace = tenantNamespace(deps.keyPrefix, db.name);
  const locks = new TenantLocks(deps.mutex, namespace);
  const idKey = `${namespace}:message-id`;
  const ids = new RedisIdSequence(deps.redis, idKey, () => highestRecordedId(models.channels));
  const search = new MongoMessageSearch(models.searchTerms);
  const turns = new MessageAppendTurns(
    models.messages,
    models.channels,
    ids,
    { mutex: deps.mutex, redis: deps.redis, locks, idKey },
    search,
  );
  const decorations = new MessageDecorations(models.messages, models.channels, locks);
  return {
    channels: new MongoChannelRepository(models.channels, locks),
    messages: new MongoMessageRepository(models.messages, models.channels, turns, locks, search),
    search,
    readStates: new MongoReadStateRepository(models.userChannelStates, locks),
    readReceipts: new MongoReadReceiptRepository(models.readReceipts),
    users: new MongoUserDirectory(models.users),
    reactions: new MongoReactionRepository(models.reactions, decorations, locks),
    pins: new MongoPinRepository(models.pins, decorations, locks),
    dataReader: new MongoTenantDataReader(models),
    erasures: new MongoUserErasureStore(models, locks),
    channelModeration: new MongoChannelModeration(models.channels, locks),
    flags: new MongoMessageFlags(models.messageFlags),
    blocks: new MongoUserBlocks(models.userBlocks),
    tenantBans: new MongoTenantBans(models.tenantBans),
  };
}
