import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { browserUiCsp } from './response-headers';

/** Where the demo is served (only with DEMO_ENABLED=true). */
export const DEMO_MOUNT = '/demo';

/**
 * The browser demo (`demo/`, built by `npm run build -w demo` into `demo/dist`): static files under
 * the same CSP as the other browser UIs (scripts and connections to this origin only). When the build
 * is missing, the page says how to make it instead of a bare 404.
 */
export function demoRouter(distDir: string): Router {
  const router = Router({ strict: false });
  router.use(browserUiCsp());
  router.get('/', (req, res, next) => {
    if (!req.originalUrl.split('?')[0].endsWith('/')) {
      res.redirect(301, `${DEMO_MOUNT}/`);
      return;
    }
    if (existsSync(join(distDir, 'index.html'))) return next();
    res
      .status(503)
      .type('text/plain')
      .send('The demo is not built: run `npm run build -w demo` (npm run local does it).');
  });
  router.use(express.static(distDir, { index: 'index.html', fallthrough: true }));
  return router;
}
