/**
 * Verifies the access log's hash chains, every trust: `npm run audit:verify`.
 * Uses DATABASE_URL, or the PGlite database in DATA_DIR (stop the server first). Runs as the
 * database owner. Exit code 0: intact; 1: a chain is broken (the first broken row per trust is named).
 */
import { join } from 'node:path';
import { openPglite, openPostgres } from '../app/db/database.server';
import { formatVerifyReport, verifyAccessLog } from '../app/features/auditlog/auditlog.server';

const database = process.env.DATABASE_URL
  ? openPostgres(process.env.DATABASE_URL, 2)
  : await openPglite(join(process.env.DATA_DIR ?? 'data', 'pglite'));
try {
  await database.migrate();
  const report = await verifyAccessLog(database.db);
  console.log(formatVerifyReport(report));
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await database.close();
}
