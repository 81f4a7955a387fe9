import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDraft, transition } from '../app/features/cases/cases.server';
import { completeAnswers, demoActors } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import { expectAccessible, useAppAndBrowser } from './harness';

/**
 * Reflow (WCAG 1.4.10): at a phone's 390 px the case page, the edit form and «Mine saker» fit the
 * screen (definition lists stack, wide tables scroll in their own named, focusable region); the
 * national overview fits 1280 px with its dates on one line and its outcome in view (its table
 * as wide as the window, the løpenummer kept while it scrolls; every column fits at 1920 px), and a
 * løpenummer is never broken at its hyphens (the case page's heading, the notifications).
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
  /** A table region's widths and where each of its column headers ends. */
  const columnEnds = (region: Locator) =>
    region.evaluate((element) => ({
      region: element.getBoundingClientRect().right,
      client: element.clientWidth,
      scroll: element.scrollWidth,
      columns: Object.fromEntries(
        [...element.querySelectorAll('thead th')].map((th) => [
          th.textContent,
          th.getBoundingClientRect().right,
        ]),
      ),
    }));

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

  it('keeps every form field at 1280 px within a readable line, and a number field as wide as a number', async () => {
    /** Each visible field's name and width, and whether it takes a number. */
    const fields = (page: Page) =>
      page.evaluate(() =>
        [
          ...document.querySelectorAll(
            'main .ds-field > :is(input:not([type=radio], [type=checkbox], [type=hidden]), textarea, select)',
          ),
        ]
          .map((el) => ({
            name: el.getAttribute('name') ?? el.id,
            width: el.getBoundingClientRect().width,
            number: ['numeric', 'decimal'].includes(el.getAttribute('inputmode') ?? ''),
          }))
          .filter((field) => field.width > 0),
      );
    const check = async (page: Page, path: string, expected: readonly string[]) => {
      await page.goto(`${e2e.app.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const found = await fields(page);
      // The page's own fields are there, so the widths below are measured on them.
      expect(found.map((f) => f.name)).toEqual(expect.arrayContaining([...expected]));
      for (const field of found) {
        expect(field.width, `${path} ${field.name}`).toBeLessThanOrEqual(
          field.number ? 14 * 16 : 44 * 16,
        );
      }
    };
    const doctor = await e2e.signIn('Ingrid Haugland', { viewport: { width: 1280, height: 900 } });
    // The editor's column is 54rem: its texts were as wide, its counts and fødselsnummer too.
    await check(doctor, `/saker/${ids.draft}/rediger`, [
      'q.indication',
      'q.patientId',
      'q.packagesPerMonth',
    ]);
    // The case page's urgency reason ran the page's whole width (72rem).
    await check(doctor, `/saker/${ids.draft}/haster`, ['reason']);
    // The application's answers line up down the page: one label column in every section.
    await doctor.goto(`${e2e.app.url}/saker/${ids.submitted}`);
    await doctor.getByRole('heading', { level: 3, name: 'Ordning og pasient' }).waitFor();
    const answerColumns = await doctor
      .locator('section[aria-labelledby^="view-"] dd')
      .evaluateAll((dds) => dds.map((dd) => Math.round(dd.getBoundingClientRect().left)));
    expect(answerColumns.length).toBeGreaterThan(5);
    expect(new Set(answerColumns).size).toBe(1);
    await doctor.context().close();
    const admin = await e2e.signIn('Geir Berge', { viewport: { width: 1280, height: 900 } });
    await check(admin, '/admin/brukere', ['name', 'idNumber']);
    await check(admin, '/admin/kohort', ['threshold', 'windowDays']);
    // The departments' rename fields are one width, so their buttons line up from row to row.
    await admin.goto(`${e2e.app.url}/admin/avdelinger`);
    const renames = admin.getByRole('button', { name: /^Gi nytt navn: / });
    const lefts = await renames.evaluateAll((buttons) =>
      buttons.map((b) => Math.round(b.getBoundingClientRect().left)),
    );
    expect(lefts.length).toBeGreaterThan(1);
    expect(new Set(lefts).size).toBe(1);
    await admin.context().close();
  });

  it("fits the administrator's people and departments into 390 px, their tables scrolling in their own regions", async () => {
    const admin = await e2e.signIn('Geir Berge', { viewport: { width: 390, height: 844 } });
    await admin.goto(`${e2e.app.url}/admin/brukere`);
    await admin.getByRole('region', { name: 'Tabell: Brukere og roller' }).waitFor();
    expect(await pageWidth(admin)).toBeLessThanOrEqual(390);
    await expectAccessible(admin);
    // One person's page: their roles, the history of them, their sign-ins.
    await admin.getByRole('link', { name: 'Ingrid Haugland' }).click();
    await admin.getByRole('heading', { level: 1, name: /Ingrid Haugland/ }).waitFor();
    expect(await admin.getByRole('region', { name: /^Tabell: / }).count()).toBeGreaterThan(0);
    expect(await pageWidth(admin)).toBeLessThanOrEqual(390);
    await expectAccessible(admin);
    await admin.goto(`${e2e.app.url}/admin/avdelinger`);
    await admin.getByRole('region', { name: 'Tabell: Avdelinger' }).waitFor();
    expect(await pageWidth(admin)).toBeLessThanOrEqual(390);
    await expectAccessible(admin);
    await admin.context().close();
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

  it('fits the national overview into 1280 px with each date on one line and the outcome in view, the løpenummer kept while it scrolls; every column at 1920 px', async () => {
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

    // The table takes the window's width, wider than the text column (72rem = 1152 px): what was
    // decided is in view without scrolling sideways; the dates and times may scroll.
    const narrow = await columnEnds(region);
    expect(narrow.client).toBeGreaterThan(1152);
    for (const column of [
      'Løpenummer',
      'Helseforetak',
      'Legemiddel',
      'Indikasjon',
      'Utfall',
      'Status',
    ])
      expect(narrow.columns[column], column).toBeLessThanOrEqual(narrow.region);
    expect(narrow.scroll).toBeGreaterThan(narrow.client);
    // Scrolled to its end, the løpenummer column stays at the region's left edge, over the rest.
    const firstCell = region.locator('tbody tr').first().locator('td').first();
    const before = await firstCell.boundingBox();
    await region.evaluate((element) => {
      element.scrollLeft = element.scrollWidth;
    });
    const trust = region.locator('tbody tr').first().locator('td').nth(1);
    await expect.poll(async () => (await trust.boundingBox())?.x).toBeLessThan(before?.x ?? 0);
    expect((await firstCell.boundingBox())?.x).toBe(before?.x);
    await expect
      .poll(() =>
        // On top: what shows at the cell's left edge is the cell's own.
        firstCell.evaluate((cell) => {
          window.scrollBy(0, cell.getBoundingClientRect().top - 100);
          const box = cell.getBoundingClientRect();
          return cell.contains(document.elementFromPoint(box.left + 4, box.top + box.height / 2));
        }),
      )
      .toBe(true);
    await expectAccessible(reader);
    await reader.context().close();

    // At 1920 px every column fits, and the page still does not scroll sideways.
    const desktop = await e2e.signIn('Tone Lie', { viewport: { width: 1920, height: 1080 } });
    await desktop.goto(`${e2e.app.url}/nasjonalt`);
    const wide = await columnEnds(desktop.getByRole('region', { name: /^Tabell: / }));
    expect(wide.scroll).toBeLessThanOrEqual(wide.client);
    expect(await pageWidth(desktop)).toBeLessThanOrEqual(1920);
    expect(Object.keys(wide.columns)).toHaveLength(11);
    await expectAccessible(desktop);
    await desktop.context().close();
  });
});
