import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { EdgeError } from '../edge/edge-error';

/** Admin routes take `Authorization: Bearer <ADMIN_TOKEN>`; compared in constant time. */
export function requireAdminToken(adminToken: string): RequestHandler {
  const expected = digest(adminToken);
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]), expected)) {
      next(
        new EdgeError(401, 'unauthenticated', 'a valid admin token is required', undefined, {
          'WWW-Authenticate': 'Bearer',
        }),
      );
      return;
    }
    next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
