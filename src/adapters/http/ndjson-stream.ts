import type { Response } from 'express';
import { errorObject } from '../edge/edge-error';
import { replyFor } from '../edge/error-mapping';
import type { Logger } from '../logging/logger';

export const NDJSON = 'application/x-ndjson';

/** Lines are gathered into chunks of about this size before they are written. */
const CHUNK_BYTES = 64 * 1024;

export interface NdjsonOptions {
  logger: Logger;
  /** The download's file name (Content-Disposition). */
  filename: string;
  /** What the log says the stream was, e.g. `{tenant, export: 'tenant'}`. */
  logContext: Record<string, unknown>;
}

/**
 * Writes `records` as NDJSON (one JSON object per line), pulling the next record only once the
 * previous chunk was accepted by the socket (`drain`), so memory stays bounded whatever the size.
 * The status and headers wait for the first record: a failure before it still answers with its own
 * status (404, 503…). After it the status is sent; a failure then ends the stream with a
 * `{"type":"error","error":{code,message}}` line and is logged. A client that disconnects stops the
 * reading (`return()` on the iterator closes its cursors).
 */
export async function writeNdjson(
  res: Response,
  records: AsyncIterable<unknown>,
  options: NdjsonOptions,
): Promise<void> {
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  res.status(200).set({
    'Content-Type': `${NDJSON}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${options.filename}"`,
  });
  const output = new ChunkedOutput(res);
  try {
    for (let item = first; !item.done && !output.closed; item = await iterator.next())
      await output.line(item.value);
  } catch (error) {
    options.logger.error({ err: error, ...options.logContext }, 'export failed after its first line');
    const { code, message } = replyFor(error);
    if (!output.closed) await output.line({ type: 'error', error: errorObject(code, message) });
  } finally {
    if (output.closed) await iterator.return?.(undefined);
  }
  await output.end();
}

/** Lines gathered into chunks, each written once the socket took the previous one. */
class ChunkedOutput {
  private buffer = '';
  closed = false;

  constructor(private readonly res: Response) {
    res.once('close', () => (this.closed = true));
  }

  async line(value: unknown): Promise<void> {
    this.buffer += `${JSON.stringify(value)}\n`;
    if (this.buffer.length >= CHUNK_BYTES) await this.flush();
  }

  async end(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.res.end();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (this.closed || chunk === '' || this.res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }
}
