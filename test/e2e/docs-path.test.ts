import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { RUN_DB_PREFIX, testEnv } from '../support/test-env';
import { outputPattern, shellBlocks, steps, type DocStep } from './support/doc-shell';
import { ProcessChild } from './support/process-child';

const ROOT = path.resolve(__dirname, '../..');
// The local defaults of `npm run local`, which the documented commands use.
const LOCAL_ADMIN_TOKEN = 'local-admin-token-change-me';
const LOCAL_JWT_SECRET = 'local-jwt-secret-change-me-0123456789abcdef';
const LOCAL_TENANT_KEYS_SECRET = 'local-tenant-keys-secret-change-me-0123456789';
const MARK = '@@@step-end@@@';

/** The documented path: the README's first blocks, its "Try it with curl" block, then the walk-through. */
function documentedPath(): DocStep[] {
  // Starting the server is the test's part: blocks that start it or run the tests are left out.
  return [
    ...shellBlocks('README.md', '## The two commands', '## Documentation'),
    ...shellBlocks('docs/walkthrough.md'),
  ]
    .filter((block) => !/npm run local|npm test/.test(block.text))
    .flatMap(steps);
}

/** Runs every step in one bash, as a reader pastes them into one shell, and cuts the output per step. */
async function runInOneShell(script: DocStep[], port: number): Promise<{ outputs: string[]; log: string }> {
  const text = script
    .map(
      ({ command }) => `${command.replaceAll('localhost:3000', `127.0.0.1:${port}`)}\nprintf '\\n${MARK}\\n'`,
    )
    .join('\n');
  const bash = spawn('bash', ['-eo', 'pipefail', '-c', text], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  bash.stdout.on('data', (d) => (stdout += d));
  bash.stderr.on('data', (d) => (stderr += d));
  const [code] = await once(bash, 'exit');
  assert.equal(code, 0, `a documented command failed:\n${stdout}\n${stderr}`);
  return { outputs: stdout.split(`\n${MARK}\n`), log: `${stdout}\n${stderr}` };
}

describe('The documented path (README, then docs/walkthrough.md)', function () {
  this.timeout(180_000);
  const dbPrefix = `${RUN_DB_PREFIX}docs_`;
  let api: ProcessChild;
  let port: number;

  before(async () => {
    port = await freePort();
    api = await ProcessChild.start(
      testEnv({
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_TOKEN: LOCAL_ADMIN_TOKEN,
        JWT_SECRET: LOCAL_JWT_SECRET,
        TENANT_KEYS_SECRET: LOCAL_TENANT_KEYS_SECRET,
        WORKERS_INLINE: 'true',
        MONGO_DB_PREFIX: dbPrefix,
        REDIS_KEY_PREFIX: `${testEnv().REDIS_KEY_PREFIX}docs`,
      }),
      'api',
    );
  });

  after(async () => {
    await api?.kill('SIGTERM');
  });

  it('works top to bottom on a fresh start, and prints what the docs show', async () => {
    const script = documentedPath();

    const { outputs } = await runInOneShell(script, port);

    const mismatches = script.flatMap((step, i) => {
      const printed = (outputs[i] ?? '').split('\n').filter(Boolean);
      const expected = step.expected.map((line) => line.replaceAll('"chat_t_', `"${dbPrefix}t_`));
      const same =
        printed.length === expected.length &&
        expected.every((line, j) => outputPattern(line).test(printed[j]));
      return step.expected.length === 0 || same
        ? []
        : [
            `${step.source}: ${step.command}\n  documented: ${expected.join(' / ')}\n  printed:    ${printed.join(' / ')}`,
          ];
    });
    assert.ok(script.filter((step) => step.expected.length > 0).length >= 10, 'the docs show outputs');
    assert.deepEqual(mismatches, []);
  });
});
