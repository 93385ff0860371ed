import type { Express } from 'express';

interface Layer {
  name?: string;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
}

export interface ServedRoutes {
  /** `METHOD /path/{param}` without a trailing slash. */
  routes: string[];
  /** Where whole Express sub-applications are mounted (their routes are not visible from outside). */
  apps: string[];
}

/**
 * What an Express app serves, found by walking its router and the routers mounted in it
 * (Express 5 / router 2 keep each layer's `rawPath`). A mounted sub-application (a third-party UI
 * such as Bull Board) hides its routes inside a closure, so only its mount path is reported. Paths
 * that are not plain strings are reported as such, so a test notices them instead of skipping them.
 */
export function servedRoutes(app: Express): ServedRoutes {
  const routes = new Set<string>();
  const apps = new Set<string>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const mount = pathOf(layer.rawPath);
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
          routes.add(`${method.toUpperCase()} ${normalize(prefix + pathOf(layer.route.path))}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + (mount === '/' ? '' : mount));
      } else if (layer.name === 'mounted_app') {
        apps.add(normalize(prefix + mount));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return { routes: [...routes].sort(), apps: [...apps].sort() };
}

/** `/a/{b}/` and `/a/:b` both become `/a/{b}`. */
export function normalize(path: string): string {
  return path.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/(.)\/+$/, '$1');
}

function pathOf(path: unknown): string {
  return typeof path === 'string' ? path : `<non-string path ${String(path)}>`;
}
