import './gc-tuning';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '../app/db/database.server';
import { seedDemoData } from '../app/db/demo-data.server';
import { seedTrusts } from '../app/db/seed.server';
import { createServer } from './app';
import { loadConfig } from './config';
import { expressHttpClasses } from './http-classes';

const config = loadConfig(process.env, process.argv);
const database: Database = config.databaseUrl
  ? openPostgres(config.databaseUrl, Number(process.env.DATABASE_POOL_SIZE ?? 10))
  : await openPglite(join(config.dataDir, 'pglite'));
await database.migrate();
await seedTrusts(database.db);
if (config.seedDemo) await seedDemoData(database, config);

const { app, stopJobs } = await createServer(database, config);

const server = createHttpServer(expressHttpClasses(app), app);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`Søknadsportal (${database.kind}) is running: open http://${host}:${port}/`);
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
