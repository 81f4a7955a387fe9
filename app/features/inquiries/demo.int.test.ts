import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { demoActors } from '../../test/actors';
import { prepareCase, type TrustActors } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { DEMO_INQUIRY_TEXTS, seedDemoInquiries } from './demo.server';
import { getInquiry, listInquiries } from './inquiries.server';

describe.each(TEST_DATABASES)('the demo inquiries on %s', (kind) => {
  let database: Database;
  let hbe: TrustActors;
  let ous: TrustActors;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(db(), 'HBE');
    ous = await demoActors(db(), 'OUS');
  });
  afterAll(() => database.close());

  let first: string;

  it('writes nothing before Helse Bergen has two decided cases', async () => {
    first = (await prepareCase(db(), hbe, 'decided')).caseNumber;
    expect(await seedDemoInquiries(db())).toBe(0);
    expect((await listInquiries(db(), hbe.decisionMaker)).received).toEqual([]);
  });

  it('has OUS ask about two decided HBE cases, one answered, for the demo directors to see', async () => {
    const second = (await prepareCase(db(), hbe, 'decided')).caseNumber;
    expect(await seedDemoInquiries(db())).toBe(2);

    // Per Vik (HBE's director) has both: the open one first.
    const received = (await listInquiries(db(), hbe.decisionMaker)).received ?? [];
    expect(received.map((i) => [i.caseNumber, i.askerName, i.status, i.question])).toEqual([
      [second, ous.decisionMaker.name, 'open', DEMO_INQUIRY_TEXTS.open.question],
      [first, ous.nationalReader.name, 'answered', DEMO_INQUIRY_TEXTS.answered.question],
    ]);
    const open = received[0];
    if (!open) throw new Error('No open demo inquiry');
    expect((await getInquiry(db(), hbe.decisionMaker, open.id)).canAnswer).toBe(true);
    // The askers see their own; Knut Hansen may still withdraw his.
    expect((await listInquiries(db(), ous.nationalReader)).sent).toEqual([
      expect.objectContaining({
        status: 'answered',
        answer: DEMO_INQUIRY_TEXTS.answered.answer,
        answeredByName: hbe.decisionMaker.name,
      }),
    ]);
    expect((await getInquiry(db(), ous.decisionMaker, open.id)).canWithdraw).toBe(true);

    // Written once: a later start finds them there.
    expect(await seedDemoInquiries(db())).toBe(0);
    expect((await listInquiries(db(), hbe.decisionMaker)).received).toHaveLength(2);
  });
});
