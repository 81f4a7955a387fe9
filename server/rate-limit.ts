import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { msg } from '../app/i18n';

/** Requests per client address per window. */
export interface RateLimits {
  login: number;
  search: number;
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

/**
 * Per-address rate limits (express-rate-limit, in-memory per app instance) on logging in and on
 * search. Over the limit: 429 with a Norwegian message (HTML for login, JSON for search). One
 * middleware that hands a login or a search to its limiter and lets every other request through
 * untouched (not two limiters that each skip it, at a few awaits and a `req.ip` each).
 */
export function rateLimiters(limits: RateLimits, windowMs = WINDOW_MS): RequestHandler {
  const common = { windowMs, standardHeaders: 'draft-8', legacyHeaders: false } as const;
  const login = rateLimit({
    ...common,
    limit: limits.login,
    handler: (_req, res) => {
      const t = msg.signIn.rateLimited;
      res
        .status(429)
        .type('html')
        .send(
          `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${t.title}</title></head>` +
            `<body><main><h1>${t.title}</h1><p>${t.login}</p><p><a href="/logg-inn">${t.back}</a></p></main></body></html>`,
        );
    },
  });
  const search = rateLimit({
    ...common,
    limit: limits.search,
    handler: (_req, res) => {
      res.status(429).json({ problem: msg.signIn.rateLimited.search });
    },
  });
  return (req, res, next) => {
    const path = routePath(req);
    if (isLogin(req, path)) return login(req, res, next);
    if (isSearch(path)) return search(req, res, next);
    next();
  };
}
