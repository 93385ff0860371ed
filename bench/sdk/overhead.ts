import { Redis } from 'ioredis';
import { RedisSocketEmitter } from '../../src/adapters/realtime/redis-socket-emitter';
import { chatNamespace, tenantRoom } from '../../src/adapters/realtime/rooms';
import { ShardedChannels } from '../../src/adapters/realtime/sharded-channels';
import type { ChatHttp } from '../hot-paths/chat-http';
import { progress } from '../hot-paths/env';
import type { ReceiverReport } from './receiver';
import { Receivers } from './receivers';

export interface OverheadFigures {
  clients: number;
  messages: number;
  raw: ReceiverReport;
  sdk: ReceiverReport;
}

/**
 * The same stream of `messages` chat.message events (ids and seqs 1, 2, 3 …, published through Redis
 * as the API publishes them, so storage is not what is timed) reaches `clients` bare socket.io-client
 * sockets in one process and `clients` SDK clients in another, at once. Each process measures its
 * own CPU over the stream, after a warm-up of `warmup` messages.
 */
export async function measureOverhead(
  apiUrl: string,
  owner: ChatHttp,
  redis: { url: string; keyPrefix: string },
  sizes: { clients: number; warmup: number; messages: number },
): Promise<OverheadFigures> {
  const { clients, warmup, messages } = sizes;
  const members = ['raw', 'sdk'].flatMap((mode) => Array.from({ length: clients }, (_, i) => `${mode}-${i}`));
  const channelId = await owner.group(members, 'sdk overhead');
  progress(`sdk: ${clients} raw socket.io-client and ${clients} SDK clients on one channel`);
  const start = (mode: string) =>
    Receivers.start(
      [mode, apiUrl, owner.tenant, channelId, `${mode}-`, String(clients), String(warmup), String(messages)],
      {},
    );
  const raw = await start('raw');
  const sdk = await start('sdk');
  const publisher = new Redis(redis.url);
  try {
    progress(`sdk: publishing ${warmup} + ${messages} messages`);
    await publish(publisher, redis.keyPrefix, owner.tenant, channelId, warmup + messages);
    return { clients, messages, raw: await raw.report, sdk: await sdk.report };
  } finally {
    raw.stop();
    sdk.stop();
    publisher.disconnect();
  }
}

async function publish(redis: Redis, keyPrefix: string, tenant: string, channelId: string, count: number) {
  const emitter = new RedisSocketEmitter(redis, new ShardedChannels(keyPrefix));
  const target = { namespace: chatNamespace(channelId), room: tenantRoom(tenant) };
  const createdAt = new Date().toISOString();
  for (let first = 1; first <= count; first += 50) {
    const batch = [];
    for (let id = first; id < Math.min(first + 50, count + 1); id++) {
      batch.push(
        emitter.emit(target, 'chat.message', {
          id,
          seq: id,
          channel_id: channelId,
          user_id: 'owner',
          content: `message ${id}`,
          content_type: 'text/plain',
          file_url: null,
          parent_id: null,
          client_message_id: null,
          created_at: createdAt,
          edited_at: null,
          deleted_at: null,
          reaction_counts: {},
          own_reactions: null,
          pinned_at: null,
          pinned_by: null,
        }),
      );
    }
    await Promise.all(batch);
  }
}
