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
 * `count` (400 by default, `NATIONAL_DEMO_CASES`) cases submitted over the last three years across fifteen trusts (domain/generate.ts),
 * written as real cases so the summaries come from the triggers; a case whose steps reach past
 * `now` is still in progress (a Tilgangsordningen case may wait at the interregional committee).
 * Idempotent: does nothing when generated history exists. Returns the number of cases written.
 */
export async function seedNationalDemo(db: Db, count = 400, now = new Date()): Promise<number> {
  if (count === 0) return 0;
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(like(users.email, 'historikk.%@demo.soknadsportal.no'))
    .limit(1);
  if (existing.length > 0) return 0;
  // Submitted up to two months ago, so most generated cases are decided.
  const to = new Date(now.getTime() - 60 * DAY_MS);
  const from = new Date(now.getTime() - 3 * 365 * DAY_MS);
  const generated = generateCases({
    seed: 2026,
    count,
    trusts: NATIONAL_DEMO_TRUSTS.length,
    from,
    to,
  });
  // Cases whose steps reach past today are still in progress (at the interregional committee, say).
  return insertGeneratedCases(db, NATIONAL_DEMO_TRUSTS, generated, { now });
}
