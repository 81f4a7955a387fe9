import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDraft, transition } from '../app/features/cases/cases.server';
import { completeAnswers, demoActors } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import { expectAccessible, useAppAndBrowser } from './harness';

/**
 * Reflow (WCAG 1.4.10): at a phone's 390 px the case page, the edit form and «Mine saker» fit the
 * screen (definition lists stack, wide tables scroll in their own named, focusable region); the
 * national overview fits 1280 px with its dates on one line, and a løpenummer is never broken at
 * its hyphens (the case page's heading, the notifications).
 */
describe.each(TEST_DATABASES)('reflow in Chromium on %s', (kind) => {
  const ids = { draft: '', submitted: '' };

  const e2e = useAppAndBrowser(kind, {
    nationalDemoCases: 30,
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      // completeAnswers has a diagnosis with a long name, whose chip must wrap in the form.
      ids.draft = (await createDraft(db, hbe.applicant, completeAnswers)).id;
      const draft = await createDraft(db, hbe.applicant, completeAnswers);
      await transition(db, hbe.applicant, {
        caseId: draft.id,
        version: draft.version,
        event: 'submit',
      });
      ids.submitted = draft.id;
    },
  });

  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it('fits the case page, the edit form and «Mine saker» into 390 px', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland', {
      viewport: { width: 390, height: 844 },
    });
    // «Mine saker»: the table scrolls in its own region, which keyboard users can reach.
    const others = doctor.getByRole('region', { name: 'Tabell: Andre saker' });
    expect(await others.getAttribute('tabindex')).toBe('0');
    expect(await others.getByRole('table', { name: 'Andre saker' }).count()).toBe(1);
    expect(await pageWidth(doctor)).toBeLessThanOrEqual(390);
    await expectAccessible(doctor);

    // The case page: each answer is shown under its label, inside the screen.
    await doctor.goto(`${e2e.app.url}/saker/${ids.submitted}`);
    await doctor.getByRole('heading', { level: 3, name: 'Ordning og pasient' }).waitFor();
    expect(await pageWidth(doctor)).toBeLessThanOrEqual(390);
    const answer = doctor.getByText('Utenfor godkjent indikasjon (off-label)').first();
    const box = await answer.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    // The heading's løpenummer is not broken at its hyphens: one line box.
    const heading = doctor.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toMatch(/^Sak HBE-\d{4}-\d{5}$/);
    const numberLines = await heading
      .locator('.sp-nowrap')
      .evaluate((span) => span.getClientRects().length);
    expect(numberLines).toBe(1);
    await expectAccessible(doctor);

    // The edit form, with a long diagnosis chosen.
    await doctor.goto(`${e2e.app.url}/saker/${ids.draft}/rediger`);
    await doctor.getByRole('heading', { level: 1 }).waitFor();
    expect(await pageWidth(doctor)).toBeLessThanOrEqual(390);
    await expectAccessible(doctor);
    await doctor.context().close();
  });

  it('keeps each løpenummer in the notifications on one line at 390 px', async () => {
    const leader = await e2e.signIn('Kari Nordtveit', {
      viewport: { width: 390, height: 844 },
    });
    await leader.goto(`${e2e.app.url}/varsler`);
    const link = leader.getByRole('link', { name: /^Åpne sak HBE-/ }).first();
    await link.waitFor();
    expect(await link.evaluate((a) => a.getClientRects().length)).toBe(1);
    await expectAccessible(leader);
    await leader.context().close();
  });

  it('fits the national overview into 1280 px with each date on one line', async () => {
    const reader = await e2e.signIn('Tone Lie', {
      viewport: { width: 1280, height: 900 },
    });
    await reader.goto(`${e2e.app.url}/nasjonalt`);
    const region = reader.getByRole('region', { name: /^Tabell: / });
    await region.waitFor();
    expect(await pageWidth(reader)).toBeLessThanOrEqual(1280);
    const lines = await region
      .locator('tbody tr')
      .first()
      .evaluate((row) => {
        const cells = [...row.querySelectorAll('td')].filter((td) =>
          /^\d{2}\.\d{2}\.\d{4}$/.test(td.textContent),
        );
        return cells.map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return range.getClientRects().length;
        });
      });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((n) => n === 1)).toBe(true);
    await expectAccessible(reader);
    await reader.context().close();
  });
});
