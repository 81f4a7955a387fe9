import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../../db/database.server';
import { caseInquiries, caseSummaries, trusts } from '../../db/schema';
import type { DemoTrustCode } from '../../db/seed.server';
import { demoActor } from '../cases/demo.server';
import { answerInquiry, askInquiry, getInquiry } from './inquiries.server';

/** The trust whose decided cases are asked about, and the trust that asks. */
const CASE_TRUST: DemoTrustCode = 'HBE';
const ASKING_TRUST: DemoTrustCode = 'OUS';

/** Made-up texts about the treatment decided, with nothing about any patient. */
export const DEMO_INQUIRY_TEXTS = {
  answered: {
    question:
      'Hvordan følger dere opp effekten av behandlingen, og når blir den evaluert? Vi vurderer å innføre samme praksis.',
    answer:
      'Avdelingen evaluerer effekten ved kontroll etter tre og seks måneder med faste skår. Uten effekt ved seks måneder avsluttes behandlingen.',
  },
  open: {
    question:
      'Vi har en tilsvarende søknad til behandling. Hva la dere mest vekt på i beslutningen, nytten eller kostnaden?',
  },
} as const;

/**
 * Two inquiries between demo trusts, so the inquiries page has something on it when a newcomer
 * logs in: OUS's national reader (Aksel Moe) asked about HBE's first decided case and HBE's
 * medical director (Per Vik) answered; OUS's medical director (Knut Hansen) asked about the
 * second and waits. Taken through the use cases (audit trail and notices as always). Written
 * once: nothing is done when either trust has an inquiry already, or HBE has no two decided cases
 * (the demo cases are off). Returns the number of inquiries written.
 */
export async function seedDemoInquiries(db: Db): Promise<number> {
  const found = await db
    .select({ id: trusts.id, code: trusts.code, name: trusts.name })
    .from(trusts)
    .where(inArray(trusts.code, [CASE_TRUST, ASKING_TRUST]));
  const caseTrust = found.find((t) => t.code === CASE_TRUST);
  const askingTrust = found.find((t) => t.code === ASKING_TRUST);
  if (!caseTrust || !askingTrust) throw new Error('Demo inquiries: no demo trusts');
  const ids = [caseTrust.id, askingTrust.id];
  const [existing] = await db
    .select({ id: caseInquiries.id })
    .from(caseInquiries)
    .where(or(inArray(caseInquiries.trustId, ids), inArray(caseInquiries.askerTrustId, ids)))
    .limit(1);
  if (existing) return 0;
  const decided = await db
    .select({ caseNumber: caseSummaries.caseNumber })
    .from(caseSummaries)
    .where(and(eq(caseSummaries.trustId, caseTrust.id), isNotNull(caseSummaries.outcome)))
    .orderBy(asc(caseSummaries.caseNumber))
    .limit(2);
  const [first, second] = decided;
  if (!first || !second) return 0;

  const director = await demoActor(db, { ...caseTrust, code: CASE_TRUST }, 'decisionMaker');
  const asking = { ...askingTrust, code: ASKING_TRUST };
  const reader = await demoActor(db, asking, 'nationalReader');
  const askingDirector = await demoActor(db, asking, 'decisionMaker');

  const texts = DEMO_INQUIRY_TEXTS;
  const { id } = await askInquiry(db, reader, first.caseNumber, texts.answered.question);
  const { inquiry } = await getInquiry(db, director, id);
  await answerInquiry(db, director, id, {
    version: String(inquiry.version),
    answer: texts.answered.answer,
  });
  await askInquiry(db, askingDirector, second.caseNumber, texts.open.question);
  return 2;
}
