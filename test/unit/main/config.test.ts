import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../src/main/config';
import { redisTarget } from '../../../src/main/modules/infrastructure.module';

const REQUIRED = {
  ADMIN_TOKEN: 'admin-token-0123456789',
  JWT_SECRET: 'jwt-secret-0123456789-0123456789-abcdef',
};

describe('loadConfig', () => {
  describe('MONGO_POOL_SIZE', () => {
    it('defaults to 10 connections per process', () => {
      const config = loadConfig(REQUIRED);

      assert.equal(config.MONGO_POOL_SIZE, 10);
    });

    it('reads a pool size from the environment', () => {
      const config = loadConfig({ ...REQUIRED, MONGO_POOL_SIZE: '25' });

      assert.equal(config.MONGO_POOL_SIZE, 25);
    });

    for (const bad of ['0', '-1', '2.5', 'ten', '501']) {
      it(`refuses ${bad}, naming the variable`, () => {
        const load = () => loadConfig({ ...REQUIRED, MONGO_POOL_SIZE: bad });

        assert.throws(load, (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.equal(error.problems.length, 1);
          assert.match(error.problems[0], /^MONGO_POOL_SIZE: /);
          return true;
        });
      });
    }
  });

  describe('DEMO_ENABLED', () => {
    it('is off unless asked for', () => {
      assert.equal(loadConfig(REQUIRED).DEMO_ENABLED, false);
      assert.equal(loadConfig({ ...REQUIRED, DEMO_ENABLED: 'true' }).DEMO_ENABLED, true);
    });

    it('is refused with NODE_ENV=production: production never mints tokens', () => {
      assert.throws(() => loadConfig({ ...REQUIRED, DEMO_ENABLED: 'true', NODE_ENV: 'production' }), {
        name: 'ConfigError',
        message: /DEMO_ENABLED: must not be true with NODE_ENV=production/,
      });
    });

    it('needs JWT_SECRET, with which the demo signs its tokens', () => {
      const withoutSecret = { ADMIN_TOKEN: REQUIRED.ADMIN_TOKEN, JWT_PUBLIC_KEY: 'pem' };

      assert.throws(() => loadConfig({ ...withoutSecret, DEMO_ENABLED: 'true' }), {
        message: /DEMO_ENABLED: needs JWT_SECRET/,
      });
    });
  });

  describe('MONGO_SERVERS', () => {
    it('is no other server by default, and reads name=url pairs', () => {
      assert.deepEqual(loadConfig(REQUIRED).MONGO_SERVERS, {});
      assert.deepEqual(
        loadConfig({ ...REQUIRED, MONGO_SERVERS: 'eu2=mongodb://db2:27017, us1=mongodb+srv://x.example' })
          .MONGO_SERVERS,
        { eu2: 'mongodb://db2:27017', us1: 'mongodb+srv://x.example' },
      );
    });

    for (const [why, value] of [
      ['the reserved name default', 'default=mongodb://db2'],
      ['a name twice', 'a=mongodb://db2,a=mongodb://db3'],
      ['a URL that is not MongoDB', 'eu2=postgres://db2'],
      ['an entry without a name', '=mongodb://db2'],
    ]) {
      it(`refuses ${why}, naming the variable`, () => {
        assert.throws(() => loadConfig({ ...REQUIRED, MONGO_SERVERS: value }), {
          name: 'ConfigError',
          message: /MONGO_SERVERS: /,
        });
      });
    }
  });

  describe('TENANT_KEYS_SECRET', () => {
    it('is enough alone: tenants then sign with their own keys', () => {
      const config = loadConfig({ ADMIN_TOKEN: REQUIRED.ADMIN_TOKEN, TENANT_KEYS_SECRET: 'k'.repeat(32) });

      assert.equal(config.TENANT_KEYS_SECRET, 'k'.repeat(32));
      assert.equal(config.JWT_SECRET, undefined);
    });

    it('is refused under 32 characters, naming the variable', () => {
      assert.throws(() => loadConfig({ ...REQUIRED, TENANT_KEYS_SECRET: 'short' }), {
        name: 'ConfigError',
        message: /TENANT_KEYS_SECRET: must be at least 32 characters/,
      });
    });

    it('or a deployment-wide key is required, naming them all', () => {
      assert.throws(() => loadConfig({ ADMIN_TOKEN: REQUIRED.ADMIN_TOKEN }), {
        message: /TENANT_KEYS_SECRET.*JWT_SECRET.*JWT_PUBLIC_KEY/,
      });
    });
  });
  describe('REDIS_CLUSTER_NODES', () => {
    it('is unset by default: one Redis at REDIS_URL', () => {
      const config = loadConfig({ ...REQUIRED, REDIS_URL: 'redis://cache:6380' });

      assert.deepEqual(redisTarget(config), { url: 'redis://cache:6380' });
    });

    it('reads host:port nodes, and then the deployment runs on the cluster', () => {
      const config = loadConfig({ ...REQUIRED, REDIS_CLUSTER_NODES: 'r1:7000, r2.internal:7001' });

      assert.deepEqual(redisTarget(config), { clusterNodes: ['r1:7000', 'r2.internal:7001'] });
    });

    for (const [why, bad] of [
      ['a node without a port', 'r1:7000,r2'],
      ['a URL instead of host:port', 'redis://r1:7000'],
      ['no node at all', ' , '],
    ]) {
      it(`refuses ${why}, naming the variable`, () => {
        const load = () => loadConfig({ ...REQUIRED, REDIS_CLUSTER_NODES: bad });

        assert.throws(load, (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.problems.join('\n'), /^REDIS_CLUSTER_NODES/m);
          return true;
        });
      });
    }

    it('refuses a REDIS_KEY_PREFIX with a hash tag of its own (keys put their tags after it)', () => {
      const load = () => loadConfig({ ...REQUIRED, REDIS_KEY_PREFIX: 'chat{eu}' });

      assert.throws(load, /REDIS_KEY_PREFIX/);
    });
  });
});
