/**
 * Imports a FEST M30 extract: `npm run fest:import -- <file-or-url> [--partial]`.
 * Uses DATABASE_URL, or the PGlite database in DATA_DIR (stop the server first: PGlite is one
 * process's database). Progress goes to stderr, the summary to stdout.
 */
import { join } from 'node:path';
import { openPglite, openPostgres } from '../app/db/database.server';
import { FEST_KINDS, totalCounts, type KindCounts } from '../app/features/fest/domain/m30';
import { importFest, type FestImportProgress } from '../app/features/fest/fest-import.server';

const args = process.argv.slice(2);
const source = args.find((a) => !a.startsWith('--'));
if (!source || args.includes('--help')) {
  console.error('Usage: npm run fest:import -- <file.xml | file.xml.gz | https://…> [--partial]');
  console.error('  --partial  the extract is not complete: withdraw nothing');
  process.exit(source ? 0 : 2);
}

const MB = 1024 * 1024;
let lastDrawn = 0;
function drawProgress({ bytesRead, totalBytes }: FestImportProgress, final = false) {
  const now = Date.now();
  if (!final && now - lastDrawn < 100) return;
  lastDrawn = now;
  const done = `${(bytesRead / MB).toFixed(1)} MB`;
  if (totalBytes) {
    const share = Math.min(bytesRead / totalBytes, 1);
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    process.stderr.write(
      `\r[${bar}] ${String(Math.round(share * 100)).padStart(3)} % ${done} / ${(totalBytes / MB).toFixed(1)} MB`,
    );
  } else {
    process.stderr.write(`\r${done}`);
  }
}

const database = process.env.DATABASE_URL
  ? openPostgres(process.env.DATABASE_URL, 2)
  : await openPglite(join(process.env.DATA_DIR ?? 'data', 'pglite'));
try {
  await database.migrate();
  const result = await importFest(database.db, source, {
    partial: args.includes('--partial'),
    onProgress: (p) => drawProgress(p),
  });
  drawProgress({ bytesRead: result.bytesRead, totalBytes: result.bytesRead }, true);
  process.stderr.write('\n');
  if (result.status === 'skipped') {
    console.log(`Skipped: an extract at least as new as ${result.hentetDato} is already imported.`);
  } else {
    const columns: (keyof KindCounts)[] = [
      'added',
      'changed',
      'withdrawn',
      'restored',
      'unchanged',
    ];
    const row = (label: string, counts: KindCounts) =>
      label.padEnd(12) + columns.map((c) => String(counts[c]).padStart(10)).join('');
    console.log(`FEST extract ${result.hentetDato} (import #${result.importId})`);
    console.log(''.padEnd(12) + columns.map((c) => c.padStart(10)).join(''));
    for (const kind of FEST_KINDS) console.log(row(kind, result.counts[kind]));
    console.log(row('total', totalCounts(result.counts)));
  }
} catch (error) {
  process.stderr.write('\n');
  console.error(`FEST import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
