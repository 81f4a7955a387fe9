/**
 * Benchmarks of the case use cases, as ratios against a floor measured in the same run: an empty
 * tenant transaction (set trust, set role, `select 1`) on the same database. Run: `npm run bench`
 * (PGlite; with DATABASE_URL also PostgreSQL).
 */
import { sql } from 'drizzle-orm';
import { inTenant, type Database } from '../app/db/database.server';
import {
  createDraft,
  getCase,
  listMyCases,
  saveAnswers,
  transition,
} from '../app/features/cases/cases.server';
import { completeAnswers, demoActors } from '../app/test/actors';
import { openTestDatabase, TEST_DATABASES } from '../app/test/databases';
import { sampleTimes } from './report';

const application = completeAnswers;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times = await sampleTimes(runs, fn, Math.min(20, runs));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

async function bench(database: Database) {
  const db = database.db;
  const hbe = await demoActors(db, 'HBE');
  // A trust with some history: 500 submitted cases.
  let probe = '';
  for (let i = 0; i < 500; i++) {
    const d = await createDraft(db, hbe.applicant, application);
    await transition(db, hbe.applicant, { caseId: d.id, version: d.version, event: 'submit' });
    probe = d.id;
  }

  const draft = await createDraft(db, hbe.applicant, application);
  let dose = application.dose ?? null;
  const floor = await median(300, () =>
    inTenant(db, hbe.applicant, (tx) => tx.execute(sql`select 1`)),
  );
  const rows: [string, number][] = [
    [
      'create draft + submit (løpenummer)',
      await median(200, async () => {
        const d = await createDraft(db, hbe.applicant, application);
        await transition(db, hbe.applicant, { caseId: d.id, version: d.version, event: 'submit' });
      }),
    ],
    [
      'autosave one field (merge + history)',
      await median(300, async () => {
        const value = `${Math.random()}`;
        await saveAnswers(db, hbe.applicant, draft.id, { dose: { base: dose, value } });
        dose = value;
      }),
    ],
    [
      'case page (getCase, logged read)',
      await median(300, () => getCase(db, hbe.decisionMaker, probe)),
    ],
    [
      'my cases, director (≈700 cases)',
      await median(100, () => listMyCases(db, hbe.decisionMaker)),
    ],
  ];
  console.log(`\n${database.kind}: floor (empty tenant transaction) ${floor.toFixed(3)} ms`);
  for (const [name, ms] of rows) {
    console.log(
      `  ${name.padEnd(40)} ${ms.toFixed(3).padStart(9)} ms   ${(ms / floor).toFixed(1).padStart(6)} × floor`,
    );
  }
}

for (const kind of TEST_DATABASES) {
  const database = await openTestDatabase(kind);
  try {
    await bench(database);
  } finally {
    await database.close();
  }
}
