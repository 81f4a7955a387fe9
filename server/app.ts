import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import express from 'express';
import type { ServerBuild } from 'react-router';
import type { Database } from '../app/db/database.server';
import { databaseStorage, folderStorage } from '../app/features/attachments/store.server';
import { createAuth } from '../app/features/auth/auth.server';
import { createMachineAccess } from '../app/features/auth/machine.server';
import { createHelseIdLogin } from '../app/features/auth/oidc.server';
import { createMailer } from '../app/features/notifications/mail.server';
import { createOutbox } from '../app/features/notifications/outbox.server';
import { startJobs } from '../app/jobs/jobs.server';
import type { ServerConfig } from './config';
import { withRouteGuards } from './route-guards';
import { cspNonce, securityMiddleware, withActionOrigins } from './security';
import { rateLimiters } from './rate-limit';
import { createRequestHandler } from './request-handler';

/**
 * The web application on an open, migrated database: security middleware, rate limits, the React
 * Router build (Vite in development) and, unless `jobs: false`, the background jobs. Used by
 * server/main.ts and, in process, by the benchmarks.
 */
export async function createServer(
  database: Database,
  config: ServerConfig,
  options: { jobs?: boolean } = {},
) {
  const cookies = { secrets: config.sessionSecrets, secure: config.cookieSecure };
  const auth = createAuth(database.db, {
    ...cookies,
    timeouts: config.sessions,
    readAsApp: database.readAsApp,
  });
  const signIn = {
    helseId: config.helseId ? createHelseIdLogin(database.db, auth, config.helseId, cookies) : null,
    devLogin: config.devLogin,
  };
  const machineAccess = config.machineAccess ? createMachineAccess(config.machineAccess) : null;

  const attachments = {
    storage:
      config.attachments.store === 'folder'
        ? folderStorage(config.attachments.dir)
        : databaseStorage(),
    maxBytes: config.attachments.maxBytes,
  };

  const outbox = createOutbox(database.db, createMailer(config.mail), config.mail.publicUrl);
  const jobs =
    options.jobs === false
      ? null
      : await startJobs(database, { fest: config.fest, outbox, attachments: attachments.storage });

  const security = {
    dev: config.dev,
    publicUrl: config.mail.publicUrl,
    formTargets: config.helseId ? [new URL(config.helseId.issuer).origin] : [],
  };
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS proxy: the client's address (rate limits) from its X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.use(securityMiddleware(security));
  app.use((req, res, next) => {
    // A change may have notified someone: deliver their e-mail once its transaction has committed.
    if (req.method === 'POST') res.on('finish', () => outbox.kick());
    next();
  });

  app.use(rateLimiters(config.rateLimits));

  app.get('/healthz', async (_req, res) => {
    try {
      await database.db.execute(sql`select 1`);
      res.json({ status: 'ok', database: database.kind });
    } catch {
      res.status(503).json({ status: 'error', database: database.kind });
    }
  });

  /** The build with its loaders/actions guarded for database outages, and the CSRF origins set. */
  const prepare = (b: ServerBuild) => withRouteGuards(withActionOrigins(b, security));
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (config.dev) {
    const vite = await import('vite').then((v) =>
      v.createServer({ server: { middlewareMode: true } }),
    );
    app.use(vite.middlewares);
    build = () =>
      vite
        .ssrLoadModule('virtual:react-router/server-build')
        .then((b) => prepare(b as ServerBuild));
  } else {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
    // The rest of build/client (Vite's copy of public/, if any) for its own paths only: for any
    // other path serve-static would look for a file on every page and API request (a stat).
    const files = new Set(readdirSync('build/client').filter((name) => name !== 'assets'));
    const rest = express.static('build/client', { maxAge: '1h' });
    app.use((req, res, next) => {
      if (files.has(req.path.split('/')[1] ?? '')) rest(req, res, next);
      else next();
    });
    build = prepare(
      (await import(
        pathToFileURL(join(process.cwd(), 'build/server/index.js')).href
      )) as ServerBuild,
    );
  }
  app.all(
    '/{*path}',
    createRequestHandler({
      build,
      getLoadContext: (req, res) => ({
        db: database.db,
        databaseKind: database.kind,
        // The root loader and the page's share one session read (see `forRequest`).
        auth: req.method === 'GET' || req.method === 'HEAD' ? auth.forRequest() : auth,
        attachments,
        mailboxDir: config.mail.mailboxDir,
        cspNonce: cspNonce(res),
        pidSecret: config.pidSecret,
        signIn,
        machineAccess,
      }),
    }),
  );

  return { app, auth, stopJobs: () => jobs?.stop() ?? Promise.resolve() };
}
