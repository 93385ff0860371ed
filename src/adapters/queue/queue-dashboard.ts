import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { RequestHandler, Router } from 'express';
import { EdgeError } from '../edge/edge-error';
import { browserUiCsp } from '../http/response-headers';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'chat_dashboard';

/** Bull Board over the given queues, served under DASHBOARD_PATH (put dashboardGate in front). */
export function queueDashboardRouter(queues: Queue[]): Router {
  const serverAdapter = new ExpressAdapter().setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'chat queues' } },
  });
  return serverAdapter.getRouter() as Router;
}

/** The dashboard's Content-Security-Policy: its page links IBM Plex on Google Fonts. */
export function dashboardCsp(): RequestHandler {
  return browserUiCsp({
    'style-src': ['https://fonts.googleapis.com'],
    'font-src': ['https://fonts.gstatic.com'],
  });
}

/**
 * The admin token guards the dashboard. API clients send `Authorization: Bearer <ADMIN_TOKEN>`.
 * A browser cannot, so `?token=<ADMIN_TOKEN>` is accepted once: it sets an HttpOnly, SameSite=Strict
 * cookie scoped to the dashboard (a value derived from the token, not the token itself; it stops
 * working when the token changes) and redirects to the same page without the token in the URL.
 */
export function dashboardGate(adminToken: string): RequestHandler {
  const session = createHmac('sha256', adminToken).update('queue-dashboard-session').digest('hex');
  return (req, res, next) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined && same(bearer, adminToken)) return next();
    if (same(cookieOf(req.headers.cookie, COOKIE) ?? '', session)) return next();
    const token = req.query.token;
    if (typeof token === 'string' && same(token, adminToken)) {
      res.cookie(COOKIE, session, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: DASHBOARD_PATH,
        maxAge: 12 * 3600 * 1000,
      });
      const url = new URL(req.originalUrl, 'http://dashboard');
      url.searchParams.delete('token');
      return res.redirect(303, url.pathname + url.search);
    }
    next(
      new EdgeError(401, 'unauthenticated', 'a valid admin token is required', undefined, {
        'WWW-Authenticate': 'Bearer',
      }),
    );
  };
}

function same(given: string, expected: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // not percent-encoding: no session of ours, so the token is asked for
    }
  }
  return undefined;
}
