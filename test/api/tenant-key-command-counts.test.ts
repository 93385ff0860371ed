import assert from 'node:assert/strict';
import type { CommandStartedEvent } from 'mongodb';
import type { MongoDatabases } from '../../src/adapters/persistence/mongo/mongo-databases';
import { TOKENS } from '../../src/main/tokens';
import { ChatClient } from '../support/chat-client';
import { monitoredMongoUrl } from '../support/mongo-command-count';
import { createTenantWithKey } from '../support/tenant-keys';
import { startTestApi, type TestApi } from '../support/test-api';
import { TENANT_KEYS, uniqueSlug } from '../support/test-env';
import { tenantKeyToken, userToken } from '../support/tokens';

/*
 * Verifying a token of a tenant's own key reads the tenant's keys once per node (one query to the
 * control database), then never again while nothing changes: the same MongoDB commands per request
 * as a token of the deployment-wide key.
 */
describe('MongoDB commands of a request signed with a tenant key', () => {
  let api: TestApi;
  let mongo: MongoDatabases;

  before(async () => {
    api = await startTestApi({ ...TENANT_KEYS, MONGO_URL: monitoredMongoUrl() });
    mongo = api.node.container.get<MongoDatabases>(TOKENS.Mongo);
  });
  after(() => api.stop());

  /** The commands `run` sent, as `database command collection`. */
  async function commandsDuring(run: () => Promise<unknown>): Promise<string[]> {
    const client = mongo.connection.getClient();
    const seen: string[] = [];
    const listener = (event: CommandStartedEvent) => {
      const target = event.command[event.commandName];
      seen.push(`${event.databaseName} ${event.commandName} ${typeof target === 'string' ? target : ''}`);
    };
    client.on('commandStarted', listener);
    try {
      await run();
    } finally {
      client.off('commandStarted', listener);
    }
    return seen.filter((command) => !command.startsWith('admin '));
  }

  it('loads the keys once (one query), then adds no command to the deployment-wide path', async () => {
    const { tenant, key } = await createTenantWithKey(api, uniqueSlug('cost'));
    const keyed = new ChatClient(api, tenant, 'alice', await tenantKeyToken(tenant, 'alice', key));
    const wide = new ChatClient(api, tenant, 'alice', await userToken(tenant, 'alice'));
    // The tenant's first request opens it and writes the profile: not what is counted.
    await wide.get('channels/');

    const cold = await commandsDuring(() => keyed.get('channels/'));
    const warm = await commandsDuring(() => keyed.get('channels/'));
    const deploymentWide = await commandsDuring(() => wide.get('channels/'));

    const control = `${mongo.control().name} find tenant_keys`;
    assert.deepEqual(cold, [control, ...deploymentWide]);
    assert.deepEqual(warm, deploymentWide);
  });
});
