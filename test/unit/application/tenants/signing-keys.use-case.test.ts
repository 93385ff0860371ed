import assert from 'node:assert/strict';
import { AddSigningKey } from '../../../../src/application/tenants/add-signing-key.use-case';
import { CreateTenant } from '../../../../src/application/tenants/create-tenant.use-case';
import { ListSigningKeys } from '../../../../src/application/tenants/list-signing-keys.use-case';
import { RevokeSigningKey } from '../../../../src/application/tenants/revoke-signing-key.use-case';
import { ManualClock } from '../../../support/in-memory/clock.fakes';
import {
  InMemoryTenantDirectory,
  InMemoryTenantProvisioner,
} from '../../../support/in-memory/in-memory-directories';
import {
  InMemorySigningKeys,
  RecordedSigningKeyChanges,
} from '../../../support/in-memory/in-memory-signing-keys';

describe('Tenant signing keys', () => {
  const clock = new ManualClock();
  let tenants: InMemoryTenantDirectory;
  let keys: InMemorySigningKeys;
  let changes: RecordedSigningKeyChanges;
  let add: AddSigningKey;
  let revoke: RevokeSigningKey;
  let list: ListSigningKeys;

  beforeEach(async () => {
    tenants = new InMemoryTenantDirectory();
    keys = new InMemorySigningKeys();
    changes = new RecordedSigningKeyChanges();
    add = new AddSigningKey(tenants, keys, changes, clock);
    revoke = new RevokeSigningKey(tenants, keys, changes, clock);
    list = new ListSigningKeys(tenants, keys);
    await tenants.create({ slug: 'acme', name: 'Acme', created_at: clock.now() });
  });

  describe('CreateTenant', () => {
    it("answers the tenant's first HS256 key with its secret", async () => {
      const create = new CreateTenant(tenants, new InMemoryTenantProvisioner(), clock, keys);

      const { tenant, signingKey } = await create.execute({ slug: 'globex', name: 'Globex' });

      assert.equal(tenant.slug, 'globex');
      assert.equal(signingKey?.key.alg, 'HS256');
      assert.equal(signingKey?.secret, `secret-of-${signingKey?.key.kid}`);
    });

    it('answers no key where the deployment issues no secrets', async () => {
      const create = new CreateTenant(
        tenants,
        new InMemoryTenantProvisioner(),
        clock,
        new InMemorySigningKeys(false),
      );

      const { signingKey } = await create.execute({ slug: 'globex', name: 'Globex' });

      assert.equal(signingKey, null);
    });
  });

  describe('AddSigningKey', () => {
    it('issues an HS256 secret, or registers a public key without one, and announces each', async () => {
      const hmac = await add.execute({ slug: 'acme', alg: 'HS256' });
      const rsa = await add.execute({ slug: 'acme', alg: 'RS256', public_key: 'PEM', kid: 'host-1' });

      assert.ok(hmac.secret);
      assert.deepEqual([rsa.key.kid, rsa.secret, rsa.key.public_key], ['host-1', null, 'PEM']);
      assert.deepEqual(changes.announced, ['acme', 'acme']);
    });

    it('still adds the key when the announcement cannot go out (nodes reload on an unknown kid)', async () => {
      changes.failing = true;

      const { key } = await add.execute({ slug: 'acme', alg: 'HS256' });

      assert.deepEqual(
        (await list.execute({ slug: 'acme' })).map((k) => k.kid),
        [key.kid],
      );
    });

    it('refuses a kid outside the pattern with validation_error', async () => {
      await assert.rejects(add.execute({ slug: 'acme', alg: 'HS256', kid: 'a b' }), {
        code: 'validation_error',
      });
    });

    it('refuses a taken kid with conflict', async () => {
      await add.execute({ slug: 'acme', alg: 'HS256', kid: 'k' });

      await assert.rejects(add.execute({ slug: 'acme', alg: 'HS256', kid: 'k' }), { code: 'conflict' });
    });

    it('refuses HS256 with forbidden where the deployment issues no secrets', async () => {
      const noSecrets = new AddSigningKey(tenants, new InMemorySigningKeys(false), changes, clock);

      await assert.rejects(noSecrets.execute({ slug: 'acme', alg: 'HS256' }), { code: 'forbidden' });
    });

    it('refuses an unknown tenant with tenant_not_found', async () => {
      await assert.rejects(add.execute({ slug: 'ghost', alg: 'HS256' }), { code: 'tenant_not_found' });
    });
  });

  describe('RevokeSigningKey', () => {
    it('marks the key revoked and announces it', async () => {
      const { key } = await add.execute({ slug: 'acme', alg: 'HS256' });
      changes.announced.length = 0;
      clock.advance(1000);

      const revoked = await revoke.execute({ slug: 'acme', kid: key.kid });

      assert.deepEqual(revoked.revoked_at, clock.now());
      assert.deepEqual(changes.announced, ['acme']);
    });

    it('fails when the announcement cannot go out, and announces again when repeated', async () => {
      const { key } = await add.execute({ slug: 'acme', alg: 'HS256' });
      changes.failing = true;
      await assert.rejects(revoke.execute({ slug: 'acme', kid: key.kid }), /redis unavailable/);
      changes.failing = false;
      changes.announced.length = 0;

      const revoked = await revoke.execute({ slug: 'acme', kid: key.kid });

      assert.ok(revoked.revoked_at);
      assert.deepEqual(changes.announced, ['acme']);
    });

    it('refuses a kid the tenant does not have with not_found', async () => {
      await assert.rejects(revoke.execute({ slug: 'acme', kid: 'nope' }), { code: 'not_found' });
    });
  });
});
