import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { msg } from '../app/i18n';

/** Requests per client address per window. */
export interface RateLimits {
  login: number;
  search: number;
  /** Downloads of the national overview (CSV or Excel) that were served. */
  export: number;
}

const WINDOW_MS = 60_000;

/**
 * The path as React Router matches it: percent-decoded, in any letter case (`/Logg-Inn` and
 * `/logg%2Dinn` are the login too), without a trailing slash.
 */
function routePath(req: Request): string {
  let path = req.path;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: React Router will not match it either; compare it as it is.
  }
  return path.toLowerCase().replace(/(.)\/+$/, '$1');
}

/** A login attempt: the development login's POST, or either step of the HelseID login. */
const isLogin = (req: Request, path: string) =>
  (req.method === 'POST' && /^\/logg-inn(\.data)?$/.test(path)) ||
  /^\/logg-inn\/helseid(\/|\.data$|$)/.test(path);

/** The typeahead searches (drugs, diagnoses). */
const isSearch = (path: string) => /^\/api\/(legemidler|diagnoser)(\.data)?$/.test(path);

/** The national overview's downloads: every row of it, for users and for systems (ADR 0033). */
const isNationalExport = (path: string) => /^\/nasjonalt\/eksport\.(csv|xlsx)$/.test(path);

/** Answers a refused request with 429 and a small Norwegian page: what happened, and a link on. */
function refuseWithPage(text: string, back: { href: string; label: string }) {
  const title = msg.signIn.rateLimited.title;
  const page =
    `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><main><h1>${title}</h1><p>${text}</p><p><a href="${back.href}">${back.label}</a></p></main></body></html>`;
  return (_req: Request, res: Response) => {
    res.status(429).type('html').send(page);
  };
}

/**
 * Per-address rate limits (express-rate-limit, in-memory per app instance) on logging in, on
 * search and on the national overview's downloads. Over the limit: 429 with a Norwegian message
 * (HTML for login and downloads, JSON for search) and `Retry-After`. A download counts only when it
 * is served: a refused token or session (401, 403) or a bad filter (400) costs nothing to answer.
 * One middleware that hands each kind to its limiter and lets every other request through
 * untouched (not limiters that each skip it, at a few awaits and a `req.ip` each).
 */
export function rateLimiters(limits: RateLimits, windowMs = WINDOW_MS): RequestHandler {
  const common = { windowMs, standardHeaders: 'draft-8', legacyHeaders: false } as const;
  const t = msg.signIn.rateLimited;
  const login = rateLimit({
    ...common,
    limit: limits.login,
    handler: refuseWithPage(t.login, { href: '/logg-inn', label: t.back }),
  });
  const search = rateLimit({
    ...common,
    limit: limits.search,
    handler: (_req, res) => {
      res.status(429).json({ problem: t.search });
    },
  });
  const exports = rateLimit({
    ...common,
    limit: limits.export,
    skipFailedRequests: true,
    handler: refuseWithPage(t.export, { href: '/nasjonalt', label: t.backToNational }),
  });
  return (req, res, next) => {
    const path = routePath(req);
    if (isLogin(req, path)) return login(req, res, next);
    if (isSearch(path)) return search(req, res, next);
    if (isNationalExport(path)) return exports(req, res, next);
    next();
  };
}
