import type { ContainerModule } from 'inversify';
import { Redis } from 'ioredis';
import { PresenceKeys } from '../../../src/adapters/presence/presence-keys';
import { startTestApi, type TestApi } from '../../support/test-api';
import { ChatClient } from '../../support/chat-client';
import { REDIS_URL, testConfig, uniqueSlug } from '../../support/test-env';
import { userToken } from '../../support/tokens';

/** API nodes of one deployment: in one process, sharing FerretDB and Redis (and REDIS_KEY_PREFIX). */
export async function startNodes(
  count: number,
  env: Record<string, string> = {},
  extra: ContainerModule[] = [],
): Promise<TestApi[]> {
  const nodes: TestApi[] = [];
  for (let i = 0; i < count; i++) nodes.push(await startTestApi(env, extra));
  return nodes;
}

const tenants = new Set<string>();

/** Stops the nodes, then drops the presence keys of the tenants the tests made (last-seen times stay otherwise). */
export async function stopNodes(nodes: TestApi[]): Promise<void> {
  await Promise.all(nodes.map((n) => n.stop()));
  const redis = new Redis(REDIS_URL);
  const presence = new PresenceKeys(testConfig().REDIS_KEY_PREFIX);
  for (const tenant of tenants) {
    const keys = await redis.keys(`${presence.tenant(tenant)}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  tenants.clear();
  await redis.quit();
}

export interface ChannelScenario {
  tenant: string;
  channelId: string;
  /** REST clients by user id; the first user created the channel (admin). */
  users: Record<string, ChatClient>;
  token(userId: string): Promise<string>;
}

/** A new tenant with a group channel of `members` (the first is its admin), over REST on `api`. */
export async function groupChannel(api: TestApi, members: string[]): Promise<ChannelScenario> {
  const tenant = await api.createTenant(uniqueSlug('rt'));
  tenants.add(tenant);
  const users: Record<string, ChatClient> = {};
  for (const user of members) users[user] = await ChatClient.as(api, tenant, user);
  const channel = await users[members[0]].group(members.slice(1));
  return { tenant, channelId: channel.id, users, token: (userId) => userToken(tenant, userId) };
}
