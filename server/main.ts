import './gc-tuning';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '../app/db/database.server';
import { seedDemoData } from '../app/db/demo-data.server';
import { seedTrusts } from '../app/db/seed.server';
import { createServer } from './app';
import { loadConfig, localPublicUrl, withFreePort } from './config';
import { expressHttpClasses } from './http-classes';
import { keepConnectionsAlive } from './keep-alive';

const loaded = loadConfig(process.env, process.argv);
const database: Database = loaded.databaseUrl
  ? openPostgres(loaded.databaseUrl, Number(process.env.DATABASE_POOL_SIZE ?? 10))
  : await openPglite(join(loaded.dataDir, 'pglite'));
await database.migrate();
await seedTrusts(database.db);
if (loaded.seedDemo) await seedDemoData(database, loaded);

// PORT=0: the free port is chosen now, just before the app is built from its address.
const config = await withFreePort(loaded);
const { app, stopJobs } = await createServer(database, config);

const server = createHttpServer(expressHttpClasses(app), app);
keepConnectionsAlive(server);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = localPublicUrl(config.host, port);
  console.log(`Søknadsportal (${database.kind}) is running: open ${url}/`);
});

const shutdown = () => {
  server.close(() => {
    void stopJobs()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
