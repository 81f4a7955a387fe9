import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@react-router/express';
import { sql } from 'drizzle-orm';
import express from 'express';
import type { ServerBuild } from 'react-router';
import { openPglite, openPostgres, type Database } from '../app/db/database.server';
import { databaseStorage, folderStorage } from '../app/features/attachments/store.server';
import { seed, seedFest } from '../app/db/seed.server';
import { createAuth } from '../app/features/auth/auth.server';
import { createHelseIdLogin } from '../app/features/auth/oidc.server';
import { seedNationalDemo } from '../app/features/national/demo.server';
import { createMailer } from '../app/features/notifications/mail.server';
import { createOutbox } from '../app/features/notifications/outbox.server';
import { startJobs } from '../app/jobs/jobs.server';
import { loadConfig } from './config';
import { withRouteGuards } from './route-guards';
import { cspNonce, securityMiddleware, withActionOrigins } from './security';
import { rateLimiters } from './rate-limit';

const config = loadConfig(process.env, process.argv);
const database: Database = config.databaseUrl
  ? openPostgres(config.databaseUrl, Number(process.env.DATABASE_POOL_SIZE ?? 10))
  : await openPglite(join(config.dataDir, 'pglite'));
await database.migrate();
if (config.seedDemo) {
  await seed(database.db);
  await seedFest(database.db);
  await seedNationalDemo(database.db, config.nationalDemoCases);
}

const cookies = { secrets: config.sessionSecrets, secure: process.env.COOKIE_SECURE === 'true' };
const auth = createAuth(database.db, { ...cookies, timeouts: config.sessions });
const signIn = {
  helseId: config.helseId ? createHelseIdLogin(database.db, auth, config.helseId, cookies) : null,
  devLogin: config.devLogin,
};

const attachments = {
  storage:
    config.attachments.store === 'folder'
      ? folderStorage(config.attachments.dir)
      : databaseStorage(),
  maxBytes: config.attachments.maxBytes,
};

const outbox = createOutbox(database.db, createMailer(config.mail), config.mail.publicUrl);
const jobs = await startJobs(database, {
  fest: config.fest,
  outbox,
  attachments: attachments.storage,
});

const security = {
  dev: config.dev,
  publicUrl: config.mail.publicUrl,
  formTargets: config.helseId ? [new URL(config.helseId.issuer).origin] : [],
};
const app = express();
app.disable('x-powered-by');
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
    vite.ssrLoadModule('virtual:react-router/server-build').then((b) => prepare(b as ServerBuild));
} else {
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
  app.use(express.static('build/client', { maxAge: '1h' }));
  build = prepare(
    (await import(pathToFileURL(join(process.cwd(), 'build/server/index.js')).href)) as ServerBuild,
  );
}
app.all(
  '/{*path}',
  createRequestHandler({
    build,
    getLoadContext: (_req, res) => ({
      db: database.db,
      databaseKind: database.kind,
      auth,
      attachments,
      mailboxDir: config.mail.mailboxDir,
      cspNonce: cspNonce(res),
      signIn,
    }),
  }),
);

const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`Søknadsportal (${database.kind}) is running: open http://${host}:${port}/`);
});

const shutdown = () => {
  server.close(() => {
    void jobs
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
