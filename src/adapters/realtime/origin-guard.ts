import type { IncomingMessage } from 'node:http';

type AllowRequest = (
  req: IncomingMessage,
  callback: (err: string | null | undefined, success: boolean) => void,
) => void;

/**
 * Engine.IO's `allowRequest`: a browser always sends `Origin` (also on WebSocket upgrades, which CORS
 * does not cover), so a page of a foreign site is refused before any handshake. Origins in
 * CORS_ORIGINS are allowed; with none configured only same-origin pages are (the Host the request
 * came to). Clients without `Origin` (servers, mobile apps) are not browsers: their token decides.
 */
export function originGuard(allowedOrigins: readonly string[]): AllowRequest {
  const allowed = new Set(allowedOrigins.map((o) => o.replace(/\/$/, '').toLowerCase()));
  return (req, callback) => {
    const origin = req.headers.origin;
    if (!origin) return callback(null, true);
    const normalized = origin.replace(/\/$/, '').toLowerCase();
    const ok =
      allowed.size === 0
        ? sameOrigin(normalized, req.headers.host)
        : allowed.has(normalized) || allowed.has('*');
    callback(ok ? null : 'origin not allowed', ok);
  };
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
