import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { cases } from '../app/db/schema';
import { createDraft, transition } from '../app/features/cases/cases.server';
import { importFest } from '../app/features/fest/fest-import.server';
import { completeAnswers, demoActors } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import { CERTICAN, certicanChangedExtract } from '../app/test/fest-changes';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

/**
 * The drug as sent (ADR 0027): two cases sent with Certican, one before snapshots were kept; then
 * a FEST import takes Certican's MT and its pack away. The case page shows what the applicant saw
 * and, in an alert, what FEST has changed; the older case shows today's facts and says so.
 */
describe.each(TEST_DATABASES)('the drug as sent, in Chromium on %s', (kind) => {
  const scratch = mkdtempSync(join(tmpdir(), 'fest-snapshot-e2e-'));
  const ids = { withSnapshot: '', sentBefore: '' };

  const e2e = useAppAndBrowser(kind, {
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      const submit = async () => {
        const draft = await createDraft(db, hbe.applicant, {
          ...completeAnswers,
          drug: CERTICAN,
        });
        await transition(db, hbe.applicant, {
          caseId: draft.id,
          version: draft.version,
          event: 'submit',
        });
        return draft.id;
      };
      ids.withSnapshot = await submit();
      ids.sentBefore = await submit();
      // Sent before snapshots were kept: the column is empty (no backfill).
      await db.update(cases).set({ festSnapshot: null }).where(eq(cases.id, ids.sentBefore));
      await importFest(db, certicanChangedExtract(scratch));
    },
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the drug as sent, and what FEST has changed since', async () => {
    const page = await e2e.signIn('Kari Nordtveit');
    await page.goto(`${e2e.app.url}/saker/${ids.withSnapshot}`);
    const section = page.getByRole('region', { name: 'Legemiddelet ved innsending' });
    await section.getByText(/^Slik FEST beskrev legemiddelet da søknaden ble sendt/).waitFor();
    await section
      .getByRole('heading', { level: 4, name: 'FEST er endret siden søknaden ble sendt' })
      .waitFor();
    const changes = await section.getByRole('listitem').allInnerTexts();
    expect(changes).toHaveLength(5);
    expect(changes[0]).toBe(
      'Markedsføringsstatusen er endret fra «Markedsført» til «Ikke markedsført».',
    );
    expect(changes[1]).toMatch(/^Legemiddelet krever nå godkjenningsfritak/);
    expect(changes[3]).toBe('ATC-koden er endret fra L04AA18 til L04AH02.');
    expect(changes[4]).toMatch(/fra 688,80\s*kr til 712,40\s*kr\.$/);
    // Which extract brought the changes (the import's history).
    await section
      .getByText(/^Endret i FEST-uttrekket hentet \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\.$/)
      .waitFor();
    // The facts card is the drug as sent: on the market, under the old ATC code.
    await section.getByRole('heading', { level: 4, name: `Om ${CERTICAN.label}` }).waitFor();
    expect(await section.getByText('Markedsført', { exact: true }).count()).toBe(1);
    expect(await section.getByText('L04AA18 Everolimus', { exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());
    await page.context().close();
  });

  it('shows today’s facts for a case sent before snapshots were kept, and says so', async () => {
    const page = await e2e.signIn('Kari Nordtveit');
    await page.goto(`${e2e.app.url}/saker/${ids.sentBefore}`);
    const section = page.getByRole('region', { name: 'Legemiddelet i FEST i dag' });
    await section.getByText(/før portalen tok vare på legemiddelopplysningene/).waitFor();
    expect(await section.getByText('Ikke markedsført', { exact: true }).count()).toBe(1);
    expect(await section.getByText('L04AH02 Everolimus', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Legemiddelet ved innsending').count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
