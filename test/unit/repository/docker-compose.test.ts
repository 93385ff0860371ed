import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/main/config';

/*
 * There is no Docker engine on these machines: what can be checked without one is the compose file's
 * wiring (read as YAML, and by `docker-compose config` where that binary is installed, as .ci/run
 * does) and the MongoDB healthcheck's script, run against stand-ins for mongosh's `rs` and `db`.
 */

const ROOT = path.resolve(__dirname, '../../..');
const COMPOSE_FILE = path.join(ROOT, 'docker/docker-compose.yml');

interface Service {
  environment?: Record<string, unknown> | string[];
  init?: boolean;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
}

const compose = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};

/** The variables of the README's "Configuration" table (first column, `NAME` or `A`, `B`). */
function readmeVariables(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(0, section.indexOf('\n## '));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
}

function environmentOf(service: string): Record<string, string> {
  const env = compose.services[service].environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((entry) => entry.split(/=(.*)/s).slice(0, 2)));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

/** The service's environment as compose interpolates `${NAME}`, `${NAME:-default}` and `${NAME:?error}`. */
function interpolated(service: string, shell: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environmentOf(service)).map(([name, value]) => {
      const match = /^\$\{(\w+)(?::([-?])(.*))?\}$/s.exec(value);
      if (!match) return [name, value];
      const [, variable, kind, rest] = match;
      if (shell[variable]) return [name, shell[variable]];
      if (kind === '?') throw new Error(`compose refuses to start: ${rest}`);
      return [name, kind === '-' ? rest : ''];
    }),
  );
}

/** Runs the healthcheck's `--eval` script as mongosh would, and returns its exit code. */
function mongoHealthcheck(state: { initiated: boolean; primary: boolean }): {
  exit: number;
  initiated: boolean;
} {
  const test = compose.services.mongo.healthcheck?.test;
  assert.ok(Array.isArray(test) && test.includes('mongosh'), 'the healthcheck runs mongosh');
  const script = test[test.indexOf('--eval') + 1];
  let exit = 0;
  const rs = {
    status: () => {
      if (!state.initiated) throw new Error('MongoServerError: no replset config has been received');
      return { ok: 1 };
    },
    initiate: () => {
      state.initiated = true;
      return { ok: 1 };
    },
  };
  const db = { hello: () => ({ isWritablePrimary: state.initiated && state.primary }) };
  const QUIT = Symbol('quit');
  try {
    runInNewContext(script, {
      rs,
      db,
      quit: (code = 0) => {
        exit = code;
        throw QUIT;
      },
    });
  } catch (error) {
    if (error !== QUIT) exit = 1; // mongosh exits non-zero on an uncaught error
  }
  return { exit, initiated: state.initiated };
}

describe('docker/docker-compose.yml', () => {
  const variables = readmeVariables();

  it("reads the README's configuration table", () => {
    assert.ok(variables.length >= 25, `found ${variables.join(', ')}`);
    assert.ok(variables.includes('JWT_AUDIENCE'));
  });

  for (const service of ['api', 'worker']) {
    describe(`the ${service} service`, () => {
      it('passes every variable of the README table through from the environment', () => {
        const env = environmentOf(service);

        const missing = variables.filter((name) => !(name in env));
        const hardCoded = variables.filter(
          (name) => name in env && !new RegExp(`^\\$\\{${name}(:?[-?].*)?\\}$`, 's').test(env[name]),
        );

        assert.deepEqual(missing, []);
        assert.deepEqual(hardCoded, []);
      });

      it('requires ADMIN_TOKEN but not JWT_SECRET (JWT_PUBLIC_KEY may stand in for it)', () => {
        const env = environmentOf(service);

        assert.match(env.ADMIN_TOKEN, /^\$\{ADMIN_TOKEN:\?/);
        assert.doesNotMatch(env.JWT_SECRET, /\?/);
        assert.doesNotMatch(env.JWT_PUBLIC_KEY, /\?/);
      });

      it('gives a valid configuration from ADMIN_TOKEN and JWT_PUBLIC_KEY alone', () => {
        const env = interpolated(service, { ADMIN_TOKEN: 'a'.repeat(24), JWT_PUBLIC_KEY: 'pem' });

        const config = loadConfig(env);

        assert.equal(config.JWT_SECRET, undefined);
        assert.equal(config.PORT, 3000);
        assert.equal(config.MONGO_URL, 'mongodb://mongo:27017/?replicaSet=rs0');
        assert.equal(config.REDIS_URL, 'redis://redis:6379');
        assert.equal(config.WORKERS_INLINE, false);
      });

      it('takes PORT, MONGO_URL, REDIS_URL and WORKERS_INLINE from the environment', () => {
        const shell = {
          ADMIN_TOKEN: 'a'.repeat(24),
          JWT_SECRET: 's'.repeat(32),
          PORT: '8080',
          MONGO_URL: 'mongodb://db.internal:27017/?replicaSet=prod',
          REDIS_URL: 'rediss://cache.internal:6380',
          WORKERS_INLINE: 'true',
        };

        const config = loadConfig(interpolated(service, shell));

        assert.equal(config.PORT, 8080);
        assert.equal(config.MONGO_URL, shell.MONGO_URL);
        assert.equal(config.REDIS_URL, shell.REDIS_URL);
        assert.equal(config.WORKERS_INLINE, true);
      });

      it('runs node under an init and starts once MongoDB and Redis are healthy', () => {
        const { init, depends_on: dependsOn } = compose.services[service];

        assert.equal(init, true);
        assert.ok(dependsOn && !Array.isArray(dependsOn));
        assert.equal(dependsOn.mongo?.condition, 'service_healthy');
        assert.equal(dependsOn.redis?.condition, 'service_healthy');
      });
    });
  }

  describe("MongoDB's healthcheck", () => {
    it('initiates the replica set on first start and reports unhealthy until a primary exists', () => {
      assert.deepEqual(mongoHealthcheck({ initiated: false, primary: false }), { exit: 1, initiated: true });
    });

    it('reports unhealthy while the member is not primary', () => {
      assert.deepEqual(mongoHealthcheck({ initiated: true, primary: false }), { exit: 1, initiated: true });
    });

    it('reports healthy once the member is the writable primary', () => {
      assert.deepEqual(mongoHealthcheck({ initiated: true, primary: true }), { exit: 0, initiated: true });
    });
  });

  it('is valid for docker-compose, without JWT_SECRET when JWT_PUBLIC_KEY is set, and needs ADMIN_TOKEN', function () {
    this.timeout(30_000);
    const found = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' };
    const config = (env: Record<string, string>) =>
      spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q'], {
        env: { ...base, ...env },
        encoding: 'utf8',
      });

    // Where docker-compose is not installed (.ci/run installs it), the YAML checks above are what runs.
    if (found.error) return assert.equal((found.error as NodeJS.ErrnoException).code, 'ENOENT');
    const withKey = config({ ADMIN_TOKEN: 'a'.repeat(24), JWT_PUBLIC_KEY: 'pem' });
    const withoutAdmin = config({ JWT_SECRET: 'b'.repeat(32) });

    assert.equal(withKey.status, 0, withKey.stderr);
    assert.notEqual(withoutAdmin.status, 0);
    assert.match(withoutAdmin.stderr, /ADMIN_TOKEN/);
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, build output, coverage, git and local state out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/^\/|\/$/g, ''));

    for (const entry of ['node_modules', 'coverage', '.git', 'dist', '.local'])
      assert.ok(ignored.includes(entry), entry);
  });
});
