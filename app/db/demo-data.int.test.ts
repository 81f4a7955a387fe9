import { describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../test/databases';
import { openPostgres } from './database.server';
import { seedDemoData } from './demo-data.server';
import { caseInquiries, cases } from './schema';
import { seed, seedFest, seedTrusts } from './seed.server';

/**
 * Two instances started at once with demo data on one new PostgreSQL database (the README's start,
 * twice): the demo data is written once. Each part checks for its own data before writing, and
 * without taking turns both instances found none and both wrote it. PGlite is one process, which
 * one instance opens: there is no second to race.
 */
describe.skipIf(!process.env.DATABASE_URL)('demo data from instances starting together', () => {
  it('is written once', async () => {
    const scratch = await createScratchDatabase();
    const [a, b] = [openPostgres(scratch.url, 3), openPostgres(scratch.url, 3)];
    try {
      await Promise.all([a.migrate(), b.migrate()]);
      // The users and FEST first, and no national history, so that both instances reach the
      // demo cases' check at the same moment (2 of 2 runs without `exclusive` wrote 66 cases).
      await seedTrusts(a.db);
      await seed(a.db);
      await seedFest(a.db);
      const options = { nationalDemoCases: 0, demoCases: true };
      await Promise.all([seedDemoData(a, options), seedDemoData(b, options)]);

      // Eleven cases in each of the three demo trusts, and two inquiries about them.
      expect(await a.db.$count(cases)).toBe(33);
      expect(await a.db.$count(caseInquiries)).toBe(2);
      // A later start finds everything there.
      await seedDemoData(b, options);
      expect(await a.db.$count(cases)).toBe(33);
      expect(await a.db.$count(caseInquiries)).toBe(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await scratch.drop();
    }
  }, 180_000);
});
