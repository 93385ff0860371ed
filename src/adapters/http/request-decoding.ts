import express, { type RequestHandler } from 'express';
import { EdgeError } from '../edge/edge-error';

/*
 * Input the server cannot decode is the client's fault: a 400 in the contract's format, before any
 * router sees it (Express's router throws an untyped URIError while matching a malformed segment,
 * and body-parser passes zlib's errors through untyped: both would otherwise be a logged 500).
 */

/** Every segment of the path percent-decodes (checked for any path, with or without a token). */
export const requireDecodablePath: RequestHandler = (req, _res, next) => {
  try {
    // A `%XX` sequence never spans a `/`, so decoding the whole path checks each segment.
    decodeURIComponent(req.path);
  } catch {
    next(
      new EdgeError(400, 'validation_error', 'the path is not valid percent-encoded UTF-8', {
        fields: [{ field: 'path', message: 'malformed percent-encoding' }],
      }),
    );
    return;
  }
  next();
};

/**
 * express.json, where a body that does not decompress (corrupt or truncated gzip, deflate or br) is
 * 400 `invalid_json`. body-parser's typed errors (bad JSON, too large, unknown encoding) pass on.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      const encoding = req.headers['content-encoding']?.toLowerCase() ?? 'identity';
      if (error !== undefined && encoding !== 'identity' && !isTyped(error)) {
        next(new EdgeError(400, 'invalid_json', `the request body does not decompress as ${encoding}`));
        return;
      }
      next(error as Error | undefined);
    });
  };
}

/** body-parser's own errors carry a `type` (entity.parse.failed, encoding.unsupported, …). */
function isTyped(error: unknown): boolean {
  return typeof (error as { type?: unknown } | null)?.type === 'string';
}
