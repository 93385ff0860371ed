import { aGroup } from '../../support/builders/channel.builder';
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { UserChannelState } from '../../../src/application/ports/read-state-repository.port';
import { createLogger } from '../../../src/adapters/logging/logger';
import { MongoDatabases } from '../../../src/adapters/persistence/mongo/mongo-databases';
import { MongoTenantProvisioner } from '../../../src/adapters/persistence/mongo/mongo-tenant-provisioner';
import { TenantLocks, tenantNamespace } from '../../../src/adapters/persistence/mongo/tenant-locks';
import { tenantModels, type TenantModels } from '../../../src/adapters/persistence/mongo/tenant-models';
import {
  createTenantRepositories,
  type TenantRepositories,
} from '../../../src/adapters/persistence/mongo/tenant-repositories';
import { RedisKeyedMutex } from '../../../src/adapters/redis/redis-keyed-mutex';
import { Message } from '../../../src/domain/message/message.entity';
import type { NewMessage } from '../../../src/domain/message/new-message';
import { MONGO_URL, REDIS_URL, RUN_DB_PREFIX, testConfig, uniqueSlug } from '../../support/test-env';

export const T0 = new Date('2025-01-01T00:00:00.000Z');

/** Migrates nothing: a tenant database created by the current code has nothing to migrate. */
export const NO_MIGRATIONS = { migrate: async () => [] };

/** One provisioned tenant database with its repositories, as the composition root would build them. */
export interface TestTenant {
  db: Connection;
  models: TenantModels;
  repos: TenantRepositories;
  /** The tenant's locks, for tests that hold one from outside. */
  locks: TenantLocks;
  /** Builds the repositories again as another process would: its own mutex and Redis client. */
  otherProcess(): TenantRepositories;
}

/**
 * Real FerretDB (or MongoDB) and Redis for the persistence tests. Each test file starts its own
 * fixture: its tenants are new databases under the run's prefix (dropped after the run by the
 * global hooks) and its Redis keys live under a prefix of its own, deleted by `stop`.
 */
export class PersistenceFixture {
  readonly keyPrefix = `chat-${RUN_DB_PREFIX}${randomBytes(3).toString('hex')}`;
  private readonly clients: Redis[] = [];
  readonly redis = this.client();
  private readonly mutex = new RedisKeyedMutex(this.redis);

  private constructor(private readonly mongo: MongoDatabases) {}

  static async start(): Promise<PersistenceFixture> {
    const mongo = new MongoDatabases(
      { url: MONGO_URL, dbPrefix: RUN_DB_PREFIX, timeoutMs: 5_000, poolSize: testConfig().MONGO_POOL_SIZE },
      createLogger('silent'),
    );
    await mongo.connect();
    return new PersistenceFixture(mongo);
  }

  /** A freshly provisioned tenant database. */
  async tenant(label = 'persist'): Promise<TestTenant> {
    const slug = uniqueSlug(label);
    const tenant = {
      slug,
      name: slug,
      database_name: this.mongo.databaseNameFor(slug),
      server: 'default',
      status: 'active' as const,
      created_at: T0,
    };
    await new MongoTenantProvisioner(this.mongo, NO_MIGRATIONS).provision(tenant);
    const db = this.mongo.tenant(tenant.database_name);
    const deps = { redis: this.redis, keyPrefix: this.keyPrefix, mutex: this.mutex };
    return {
      db,
      models: tenantModels(db),
      repos: createTenantRepositories(db, deps),
      locks: new TenantLocks(this.mutex, tenantNamespace(this.keyPrefix, db.name)),
      otherProcess: () => {
        const redis = this.client();
        return createTenantRepositories(db, {
          redis,
          keyPrefix: this.keyPrefix,
          mutex: new RedisKeyedMutex(redis),
        });
      },
    };
  }

  client(): Redis {
    const client = new Redis(REDIS_URL, { lazyConnect: false });
    this.clients.push(client);
    return client;
  }

  async stop(): Promise<void> {
    for await (const keys of this.redis.scanStream({ match: `${this.keyPrefix}*`, count: 500 })) {
      if ((keys as string[]).length > 0) await this.redis.del(...(keys as string[]));
    }
    await Promise.all(this.clients.map((c) => c.quit()));
    await this.mongo.close();
  }
}

/** A valid message to append; override any field. */
export function draft(channelId: string, userId = 'alice', overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    ...Message.draft({ channel_id: channelId, user_id: userId, content: 'hello', parent: null, now: T0 }),
    ...overrides,
  };
}

/** Appends `count` messages one after the other and returns them in order. */
export async function appendMany(
  repos: TenantRepositories,
  channelId: string,
  count: number,
): Promise<Message[]> {
  // Messages live in channels: the channel document records the last seq that pages start from.
  if (!(await repos.channels.findById(channelId)))
    await repos.channels.createIfAbsent(aGroup(['bob'], { id: channelId }));
  const messages: Message[] = [];
  for (let i = 1; i <= count; i += 1) {
    messages.push(
      (await repos.messages.append(draft(channelId, 'alice', { content: `message ${i}` }))).message,
    );
  }
  return messages;
}

/** A membership row; override any field. */
export function aState(overrides: Partial<UserChannelState> = {}): UserChannelState {
  return {
    user_id: 'alice',
    channel_id: randomUUID(),
    last_read_message_id: null,
    last_read_seq: 0,
    is_muted: false,
    unread_count: 0,
    joined_at: T0,
    channel_type: 'group',
    host_application_id: null,
    context_object_type: null,
    context_object_id: null,
    channel_last_seq: 0,
    last_activity_at: T0,
    ...overrides,
  };
}
