import { TEST_ADMIN_TOKEN } from '../../test/support/test-env';
import { userToken } from '../../test/support/tokens';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  /** Milliseconds from the request to the whole body. */
  ms: number;
}

/** One user of one tenant on the REST API (contract paths only: docs/contract.md), over keep-alive fetch. */
export class ChatHttp {
  private constructor(
    readonly baseUrl: string,
    readonly tenant: string,
    readonly userId: string,
    readonly token: string,
  ) {}

  static async as(baseUrl: string, tenant: string, userId: string): Promise<ChatHttp> {
    return new ChatHttp(baseUrl, tenant, userId, await userToken(tenant, userId, { expiresIn: 86_400 }));
  }

  get(path: string): Promise<Reply> {
    return this.call('GET', path);
  }

  post(path: string, body: unknown = {}): Promise<Reply> {
    return this.call('POST', path, body);
  }

  /** Like post, but throws unless the status is one of `ok`. */
  async expect(path: string, body: unknown, ok = [200, 201]): Promise<Record<string, unknown>> {
    const reply = await this.post(path, body);
    if (!ok.includes(reply.status))
      throw new Error(`${this.userId} POST ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** A group channel of this user and `others`; returns its id. */
  async group(others: string[], name = 'bench'): Promise<string> {
    const body = await this.expect('channels/', { channel_type: 'group', name, participant_ids: others });
    return String(body.id);
  }

  async send(channelId: string, content = 'bench message'): Promise<Reply> {
    return this.post(`channels/${channelId}/send_message/`, { content });
  }

  private async call(method: string, path: string, body?: unknown): Promise<Reply> {
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}/api/chat/${this.tenant}/${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {}, ms: performance.now() - started };
  }
}

/** Registers a tenant through the admin API; returns its slug and database. */
export async function createTenant(
  baseUrl: string,
  slug: string,
): Promise<{ slug: string; database: string }> {
  const res = await fetch(`${baseUrl}/api/admin/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ slug, name: slug }),
  });
  if (res.status !== 201) throw new Error(`tenant ${slug}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { database_name: string };
  return { slug, database: body.database_name };
}

/** Runs `task(i)` for i < count, `concurrency` at a time. */
export async function pooled(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}
