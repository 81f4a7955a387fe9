import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { msg } from '../app/i18n';

/** Requests per client address per window. */
export interface RateLimits {
  login: number;
  search: number;
}

const WINDOW_MS = 60_000;

/** A login attempt: the development login's POST, or either step of the HelseID login. */
const isLogin = (req: Request) =>
  (req.method === 'POST' && /^\/logg-inn(\.data)?$/.test(req.path)) ||
  /^\/logg-inn\/helseid(\/|\.data$|$)/.test(req.path);

/** The typeahead searches (drugs, diagnoses). */
const isSearch = (req: Request) => /^\/api\/(legemidler|diagnoser)(\.data)?$/.test(req.path);

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
    if (isLogin(req)) return login(req, res, next);
    if (isSearch(req)) return search(req, res, next);
    next();
  };
}
