import { ChatClient, type ChatClientOptions } from '../../../sdk/src';
import { ChatClient as RestUser } from '../../support/chat-client';
import type { TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';
import { userToken, type TokenOptions } from '../../support/tokens';
import { CuttingProxy } from './cutting-proxy';

/** Quick reconnection and retries, so a test's outages last milliseconds, not seconds. */
export const FAST: Partial<ChatClientOptions> = {
  socket: {
    transports: ['websocket'],
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    randomizationFactor: 0,
  },
  retry: { min: 50, max: 400 },
  ackTimeoutMs: 5_000,
};

/**
 * A tenant on a real API node, REST users for its setup and for server-side checks, and SDK
 * clients that reach the node directly or through a TCP proxy the test cuts and restores.
 */
export class SdkScene {
  readonly users: Record<string, RestUser> = {};
  private readonly clients: ChatClient[] = [];
  private readonly proxies: CuttingProxy[] = [];

  private constructor(
    readonly api: TestApi,
    readonly tenant: string,
  ) {}

  static async create(api: TestApi, userIds: string[]): Promise<SdkScene> {
    const scene = new SdkScene(api, await api.createTenant(uniqueSlug('sdk')));
    for (const userId of userIds) scene.users[userId] = await RestUser.as(api, scene.tenant, userId);
    return scene;
  }

  /** A group channel of `members` (the first creates it), returns its id. */
  async group(members: string[], name = 'General'): Promise<string> {
    return (await this.users[members[0]].group(members.slice(1), name)).id;
  }

  /** A proxy in front of the node, up. */
  async proxy(): Promise<CuttingProxy> {
    const proxy = await CuttingProxy.start(this.api.node.port);
    this.proxies.push(proxy);
    return proxy;
  }

  /** An SDK client of `userId`, through `proxy` when given; `token` replaces the default provider. */
  client(userId: string, via?: CuttingProxy, options: Partial<ChatClientOptions> = {}): ChatClient {
    const baseUrl = via ? via.url : this.api.url;
    const client = new ChatClient({
      baseUrl,
      tenant: this.tenant,
      token: () => this.token(userId),
      ...FAST,
      ...options,
    });
    this.clients.push(client);
    return client;
  }

  token(userId: string, options: TokenOptions = {}): Promise<string> {
    return userToken(this.tenant, userId, options);
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    for (const proxy of this.proxies.splice(0)) await proxy.down();
  }
}
