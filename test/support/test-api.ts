import type { ContainerModule } from 'inversify';
import request from 'supertest';
import { ApiNode } from '../../src/main/api-node';
import { buildContainer } from '../../src/main/container';
import { TEST_ADMIN_TOKEN, testConfig } from './test-env';

export interface TestApi {
  node: ApiNode;
  url: string;
  http: ReturnType<typeof request>;
  /** Registers a tenant through the admin API and returns its slug. */
  createTenant(slug: string, name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** A real API node on an ephemeral port, on real FerretDB and Redis. */
export async function startTestApi(
  env: Record<string, string> = {},
  extra: ContainerModule[] = [],
): Promise<TestApi> {
  const node = new ApiNode(buildContainer(testConfig(env), 'api', extra));
  await node.start(0, '127.0.0.1');
  const url = `http://127.0.0.1:${node.port}`;
  const http = request(url);
  return {
    node,
    url,
    http,
    async createTenant(slug, name = slug) {
      const res = await http
        .post('/api/admin/tenants')
        .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
        .send({ slug, name });
      if (res.status !== 201) throw new Error(`tenant ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
      return slug;
    },
    stop: () => node.stop(),
  };
}
