import assert from 'node:assert/strict';
import type {
  TenantStatusChanges,
  TenantTeardown,
} from '../../../../src/application/ports/tenant-lifecycle.port';
import { DeleteTenant } from '../../../../src/application/tenants/delete-tenant.use-case';
import { SetTenantStatus } from '../../../../src/application/tenants/set-tenant-status.use-case';
import { newTenant } from '../../../../src/domain/tenant/tenant';
import { InMemoryTenantDirectory } from '../../../support/in-memory/in-memory-directories';
import { InMemorySigningKeys } from '../../../support/in-memory/in-memory-signing-keys';

describe('Tenant lifecycle use cases', () => {
  let tenants: InMemoryTenantDirectory;
  let steps: string[];
  let changes: TenantStatusChanges;
  let teardown: TenantTeardown;
  beforeEach(async () => {
    tenants = new InMemoryTenantDirectory();
    await tenants.create(newTenant('acme', 'Acme', new Date()));
    steps = [];
    changes = { announce: async (slug) => void steps.push(`announce ${slug}`) };
    teardown = {
      removeJobs: async () => (steps.push('jobs'), 2),
      removeRedisKeys: async () => (steps.push('redis'), 5),
      dropDatabase: async () => void steps.push('database'),
    };
  });

  it('suspends and reactivates, announcing each change', async () => {
    const setStatus = new SetTenantStatus(tenants, changes);

    assert.equal((await setStatus.execute({ slug: 'acme', status: 'suspended' })).status, 'suspended');
    assert.equal((await setStatus.execute({ slug: 'acme', status: 'active' })).status, 'active');
    assert.deepEqual(steps, ['announce acme', 'announce acme']);
  });

  it('deletes in an order a retry can finish: status first, data, registry entry last', async () => {
    const removed = await new DeleteTenant(tenants, changes, teardown, new InMemorySigningKeys()).execute(
      'acme',
    );

    assert.deepEqual(removed, { slug: 'acme', removed: { jobs: 2, redis_keys: 5 } });
    assert.deepEqual(steps, ['announce acme', 'jobs', 'redis', 'database', 'announce acme']);
    assert.equal(await tenants.find('acme'), null);
  });

  it('leaves the tenant deleting when a step fails, and refuses to reactivate it', async () => {
    teardown.dropDatabase = async () => {
      throw new Error('database unreachable');
    };

    await assert.rejects(
      new DeleteTenant(tenants, changes, teardown, new InMemorySigningKeys()).execute('acme'),
    );

    assert.equal((await tenants.find('acme'))?.status, 'deleting');
    await assert.rejects(new SetTenantStatus(tenants, changes).execute({ slug: 'acme', status: 'active' }), {
      code: 'conflict',
    });
  });

  it('answers tenant_not_found for a tenant that is not (or no longer) registered', async () => {
    await assert.rejects(
      new DeleteTenant(tenants, changes, teardown, new InMemorySigningKeys()).execute('nobody'),
      {
        code: 'tenant_not_found',
      },
    );
  });
});
