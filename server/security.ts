import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ServerBuild } from 'react-router';
import helmet from 'helmet';
import { msg } from '../app/i18n';

export interface SecurityOptions {
  /** Vite's development server: its client injects inline scripts and talks over a WebSocket. */
  dev: boolean;
  /** The public address (PUBLIC_URL): its origin is accepted beside the request's own Host. */
  publicUrl: string;
  /**
   * Other origins a form may lead to: the HelseID login starts with a form post that redirects to
   * the identity provider, and `form-action` also governs that redirect.
   */
  formTargets?: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's CSP nonce, made by `securityMiddleware` (res.locals is typed `any` by Express). */
export function cspNonce(res: Response): string {
  const nonce: unknown = res.locals.cspNonce;
  return typeof nonce === 'string' ? nonce : '';
}

/**
 * Whether an unsafe request (POST, PUT, …) comes from a page of this site (ADR 0011):
 * Fetch Metadata first (`Sec-Fetch-Site`, sent by every current browser and not settable by
 * scripts), else the `Origin` header, else refused. `Origin: null` (sent for form posts under
 * `Referrer-Policy: no-referrer`) alone is not enough.
 */
export function isSameOriginRequest(
  headers: { secFetchSite?: string; origin?: string; host?: string },
  publicOrigin: string,
): boolean {
  if (headers.secFetchSite) return headers.secFetchSite === 'same-origin';
  const origin = headers.origin;
  if (!origin || origin === 'null' || !URL.canParse(origin)) return false;
  const parsed = new URL(origin);
  return parsed.host === headers.host || parsed.origin === publicOrigin;
}

/**
 * Security headers (helmet: a strict nonce-based CSP, HSTS, frame-ancestors 'none', no-referrer,
 * nosniff, …) and the CSRF check on every state-changing request. See ADR 0011.
 */
export function securityMiddleware(options: SecurityOptions): RequestHandler[] {
  const publicOrigin = new URL(options.publicUrl).origin;
  const nonce = (_req: unknown, res: unknown) => `'nonce-${cspNonce(res as Response)}'`;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // Scripts: our bundles and the inline hydration scripts that carry this response's nonce.
        // Vite's development client needs inline and eval'd code: relaxed in development only.
        'script-src': options.dev
          ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
          : ["'self'", nonce],
        // Style sheets: our own files only. Style *attributes* are allowed (ADR 0011): React
        // server-renders `style={…}` of Designsystemet components (floating panels, skeletons) as
        // attributes, and an attribute can neither run script nor select and leak other content.
        'style-src': ["'self'"],
        'style-src-elem': options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
        'style-src-attr': ["'unsafe-inline'"],
        // Designsystemet's icons are data: SVGs in its CSS.
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': options.dev ? ["'self'", 'ws:'] : ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'", ...(options.formTargets ?? [])],
        'frame-ancestors': ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true },
    // Case pages have the case id in the URL: never send it to another site, nor within.
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    xContentTypeOptions: true,
  });

  const makeNonce = (_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(18).toString('base64');
    next();
  };

  const csrf = (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const allowed = isSameOriginRequest(
      { secFetchSite: req.get('Sec-Fetch-Site'), origin: req.get('Origin'), host: req.get('Host') },
      publicOrigin,
    );
    if (allowed) return next();
    res.status(403).type('text/plain; charset=utf-8').send(msg.security.crossSiteRefused);
  };

  return [makeNonce, headers, csrf];
}

/**
 * React Router's own check on actions compares `Origin` with the request URL and refuses
 * `Origin: null`, which browsers send on form posts under `Referrer-Policy: no-referrer`, and the
 * public https origin behind a TLS proxy. Both are safe to let through because `securityMiddleware`
 * has already refused every state-changing request that is not same-origin by Fetch Metadata or
 * by Origin.
 */
export function withActionOrigins(build: ServerBuild, options: SecurityOptions): ServerBuild {
  return { ...build, allowedActionOrigins: ['null', new URL(options.publicUrl).host] };
}
