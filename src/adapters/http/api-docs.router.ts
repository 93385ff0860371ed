import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { browserUiCsp } from './response-headers';

/**
 * Under `/api`: the OpenAPI document at `/openapi.json` and Swagger UI over it at `/docs/`, with its
 * CSP; the AsyncAPI document of the Socket.IO namespaces at `/asyncapi.json` (built by the
 * composition root: this module does not know the real-time side).
 */
export function apiDocsRouter(document: object, asyncApiDocument: object): Router {
  const router = Router({ strict: false });
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/asyncapi.json', (_req, res) => {
    res.json(asyncApiDocument);
  });
  router.use('/docs', browserUiCsp(), ...swaggerUi.serveFiles(document));
  const page = swaggerUi.setup(document, { customSiteTitle: 'Chat backend API' });
  router.get('/docs', (req, res, next) => {
    // The page loads its assets by relative URL (./swagger-ui.css): it must be served under `/docs/`.
    const [path, query] = req.originalUrl.split('?', 2);
    if (!path.endsWith('/')) {
      res.redirect(301, `${path}/${query === undefined ? '' : `?${query}`}`);
      return;
    }
    page(req, res, next);
  });
  return router;
}
