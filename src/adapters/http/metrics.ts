import type { Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

/*
 * Prometheus metrics on prom-client's default registry, which the queue metrics share. Metrics are
 * created on first use, not at import, and reused when a process builds several apps (tests do).
 */

const DURATION = 'http_request_duration_seconds';
const MOUNT = 'metricsMount';

function durationHistogram(): Histogram<'method' | 'route' | 'status'> {
  const existing = register.getSingleMetric(DURATION);
  if (existing) return existing as Histogram<'method' | 'route' | 'status'>;
  return new Histogram({
    name: DURATION,
    help: 'HTTP request duration in seconds, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}

/** Times every request. Labels are bounded: the route's pattern (never the raw path, no tenant), not the URL. */
export function requestMetrics(): RequestHandler {
  const histogram = durationHistogram();
  return (req, res, next) => {
    const stop = histogram.startTimer();
    res.once('finish', () =>
      stop({ method: req.method, route: routeLabel(req, res), status: res.statusCode }),
    );
    next();
  };
}

/** Remembers which mount a request entered, so that the route label can be its full pattern. */
export function markMount(pattern: string): RequestHandler {
  return (_req, res, next) => {
    res.locals[MOUNT] = pattern;
    next();
  };
}

/** `/api/chat/:tenant/channels/:id` for a matched route; the mount's pattern + `/*` when none matched. */
function routeLabel(req: Request, res: Response): string {
  const mount = res.locals[MOUNT] as string | undefined;
  const route = req.route?.path as string | undefined;
  if (route !== undefined) return joinPaths(mount ?? '', route);
  return mount && mount !== '/' ? joinPaths(mount, '/*') : 'unmatched';
}

function joinPaths(mount: string, path: string): string {
  return `${mount.replace(/\/$/, '')}${path}` || '/';
}

/** `GET /metrics`: the default registry in the Prometheus text format, with process metrics. */
export function metricsRouter(): Router {
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.type(register.contentType).send(await register.metrics());
  });
  return router;
}
