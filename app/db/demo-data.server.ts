import { seedDemoCases } from '../features/cases/demo.server';
import { seedDemoInquiries } from '../features/inquiries/demo.server';
import { seedNationalDemo } from '../features/national/demo.server';
import type { Database } from './database.server';
import { seed, seedFest } from './seed.server';

export interface DemoDataOptions {
  /** Generated history for the national overview (`NATIONAL_DEMO_CASES`). */
  nationalDemoCases: number;
  /** The demo trusts' own cases (`DEMO_CASES`), and two inquiries about them between trusts. */
  demoCases: boolean;
}

/**
 * The demo data of a development start (README): the demo users, the bundled FEST extract, the
 * national history, the demo trusts' own cases and two inquiries about them (one answered, one
 * open). Each part writes only what is missing, and instances starting together on one database
 * take turns (`exclusive`), so the first writes it and the others find it there instead of
 * writing it a second time.
 */
export async function seedDemoData(database: Database, options: DemoDataOptions): Promise<void> {
  await database.exclusive('soknadsportal.demo', async () => {
    await seed(database.db);
    await seedFest(database.db);
    await seedNationalDemo(database.db, options.nationalDemoCases);
    if (options.demoCases) {
      await seedDemoCases(database.db);
      await seedDemoInquiries(database.db);
    }
  });
}
