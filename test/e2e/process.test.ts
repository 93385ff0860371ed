import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../support/free-port';
import { testEnv } from '../support/test-env';

const TSX = require.resolve('tsx/cli');

function runApi(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, 'src/main/api.ts'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return { child, output: () => output };
}

describe('The API process', () => {
  it('exits non-zero at start with a line naming each bad variable', async () => {
    const { child, output } = runApi(testEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', ADMIN_TOKEN: 'short' }));

    const [code] = await once(child, 'exit');

    assert.notEqual(code, 0);
    assert.match(output(), /PORT: /);
    assert.match(output(), /LOG_LEVEL: /);
    assert.match(output(), /ADMIN_TOKEN: must be at least 16 characters/);
  });

  it('drains and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const { child, output } = runApi(testEnv({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }));
    for (let i = 0; i < 100 && !output().includes('api listening'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const health = await fetch(`http://127.0.0.1:${port}/health`);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');

    assert.equal(health.status, 200);
    assert.equal(code, 0, output());
    assert.match(output(), /api stopped/);
  });
});
