import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { testEnv } from '../support/test-env';
import { descendants, NpmScript, survivors } from './support/npm-script';

const ROOT = path.resolve(__dirname, '../..');
const DRAINED_WITHIN_MS = 15_000;

/** Starts the script, waits for `ready`, sends SIGTERM to npm alone, and returns what outlived npm. */
async function stopNpmWithSigterm(npm: NpmScript, ready: RegExp, startMs: number) {
  await npm.waitFor(ready, startMs);
  const below = descendants(npm.pid);

  process.kill(npm.pid, 'SIGTERM');
  await npm.exited();

  return { below, left: await survivors(below, DRAINED_WITHIN_MS) };
}

function envFor(port: number, label: string): Record<string, string> {
  const { MONGO_URL, REDIS_URL, MONGO_DB_PREFIX, REDIS_KEY_PREFIX, JWT_SECRET, ADMIN_TOKEN } = testEnv();
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    MONGO_URL,
    REDIS_URL,
    MONGO_DB_PREFIX: `${MONGO_DB_PREFIX}${label}_`,
    REDIS_KEY_PREFIX: `${REDIS_KEY_PREFIX}${label}`,
    JWT_SECRET,
    ADMIN_TOKEN,
    LOG_LEVEL: 'info',
  };
}

describe('The npm scripts', function () {
  this.timeout(180_000);
  let npm: NpmScript | undefined;
  let started: number[] = [];

  afterEach(() => {
    // Whatever outlived a failing run is ours to end, by pid.
    for (const pid of started) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    started = [];
    npm = undefined;
  });

  describe('npm run local, stopped with SIGTERM to npm', () => {
    it('leaves no process running, and printed the URLs beside the admin token', async () => {
      const port = await freePort();
      // Without ADMIN_TOKEN and JWT_SECRET: the script's local defaults apply, as for a developer.
      const env = envFor(port, 'local');
      delete env.ADMIN_TOKEN;
      delete env.JWT_SECRET;
      npm = NpmScript.start('local', env);

      const { below, left } = await stopNpmWithSigterm(npm, /"api listening"/, 150_000);
      started = left;

      assert.ok(below.length > 0, npm.log);
      assert.deepEqual(left, [], `still running after npm exited:\n${npm.log}`);
      assert.match(npm.log, /admin token: local-admin-token-change-me/);
      assert.ok(npm.log.includes(`http://localhost:${port}/api/docs/`), npm.log);
      assert.ok(npm.log.includes(`http://localhost:${port}/admin/queues`), npm.log);
      assert.ok(npm.log.includes(`http://localhost:${port}/api/chat/`), npm.log);
      assert.match(npm.log, /api stopped/);
    });
  });

  describe('npm start and npm run worker, stopped with SIGTERM to npm', () => {
    before(function () {
      this.timeout(120_000);
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
    });

    for (const [script, ready, stopped] of [
      ['start', /"api listening"/, /api stopped/],
      ['worker', /"worker started"/, /worker stopped/],
    ] as const) {
      it(`${script}: drains and leaves no process running`, async () => {
        npm = NpmScript.start(script, envFor(await freePort(), script));

        const { below, left } = await stopNpmWithSigterm(npm, ready, 30_000);
        started = left;

        assert.ok(below.length > 0, npm.log);
        assert.deepEqual(left, [], `still running after npm exited:\n${npm.log}`);
        assert.match(npm.log, stopped);
      });
    }
  });
});
