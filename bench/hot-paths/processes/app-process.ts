/*
 * A child process of the bench: the API (`npm start`'s composition root) or the worker process
 * (`npm run worker`'s), configured by its environment; it tells the bench over IPC when it listens
 * (with its port) and stops cleanly on a 'stop' message. Runs as `node --require tsx/cjs <this> api|worker`.
 */
import { ApiNode } from '../../../src/main/api-node';
import { loadConfig } from '../../../src/main/config';
import { buildContainer } from '../../../src/main/container';
import { startWorkerProcess } from '../../../src/main/worker-process';

async function start(kind: string): Promise<{ stop(): Promise<void>; port?: number }> {
  const config = loadConfig();
  if (kind === 'worker') return startWorkerProcess(config);
  const node = new ApiNode(buildContainer(config, 'api'));
  await node.start();
  return { stop: () => node.stop(), port: node.port };
}

start(process.argv[2] ?? 'api').then(
  (running) => {
    process.on('message', (message) => {
      if (message === 'stop') void running.stop().finally(() => process.exit(0));
    });
    process.on('disconnect', () => process.exit(0));
    process.send?.({ ready: true, port: running.port });
  },
  (error) => {
    process.stderr.write(`failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
