/**
 * One measurement of bench/fest.bench.ts, in its own process so that peak RSS is its own:
 * `node --import tsx bench/fest-child.ts parse|import <file>`. Prints one JSON line.
 *
 * - parse: the floor. The importer's streaming XML parser (saxes, namespace-aware) over the same
 *   bytes, read and decoded the same way, with handlers that only count.
 * - import: the real `importFest` into a fresh, migrated database: PostgreSQL (a scratch database
 *   on the DATABASE_URL server, dropped afterwards) when DATABASE_URL is set, else in-memory PGlite.
 */
// The server's V8 settings (server/main.ts), where the import runs as a job; the parse has them too.
import '../server/gc-tuning';
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { Database } from '../app/db/database.server';

export interface ChildResult {
  ms: number;
  /** Peak resident set size of the whole process, MB. */
  peakRssMb: number;
  /** Resident set size just before the measured work started, MB. */
  startRssMb: number;
  /** CPU time (user + system) of this process during the measured work: the database's is not in it. */
  cpuMs: number;
  elements?: number;
  database?: 'pglite' | 'postgres';
  products?: number;
  packages?: number;
}

const MB = 1024 * 1024;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
/**
 * This process's peak RSS: VmHWM, which starts afresh at exec. (getrusage's maxRSS is kept across
 * exec on Linux, so a child of a large parent would report the parent's peak.)
 */
const peakRssMb = () => {
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return hwm?.[1] ? (Number(hwm[1]) * 1024) / MB : (process.resourceUsage().maxRSS * 1024) / MB;
};

async function parse(file: string): Promise<ChildResult> {
  const startRssMb = process.memoryUsage().rss / MB;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const parser = new SaxesParser({ xmlns: true });
  let elements = 0;
  let textLength = 0;
  parser.on('opentag', () => elements++);
  parser.on('text', (text) => (textLength += text.length));
  parser.on('closetag', () => undefined);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of createReadStream(file)) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
  if (textLength === 0) throw new Error('Nothing parsed');
  const ms = performance.now() - start;
  return { ms, peakRssMb: peakRssMb(), startRssMb, cpuMs: cpuMs(cpu), elements };
}

async function runImport(file: string): Promise<ChildResult> {
  // Loaded here, so that the parse process does not carry the database modules.
  const { count } = await import('drizzle-orm');
  const { openPglite, openPostgres } = await import('../app/db/database.server');
  const { festPackages, festProducts } = await import('../app/db/schema');
  const { importFest } = await import('../app/features/fest/fest-import.server');
  const scratch = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : null;
  const database: Database = scratch ? openPostgres(scratch.url, 2) : await openPglite();
  try {
    await database.migrate();
    const startRssMb = process.memoryUsage().rss / MB;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await importFest(database.db, file);
    const ms = performance.now() - start;
    const cpuTime = cpuMs(cpu);
    if (result.status !== 'succeeded') throw new Error(`Import ${result.status}`);
    const [products] = await database.db.select({ n: count() }).from(festProducts);
    const [packages] = await database.db.select({ n: count() }).from(festPackages);
    return {
      ms,
      peakRssMb: peakRssMb(),
      startRssMb,
      cpuMs: cpuTime,
      database: database.kind,
      products: products?.n ?? 0,
      packages: packages?.n ?? 0,
    };
  } finally {
    await database.close();
    await scratch?.drop();
  }
}

/**
 * A new empty database on the server (as app/test/databases.ts makes them, without loading the
 * test helpers and with them the whole app into this process's memory).
 */
async function scratchDatabase(serverUrl: string) {
  const { default: pg } = await import('pg');
  const name = `sp_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'parse' && mode !== 'import')) {
  console.error('Usage: node --import tsx bench/fest-child.ts parse|import <file>');
  process.exit(2);
}
const result = mode === 'parse' ? await parse(file) : await runImport(file);
console.log(JSON.stringify(result));
