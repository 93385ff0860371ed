import assert from 'node:assert/strict';
import { CreateTenant } from '../../../../src/application/tenants/create-tenant.use-case';
import { ListTenants } from '../../../../src/application/tenants/list-tenants.use-case';
import { ManualClock } from '../../../support/in-memory/clock.fakes';
import { InMemorySigningKeys } from '../../../support/in-memory/in-memory-signing-keys';
import {
  InMemoryTenantDirectory,
  InMemoryTenantProvisioner,
} from '../../../support/in-memory/in-memory-directories';

describe('CreateTenant', () => {
  let tenants: InMemoryTenantDirectory;
  let provisioner: InMemoryTenantProvisioner;
  let createTenant: CreateTenant;
  beforeEach(() => {
    tenants = new InMemoryTenantDirectory();
    provisioner = new InMemoryTenantProvisioner();
    createTenant = new CreateTenant(tenants, provisioner, new ManualClock(), new InMemorySigningKeys());
  });

  it('registers and provisions the tenant', async () => {
    await createTenant.execute({ slug: 'acme', name: 'Acme' });

    const listed = await new ListTenants(tenants).execute();
    assert.deepEqual(
      listed.map((t) => t.slug),
      ['acme'],
    );
    assert.ok(provisioner.provisioned.has('acme'));
  });

  it('refuses a taken slug with tenant_exists', async () => {
    await createTenant.execute({ slug: 'acme', name: 'Acme' });

    await assert.rejects(createTenant.execute({ slug: 'acme', name: 'Other' }), { code: 'tenant_exists' });
  });

  it('refuses a bad slug', async () => {
    await assert.rejects(createTenant.execute({ slug: 'Not OK', name: 'x' }), { code: 'validation_error' });
  });
});
