import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { trustGuidance, trustGuidanceVersions } from '../../db/schema';
import { completeAnswers, demoActors } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError, refusal } from '../../test/refusals';
import { getEndorsementPanel, getAssessment } from '../assessment/assessment.server';
import type { Actor } from '../auth/domain/roles';
import { createDraft, transition } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { getDecisionPanel } from '../decisions/decisions.server';
import type { GuidancePlace } from './domain/guidance';
import {
  caseGuidance,
  getGuidance,
  listGuidance,
  saveGuidance,
  type GuidanceSaveResult,
} from './guidance.server';
import { endorseWithRatings } from '../../test/case-states';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

const form = (text: string, version: number, links: { title: string; url: string }[] = []) => ({
  text,
  linkTitles: links.map((l) => l.title),
  linkUrls: links.map((l) => l.url),
  version: String(version),
});

const LINK = { title: 'Sykehusapoteket', url: 'https://helse-bergen.no/apotek' };

function savedVersion(result: GuidanceSaveResult): number {
  if (!result.ok) throw new Error(`not saved: ${JSON.stringify(result)}`);
  return result.version;
}

describe.each(TEST_DATABASES)('trust guidance on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  const db = () => database.db;

  /** The stored row and every history row of a trust's place, as the table owner sees them. */
  async function stored(trustId: string, place: GuidancePlace) {
    const [row] = await db()
      .select()
      .from(trustGuidance)
      .where(and(eq(trustGuidance.trustId, trustId), eq(trustGuidance.place, place)));
    const versions = await db()
      .select()
      .from(trustGuidanceVersions)
      .where(
        and(eq(trustGuidanceVersions.trustId, trustId), eq(trustGuidanceVersions.place, place)),
      )
      .orderBy(asc(trustGuidanceVersions.version));
    return { row, versions };
  }

  /** A submitted HBE case (awaiting endorsement). */
  async function submittedCase() {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    return { id: draft.id, version: submitted.version };
  }

  it('saves a place: a new version with who and when, recorded in the history', async () => {
    const before = await getGuidance(db(), hbe.trustAdmin, 'endorsement');
    expect(before.entry).toMatchObject({ version: 0, text: '', links: [], updatedByName: null });
    expect(before.versions).toEqual([]);

    const first = await saveGuidance(
      db(),
      hbe.trustAdmin,
      'endorsement',
      form('Les søknaden grundig.\n\nRing fagdirektøren ved tvil.', 0, [LINK]),
    );
    expect(first).toEqual({ ok: true, version: 1 });
    const second = await saveGuidance(
      db(),
      hbe.trustAdmin,
      'endorsement',
      form('Les søknaden grundig.', 1),
    );
    expect(second).toEqual({ ok: true, version: 2 });

    const { row, versions } = await stored(hbe.trustAdmin.trustId, 'endorsement');
    expect(row).toMatchObject({
      text: 'Les søknaden grundig.',
      links: [],
      version: 2,
      updatedBy: hbe.trustAdmin.userId,
    });
    expect(versions.map((v) => [v.version, v.text, v.links, v.changedBy])).toEqual([
      [1, 'Les søknaden grundig.\n\nRing fagdirektøren ved tvil.', [LINK], hbe.trustAdmin.userId],
      [2, 'Les søknaden grundig.', [], hbe.trustAdmin.userId],
    ]);

    const listed = await listGuidance(db(), hbe.trustAdmin);
    expect(listed.map((e) => e.place)).toEqual([
      'application',
      'endorsement',
      'assessment',
      'decision',
    ]);
    const entry = listed.find((e) => e.place === 'endorsement');
    expect(entry).toMatchObject({ version: 2, text: 'Les søknaden grundig.' });
    expect(entry?.updatedByName).toBe(hbe.trustAdmin.name);
    expect(entry?.updatedAt).toBeInstanceOf(Date);
    const edit = await getGuidance(db(), hbe.trustAdmin, 'endorsement');
    expect(edit.versions.map((v) => [v.version, v.changedByName, v.links])).toEqual([
      [2, hbe.trustAdmin.name, 0],
      [1, hbe.trustAdmin.name, 1],
    ]);
  });

  it('refuses a stale version: nothing changes, and the answer holds what is stored now', async () => {
    const v1 = savedVersion(
      await saveGuidance(db(), hbe.trustAdmin, 'decision', form('Første tekst', 0)),
    );
    const v2 = savedVersion(
      await saveGuidance(db(), hbe.trustAdmin, 'decision', form('Andres tekst', v1)),
    );
    const before = await stored(hbe.trustAdmin.trustId, 'decision');

    const stale = await saveGuidance(db(), hbe.trustAdmin, 'decision', form('Min tekst', v1));
    expect(stale).toMatchObject({
      ok: false,
      conflict: { place: 'decision', text: 'Andres tekst', version: v2 },
    });
    // A first save against a place someone has saved meanwhile is stale too.
    const firstAgain = await saveGuidance(db(), hbe.trustAdmin, 'decision', form('Ny', 0));
    expect(firstAgain).toMatchObject({ ok: false, conflict: { version: v2 } });
    expect(await stored(hbe.trustAdmin.trustId, 'decision')).toEqual(before);
  });

  it('lets exactly one of two saves of the same version through', async () => {
    const version = savedVersion(
      await saveGuidance(db(), hbe.trustAdmin, 'assessment', form('Start', 0)),
    );
    const results = await Promise.all([
      saveGuidance(db(), hbe.trustAdmin, 'assessment', form('Den ene', version)),
      saveGuidance(db(), hbe.trustAdmin, 'assessment', form('Den andre', version)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && 'conflict' in r)).toHaveLength(1);
    const { row, versions } = await stored(hbe.trustAdmin.trustId, 'assessment');
    expect(row?.version).toBe(version + 1);
    expect(versions.map((v) => v.version)).toEqual([version, version + 1]);
    expect(versions.at(-1)?.text).toBe(row?.text);
  });

  it('refuses bad input with its field errors and saves nothing', async () => {
    const before = await stored(hbe.trustAdmin.trustId, 'application');
    const bad = await saveGuidance(db(), hbe.trustAdmin, 'application', {
      text: 'x'.repeat(4001),
      linkTitles: ['', 'Rutiner'],
      linkUrls: ['https://a.no', 'http://helse-bergen.no'],
      version: '0',
    });
    expect(bad).toEqual({
      ok: false,
      errors: {
        text: 'textTooLong',
        'linkTitle.0': 'linkTitleRequired',
        'linkUrl.1': 'linkUrlNotHttps',
      },
    });
    expect(
      await refuse(
        saveGuidance(db(), hbe.trustAdmin, 'application', { ...form('Tekst', 0), version: 'x' }),
      ),
    ).toBe('invalid');
    expect(await stored(hbe.trustAdmin.trustId, 'application')).toEqual(before);
  });

  it('refuses everyone but the administrator, and writes nothing for them', async () => {
    const others: Actor[] = [
      hbe.applicant,
      hbe.endorser,
      hbe.decisionMaker,
      hbe.assessor,
      hbe.nationalReader,
    ];
    for (const actor of others) {
      expect(await refuse(listGuidance(db(), actor))).toBe('forbidden');
      expect(await refuse(getGuidance(db(), actor, 'application'))).toBe('forbidden');
      expect(await refuse(saveGuidance(db(), actor, 'application', form('Kapret', 0)))).toBe(
        'forbidden',
      );
    }
    expect((await stored(hbe.trustAdmin.trustId, 'application')).versions).toEqual([]);
  });

  it("keeps each trust's guidance to itself: another trust's administrator neither sees nor changes it", async () => {
    savedVersion(await saveGuidance(db(), hbe.trustAdmin, 'application', form('Fra HBE', 0)));
    const before = await stored(hbe.trustAdmin.trustId, 'application');

    // OUS's administrator sees OUS's own (empty) guidance, and saving writes OUS's row only.
    const ousEntry = (await listGuidance(db(), ous.trustAdmin)).find(
      (e) => e.place === 'application',
    );
    expect(ousEntry).toMatchObject({ version: 0, text: '' });
    expect(await saveGuidance(db(), ous.trustAdmin, 'application', form('Fra OUS', 0))).toEqual({
      ok: true,
      version: 1,
    });
    expect(await stored(hbe.trustAdmin.trustId, 'application')).toEqual(before);
    expect((await stored(ous.trustAdmin.trustId, 'application')).row?.text).toBe('Fra OUS');

    // And in the database: row-level security hides HBE's rows from OUS and refuses writes.
    const hbeTrust = hbe.trustAdmin.trustId;
    const seen = await inTenant(db(), ous.trustAdmin, (tx) =>
      tx.select().from(trustGuidance).where(eq(trustGuidance.trustId, hbeTrust)),
    );
    expect(seen).toEqual([]);
    const updated = await inTenant(db(), ous.trustAdmin, (tx) =>
      tx
        .update(trustGuidance)
        .set({ text: 'Kapret' })
        .where(eq(trustGuidance.trustId, hbeTrust))
        .returning(),
    );
    expect(updated).toEqual([]);
    expect(
      await databaseError(
        inTenant(db(), ous.trustAdmin, (tx) =>
          tx.insert(trustGuidance).values({
            trustId: hbeTrust,
            place: 'decision',
            text: 'Kapret',
            version: 1,
            updatedBy: ous.trustAdmin.userId,
          }),
        ),
      ),
    ).toMatch(/row-level security/);
    expect(await stored(hbe.trustAdmin.trustId, 'application')).toEqual(before);
  });

  it('keeps the history append-only and the guidance undeletable for the application role', async () => {
    const trustId = hbe.trustAdmin.trustId;
    expect(
      await databaseError(
        inTenant(db(), hbe.trustAdmin, (tx) =>
          tx.update(trustGuidanceVersions).set({ text: 'Omskrevet' }),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await databaseError(
        inTenant(db(), hbe.trustAdmin, (tx) =>
          tx.delete(trustGuidanceVersions).where(eq(trustGuidanceVersions.trustId, trustId)),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await databaseError(
        inTenant(db(), hbe.trustAdmin, (tx) =>
          tx.delete(trustGuidance).where(eq(trustGuidance.trustId, trustId)),
        ),
      ),
    ).toMatch(/permission denied/);
  });

  it("shows the case's trust's guidance in each place, and nothing where it is empty", async () => {
    const admin = hbe.trustAdmin;
    const current = async (place: GuidancePlace) =>
      (await getGuidance(db(), admin, place)).entry.version;
    for (const place of ['application', 'endorsement', 'assessment', 'decision'] as const) {
      savedVersion(
        await saveGuidance(
          db(),
          admin,
          place,
          form(`HBE om ${place}`, await current(place), [LINK]),
        ),
      );
      // OUS's text for the same place never shows in an HBE case.
      const ousVersion = (await getGuidance(db(), ous.trustAdmin, place)).entry.version;
      savedVersion(await saveGuidance(db(), ous.trustAdmin, place, form('OUS', ousVersion)));
    }
    const expected = (place: GuidancePlace) => ({ text: `HBE om ${place}`, links: [LINK] });

    const c = await submittedCase();
    expect(await caseGuidance(db(), hbe.applicant, c.id, 'application')).toEqual(
      expected('application'),
    );
    // Another trust does not see the case, so it gets no guidance for it either.
    expect(await caseGuidance(db(), ous.applicant, c.id, 'application')).toBeNull();
    expect(await caseGuidance(db(), hbe.applicant, 'ikke-en-id', 'application')).toBeNull();
    expect((await getEndorsementPanel(db(), hbe.endorser, c.id))?.guidance).toEqual(
      expected('endorsement'),
    );

    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Godt begrunnet.',
    });
    // Past the endorsement, the endorsement's guidance is no longer read.
    expect((await getEndorsementPanel(db(), hbe.endorser, c.id))?.guidance).toBeNull();
    expect((await getDecisionPanel(db(), hbe.decisionMaker, c.id, null)).guidance).toEqual(
      expected('decision'),
    );
    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
    });
    expect((await getAssessment(db(), hbe.decisionMaker, c.id)).guidance).toEqual(
      expected('assessment'),
    );

    // Emptied: nothing is shown (an empty save is a version too).
    savedVersion(
      await saveGuidance(db(), admin, 'application', form('  ', await current('application'))),
    );
    expect(await caseGuidance(db(), hbe.applicant, c.id, 'application')).toBeNull();
  });
});
