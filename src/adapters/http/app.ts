import cors from 'cors';
import express, { type Express, type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { EdgeError } from '../edge/edge-error';
import type { Logger } from '../logging/logger';
import { errorHandler, notFoundHandler } from './error-handler';
import { markMount, requestMetrics } from './metrics';
import { jsonBody, requireDecodablePath } from './request-decoding';

export interface HttpMount {
  path: string;
  handlers: Array<Router | RequestHandler>;
}

export interface HttpAppOptions {
  logger: Logger;
  corsOrigins: string[];
  bodyLimit: string;
  mounts: HttpMount[];
}

/** The Express application: protection, parsing, the mounted routers, then the contract's errors. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  // Query strings are parsed flat: `?before[$gt]=0` stays the string key "before[$gt]".
  app.set('query parser', 'simple');
  app.use(accessLog(options.logger));
  app.use(requestMetrics());
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(cors({ origin: options.corsOrigins.length ? options.corsOrigins : false, credentials: true }));
  app.use(requireDecodablePath);
  app.use(requireJsonBody);
  app.use(jsonBody(options.bodyLimit));
  for (const mount of options.mounts) app.use(mount.path, markMount(mount.path), ...mount.handlers);
  app.use(notFoundHandler);
  app.use(errorHandler(options.logger));
  return app;
}

/** A body must be JSON; an empty body (no content) is fine. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(new EdgeError(415, 'unsupported_media_type', 'send the body as application/json'));
    return;
  }
  next();
};

/**
 * One JSON line per request: method, path without its query (a dashboard `?token=` never reaches a
 * log), status and duration; never headers. Health checks and scrapes are not logged.
 */
function accessLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' || req.url === '/metrics' },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
  });
}
