import assert from 'node:assert/strict';
import type { Response, Test } from 'supertest';
import { CHAT_ENDPOINTS } from '../../src/adapters/http/chat.router';
import type { Endpoint } from '../../src/adapters/http/endpoint';
import type { ChannelView } from '../../src/application/views/channel.view';
import type { MessageView } from '../../src/application/views/message.view';
import type { TestApi } from './test-api';
import { userToken, type TokenOptions } from './tokens';

type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * One user of one tenant calling the chat API over HTTP. Paths are relative to
 * `/api/chat/{tenant}/`. Every success reply is parsed with the schema the OpenAPI document gives
 * for it, so a test that passes also proves the document describes what the server sent.
 */
export class ChatClient {
  constructor(
    readonly api: TestApi,
    readonly tenant: string,
    readonly userId: string,
    readonly token: string,
  ) {}

  static async as(
    api: TestApi,
    tenant: string,
    userId: string,
    options: TokenOptions = {},
  ): Promise<ChatClient> {
    return new ChatClient(api, tenant, userId, await userToken(tenant, userId, options));
  }

  get(path: string): Promise<Response> {
    return this.checked('get', path, this.request('get', path));
  }

  post(path: string, body?: unknown): Promise<Response> {
    const req = this.request('post', path);
    return this.checked('post', path, body === undefined ? req : req.send(body as object));
  }

  patch(path: string, body: unknown): Promise<Response> {
    return this.checked('patch', path, this.request('patch', path).send(body as object));
  }

  delete(path: string, body?: unknown): Promise<Response> {
    const req = this.request('delete', path);
    return this.checked('delete', path, body === undefined ? req : req.send(body as object));
  }

  /** The request with this user's token, unsent: for raw bodies and headers. */
  request(method: Method, path: string): Test {
    return this.api.http[method](`/api/chat/${this.tenant}/${path}`).set(
      'Authorization',
      `Bearer ${this.token}`,
    );
  }

  async group(others: string[], name = 'General'): Promise<ChannelView> {
    return this.created(
      await this.post('channels/', { channel_type: 'group', name, participant_ids: others }),
    );
  }

  async direct(other: string): Promise<ChannelView> {
    return this.created(await this.post('channels/', { channel_type: 'direct', participant_ids: [other] }));
  }

  async send(channelId: string, content: string, extra: Record<string, unknown> = {}): Promise<MessageView> {
    return this.created(await this.post(`channels/${channelId}/send_message/`, { content, ...extra }));
  }

  /** Every message of the channel, walking back from the latest page. */
  async history(channelId: string): Promise<MessageView[]> {
    const all: MessageView[] = [];
    let query = '?limit=100';
    for (let page = 0; page < 100; page++) {
      const res = await this.get(`channels/${channelId}/messages/${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      all.unshift(...(res.body.results as MessageView[]));
      if (!res.body.has_more_before) return all;
      query = `?limit=100&before=${res.body.results[0].id}`;
    }
    throw new Error('history longer than 10,000 messages');
  }

  private created<T>(res: Response): T {
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as T;
  }

  private async checked(method: Method, path: string, req: Test): Promise<Response> {
    const res = await req;
    const documented = endpointFor(method, path)?.responses[res.status];
    if (documented) {
      const parsed = documented.schema.safeParse(res.body);
      assert.ok(
        parsed.success,
        `${method} ${path} ${res.status} differs from its documented schema: ${parsed.error}`,
      );
    }
    return res;
  }
}

function endpointFor(method: Method, path: string): Endpoint | undefined {
  const bare = `/${path.split('?')[0].replace(/^\/|\/$/g, '')}`;
  return CHAT_ENDPOINTS.find(
    (e) => e.method === method && new RegExp(`^${e.path.replace(/:[a-z_]+/g, '[^/]+')}$`).test(bare),
  );
}
