import { ConfigError, loadConfig, type Config } from './config';

/**
 * Runs a process: validated config (one line per bad variable, exit 1), then `start`; SIGTERM/SIGINT
 * call the returned `stop` once and exit 0 when it finishes.
 */
export function runProcess(
  name: string,
  start: (config: Config) => Promise<{ stop(): Promise<void> }>,
): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  start(config).then(
    (running) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`${name}: ${signal} received, draining\n`);
        running.stop().then(
          () => process.exit(0),
          (error) => {
            process.stderr.write(`${name}: shutdown failed: ${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    },
    (error) => {
      process.stderr.write(
        `${name}: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
