import { ContainerModule } from 'inversify';
import { createLogger } from '../../src/adapters/logging/logger';
import { TOKENS } from '../../src/main/tokens';

/** A JSON log line as pino writes it. */
export type LogLine = { level: number; msg?: string; [key: string]: unknown };

/** pino's numeric levels: 40 is `warn`, 50 `error`. */
export const WARN = 40;

/**
 * The process's logger, built as in production (createLogger) at `level` (default `info`), writing
 * into `lines` instead of stdout: pass `module` to startTestApi and read what the server logged.
 */
export function capturedLogs(level = 'info'): { module: ContainerModule; lines: LogLine[]; raw: string[] } {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const destination = {
    write(chunk: string) {
      raw.push(chunk);
      lines.push(JSON.parse(chunk) as LogLine);
    },
  };
  const module = new ContainerModule(({ rebindSync }) => {
    rebindSync(TOKENS.Logger).toConstantValue(createLogger(level, 'chat-api', destination));
  });
  return { module, lines, raw };
}
