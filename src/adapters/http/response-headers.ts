import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * What an authenticated JSON answer says to caches: keep nothing. Channels, messages and tenants are
 * one caller's view; a shared proxy or the browser's cache must not serve them to anyone later.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of a browser UI served by the API (Swagger UI, Bull Board): scripts
 * only from the page's own origin, so an injected `<script>` or `javascript:` never runs, and no
 * plugins, framing or foreign form targets. Both UIs ship inline `<style>` blocks and `style`
 * attributes in their HTML, so styles allow 'unsafe-inline' (styles cannot run code). No
 * `upgrade-insecure-requests`: a local node serves plain HTTP. `extra` adds sources per directive.
 */
export function browserUiCsp(extra: Directives = {}): RequestHandler {
  const directives: Directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  for (const [name, sources] of Object.entries(extra))
    directives[name] = [...(directives[name] ?? []), ...sources];
  return helmet.contentSecurityPolicy({ useDefaults: false, directives });
}
