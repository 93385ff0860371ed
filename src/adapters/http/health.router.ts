import { Router } from 'express';
import { errorBody } from '../edge/edge-error';

export interface DependencyCheck {
  name: string;
  check(): Promise<void>;
}

/** `/health`: the process is up. `/ready`: every dependency answered, else 503 naming those that did not. */
export function healthRouter(checks: DependencyCheck[]): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, `unavailable: ${(error as Error).message}`] as const;
        }
      }),
    );
    const failed = results.filter(([, state]) => state !== 'ok').map(([name]) => name);
    const dependencies = Object.fromEntries(results);
    if (failed.length === 0) {
      res.json({ status: 'ready', dependencies });
      return;
    }
    const message = `not ready: ${failed.join(', ')} unavailable`;
    res.status(503).json(errorBody('service_unavailable', message, { dependencies }));
  });
  return router;
}
