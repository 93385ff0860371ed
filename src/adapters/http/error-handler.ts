import type { ErrorRequestHandler, RequestHandler } from 'express';
import { EdgeError, errorBody } from '../edge/edge-error';
import { replyFor } from '../edge/error-mapping';
import type { Logger } from '../logging/logger';

/** 404 in the contract's format for every route nobody serves. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new EdgeError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Express's body parser reports its failures with these `type`s. */
const BODY_PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'invalid_json', 'the request body is not valid JSON'],
  'entity.too.large': [413, 'payload_too_large', 'the request body is too large'],
  'encoding.unsupported': [415, 'unsupported_media_type', 'unsupported content encoding'],
  'charset.unsupported': [415, 'unsupported_media_type', 'unsupported charset'],
};

/**
 * Turns an error into a response: the body parser's failures by their type, everything else by the
 * mapping both edges share (edge/error-mapping.ts); a 5xx is logged, its details never sent.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, body, headers } = describe(error);
    if (status >= 500) {
      logger.error(
        { err: error, method: req.method, path: req.path, tenant: req.params?.tenant },
        'request failed',
      );
    }
    res.set(headers).status(status).json(body);
  };
}

function describe(error: unknown): {
  status: number;
  body: ReturnType<typeof errorBody>;
  headers: Record<string, string>;
} {
  const type = (error as { type?: string } | null)?.type;
  if (type && BODY_PARSER_ERRORS[type]) {
    const [status, code, message] = BODY_PARSER_ERRORS[type];
    return { status, body: errorBody(code, message), headers: {} };
  }
  const { status, code, message, details, headers } = replyFor(error);
  return { status, body: errorBody(code, message, details), headers };
}
