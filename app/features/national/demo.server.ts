import { like } from 'drizzle-orm';
import type { Db } from '../../db/database.server';
import { users } from '../../db/schema';
import { generateCases } from './domain/generate';
import { insertGeneratedCases } from './generated.server';

/**
 * Fifteen health trusts (HF: cases belong to an HF, never to a regional RHF) with generated
 * history for the national overview and statistics; the demo trusts with users (HBE, HST, OUS)
 * are left out, so their own registers and case numbering hold only what is done in the demo.
 */
export const NATIONAL_DEMO_TRUSTS = [
  'SIN',
  'HFO',
  'HFD',
  'VVI',
  'AHU',
  'SIV',
  'STE',
  'SSH',
  'SUN',
  'HMR',
  'STO',
  'HNT',
  'UNN',
  'NLS',
  'FIN',
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `count` (400 by default, `NATIONAL_DEMO_CASES`) decided cases over the last three years across fifteen trusts (domain/generate.ts),
 * written as real cases so the summaries come from the triggers. Idempotent: does nothing when
 * generated history exists. Returns the number of cases written.
 */
export async function seedNationalDemo(db: Db, count = 400, now = new Date()): Promise<number> {
  if (count === 0) return 0;
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(like(users.email, 'historikk.%@demo.soknadsportal.no'))
    .limit(1);
  if (existing.length > 0) return 0;
  // Up to two months ago, so the generated decisions lie in the past.
  const to = new Date(now.getTime() - 60 * DAY_MS);
  const from = new Date(now.getTime() - 3 * 365 * DAY_MS);
  const generated = generateCases({
    seed: 2026,
    count,
    trusts: NATIONAL_DEMO_TRUSTS.length,
    from,
    to,
  });
  return insertGeneratedCases(db, NATIONAL_DEMO_TRUSTS, generated);
}
