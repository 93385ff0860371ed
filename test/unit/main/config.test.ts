import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../src/main/config';

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
});
