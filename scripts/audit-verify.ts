/**
 * Verifies the access log's hash chains, every trust: `npm run audit:verify`, and the anchors
 * recorded outside the database: `npm run audit:verify -- --anchor HBE:42:<hash>` (repeatable).
 * Uses DATABASE_URL, or the PGlite database in DATA_DIR (stop the server first). Runs as the
 * database owner. Exit code 0: intact and every anchor holds; 1: a chain is broken or an anchor
 * does not hold (each is named); 2: the arguments could not be read (nothing was checked).
 */
import { join } from 'node:path';
import { openPglite, openPostgres } from '../app/db/database.server';
import { formatVerifyReport, verifyAccessLog } from '../app/features/auditlog/auditlog.server';
import { parseVerifyArgs } from '../app/features/auditlog/domain/chain';

const { anchors, errors } = parseVerifyArgs(process.argv.slice(2));
if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exit(2);
}
const database = process.env.DATABASE_URL
  ? openPostgres(process.env.DATABASE_URL, 2)
  : await openPglite(join(process.env.DATA_DIR ?? 'data', 'pglite'));
try {
  await database.migrate();
  const report = await verifyAccessLog(database.db, anchors);
  console.log(formatVerifyReport(report));
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await database.close();
}
