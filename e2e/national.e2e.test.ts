import { readFileSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseSummaries, cases } from '../app/db/schema';
import { createDraft, transition } from '../app/features/cases/cases.server';
import { REGISTER_PAGE_SIZE } from '../app/features/national/domain/register';
import { msg } from '../app/i18n';
import { completeAnswers, demoActors, TEST_PATIENT_IDS } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import { submitOverHttp } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  expectTagsApartFromTheirRows,
  useAppAndBrowser,
} from './harness';

/**
 * Issue 5's national overview and local registers: a national reader sees every trust's
 * decisions without a personal field, filters, pages and exports them; an applicant reaches the
 * full case from «Mine søknader» in one click; the medical director pages the trust's register
 * without JavaScript.
 */
describe.each(TEST_DATABASES)('national overview and registers in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind, {
    nationalDemoCases: 60,
    // More submitted cases in HBE than one page of its register holds, submitted before the
    // generated history, so the national overview's first pages stay the history's.
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      const ids: string[] = [];
      for (let i = 0; i < REGISTER_PAGE_SIZE + 1; i++) {
        const draft = await createDraft(db, hbe.applicant, completeAnswers);
        await transition(db, hbe.applicant, {
          caseId: draft.id,
          version: draft.version,
          event: 'submit',
        });
        ids.push(draft.id);
      }
      const longAgo = new Date('2015-01-05T10:00:00Z');
      await db.update(cases).set({ submittedAt: longAgo }).where(inArray(cases.id, ids));
      await db
        .update(caseSummaries)
        .set({ submittedAt: longAgo })
        .where(inArray(caseSummaries.caseId, ids));
    },
  });

  /** The table's cells under the column headed `header`. */
  const cellsUnder = async (page: Page, header: string) => {
    const at = (await page.locator('table thead th').allTextContents()).indexOf(header);
    expect(at, header).toBeGreaterThanOrEqual(0);
    return page.locator(`table tbody tr td:nth-child(${String(at + 1)})`);
  };

  const noPatientIds = async (page: Page) => {
    const html = await page.content();
    for (const id of TEST_PATIENT_IDS) expect(html).not.toContain(id);
  };

  it('an applicant opens «Mine søknader» and reaches the full case in one click', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = await submitOverHttp(doctor.request, e2e.app.url);
    await doctor.getByRole('link', { name: 'Register' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Register' }).waitFor();
    await expect
      .poll(() => doctor.getByRole('link', { name: 'Mine søknader' }).getAttribute('aria-current'))
      .toBe('page');
    const table = doctor.getByRole('table', { name: 'Søknadene mine' });
    await table.waitFor();
    await noPatientIds(doctor);
    await expectAccessible(doctor);
    await expectAccessibleWithoutJs(
      e2e.browser,
      doctor.context(),
      `${e2e.app.url}/register?fane=mine`,
    );
    await table
      .getByRole('link', { name: /^Åpne saken HBE-/ })
      .first()
      .click();
    await doctor.waitForURL(`${e2e.app.url}${caseUrl}`);
    await doctor.getByRole('heading', { level: 1, name: /^Sak HBE-/ }).waitFor();
    await doctor.context().close();
  });

  it('a national reader sees, filters, pages and exports every trust’s decisions without personal data', async () => {
    const reader = await e2e.signIn('Tone Lie');
    await reader
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Nasjonal oversikt' })
      .click();
    await reader.getByRole('heading', { level: 1, name: 'Nasjonal oversikt' }).waitFor();
    const rows = reader.locator('table tbody tr');
    expect(await rows.count()).toBe(50);
    const trusts = new Set(
      await reader.locator('table tbody tr td:nth-child(2)').allTextContents(),
    );
    expect(trusts.size).toBeGreaterThanOrEqual(5);
    expect(await reader.getByText(/Innvilget|Avslått/).count()).toBeGreaterThan(0);
    await noPatientIds(reader);
    await expectAccessible(reader);
    await expectAccessibleWithoutJs(e2e.browser, reader.context(), `${e2e.app.url}/nasjonalt`);

    // A row's case number opens its national summary inside the app (no new document), and back.
    const documents: string[] = [];
    reader.on('request', (request) => {
      if (request.resourceType() === 'document') documents.push(request.url());
    });
    const firstCase =
      (await reader.locator('table tbody tr td:first-child a').first().textContent()) ?? '';
    await reader.getByRole('link', { name: `Åpne nasjonal oppsummering av ${firstCase}` }).click();
    await reader.waitForURL(`${e2e.app.url}/nasjonalt/saker/${encodeURIComponent(firstCase)}`);
    await reader.getByRole('heading', { level: 1 }).filter({ hasText: firstCase }).waitFor();
    await noPatientIds(reader);
    await expectAccessible(reader);
    await reader.goBack();
    await reader.getByRole('heading', { level: 1, name: 'Nasjonal oversikt' }).waitFor();
    expect(documents).toEqual([]);

    // Keyset pages: the next page holds the rest, none of the first page's rows.
    const firstPage = await reader.locator('table tbody tr td:first-child').allTextContents();
    const pages = reader.getByRole('navigation', { name: 'Sider' });
    expect(await pages.getByRole('link').allTextContents()).toEqual(['Neste side']);
    await pages.getByRole('link', { name: 'Neste side' }).click();
    await pages.getByRole('link', { name: 'Første side' }).waitFor();
    const secondPage = await reader.locator('table tbody tr td:first-child').allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
    await expectAccessible(reader);

    // Filters (a GET form): a bad ATC code is refused and kept; then rejected L cases, oldest first.
    await reader.goto(`${e2e.app.url}/nasjonalt`);
    await reader.getByLabel('Utfall').selectOption({ label: 'Avslått' });
    await reader.getByLabel(/^ATC-kode/).fill('L0');
    await reader.getByRole('button', { name: 'Vis' }).click();
    await reader
      .getByText('Skriv begynnelsen av en ATC-kode, for eksempel L01 eller L01FA01.')
      .first()
      .waitFor();
    await expectAccessible(reader);
    await reader.getByLabel(/^ATC-kode/).fill('L');
    await reader.getByLabel('Rekkefølge').selectOption({ label: 'Stigende' });
    await reader.getByRole('button', { name: 'Vis' }).click();
    await reader.waitForURL(/atc=L&/);
    await reader.locator('table').waitFor();
    const outcomes = await (await cellsUnder(reader, 'Utfall')).allTextContents();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(new Set(outcomes)).toEqual(new Set(['Avslått']));
    const filterUrl = reader.url();
    expect(filterUrl).toContain('utfall=rejected');

    // Exports of the filtered set: CSV (BOM, semicolons) and XLSX, the same rows.
    const [csvDownload] = await Promise.all([
      reader.waitForEvent('download'),
      reader.getByRole('link', { name: 'Last ned CSV' }).click(),
    ]);
    const csvBytes = readFileSync(await csvDownload.path());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvLines = csvBytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(csvLines[0]).toMatch(/^Løpenummer;Helseforetak;Ordning;/);
    expect(csvLines).toHaveLength(outcomes.length + 1);
    expect(csvLines.slice(1).every((line) => line.includes(';Avslått;'))).toBe(true);

    const [xlsxDownload] = await Promise.all([
      reader.waitForEvent('download'),
      reader.getByRole('link', { name: 'Last ned Excel (XLSX)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsxDownload.path());
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(outcomes.length + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Løpenummer');
    const xlsxText: string[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => xlsxText.push(cell.text));
    });
    for (let n = 2; n <= outcomes.length + 1; n += 1) {
      expect(sheet?.getRow(n).getCell(7).text).toMatch(/^L\d{2}/);
      expect(sheet?.getRow(n).getCell(12).text).toBe('Avslått');
    }
    for (const id of TEST_PATIENT_IDS) {
      expect(csvLines.join('\n')).not.toContain(id);
      expect(xlsxText.join('\n')).not.toContain(id);
    }

    // A personal field as a sort key: refused with a Norwegian message, not a 500.
    const refused = await reader.goto(`${e2e.app.url}/nasjonalt?sorter=patientId`);
    expect(refused?.status()).toBe(400);
    await reader.getByText('Velg en sortering fra listen.').first().waitFor();
    await expectAccessible(reader);
    const exportRefused = await reader.request.get(
      `${e2e.app.url}/nasjonalt/eksport.csv?patientId=1`,
    );
    expect(exportRefused.status()).toBe(400);
    expect(await exportRefused.text()).toMatch(/^Ugyldig forespørsel: patientId: Ukjent filter/);
    await reader.context().close();
  });

  it('a national reader filters by submission dates in the date fields; dd.mm.åååå in the address works too', async () => {
    const reader = await e2e.signIn('Tone Lie');
    await reader.goto(`${e2e.app.url}/nasjonalt`);
    const from = reader.getByLabel('Innsendt fra', { exact: true });
    const to = reader.getByLabel('Innsendt til og med', { exact: true });
    expect(await from.getAttribute('type')).toBe('date');
    expect(await to.getAttribute('type')).toBe('date');
    // The browser's date fields (their segments' order follows the browser's language, so the
    // test sets them as Playwright does date inputs); the form sends ISO.
    await from.fill('2015-01-01');
    await to.fill('2015-01-31');
    await reader.getByRole('button', { name: 'Vis' }).click();
    await reader.waitForURL(/fra=2015-01-01&til=2015-01-31/);
    // The table shows the day the Norwegian way.
    const submittedCells = await cellsUnder(reader, 'Innsendt');
    const submitted = () => submittedCells.allTextContents();
    await expect.poll(async () => new Set(await submitted())).toEqual(new Set(['05.01.2015']));
    expect(await submitted()).toHaveLength(50);
    await expectAccessible(reader);
    const pages = reader.getByRole('navigation', { name: 'Sider' });
    expect(await pages.getByRole('link', { name: 'Neste side' }).getAttribute('href')).toMatch(
      /fra=2015-01-01&til=2015-01-31&.*etter=/,
    );

    // The same period typed into the address as d.m.åååå / dd.mm.åååå: the same rows, the date
    // fields show it, the links and exports carry it in ISO.
    const typed = await reader.goto(`${e2e.app.url}/nasjonalt?fra=1.1.2015&til=31.01.2015`);
    expect(typed?.status()).toBe(200);
    expect(await submitted()).toHaveLength(50);
    expect([await from.inputValue(), await to.inputValue()]).toEqual(['2015-01-01', '2015-01-31']);
    expect(await reader.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href')).toContain(
      'fra=2015-01-01&til=2015-01-31',
    );
    expect(await pages.getByRole('link', { name: 'Neste side' }).getAttribute('href')).toMatch(
      /fra=2015-01-01&til=2015-01-31&/,
    );
    const csv = await reader.request.get(`${e2e.app.url}/nasjonalt/eksport.csv?fra=05.01.2015`);
    expect(csv.status()).toBe(200);

    // A date that does not exist: refused with the form the field takes.
    const refused = await reader.goto(`${e2e.app.url}/nasjonalt?fra=31.02.2015`);
    expect(refused?.status()).toBe(400);
    await reader
      .getByText('Skriv datoen som dd.mm.åååå, for eksempel 31.01.2025.')
      .first()
      .waitFor();
    await expectAccessible(reader);
    await reader.context().close();
  });

  it('the medical director pages the trust’s register with plain links, without JavaScript', async () => {
    const director = await e2e.signIn('Per Vik', { javaScriptEnabled: false });
    // Without a tab chosen, the director's register opens on the trust's.
    await director.goto(`${e2e.app.url}/register`);
    const table = director.getByRole('table', { name: 'Søknadene i helseforetaket' });
    await table.waitFor();
    await director.goto(`${e2e.app.url}/register?fane=foretak`);
    const caseNumbers = () => table.locator('tbody tr td:first-child').allTextContents();
    const pages = director.getByRole('navigation', { name: 'Sider' });
    const first = await caseNumbers();
    expect(first).toHaveLength(REGISTER_PAGE_SIZE);
    expect(await pages.getByRole('link').allTextContents()).toEqual(['Neste side']);
    await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());

    await pages.getByRole('link', { name: 'Neste side' }).click();
    await pages.getByRole('link', { name: 'Første side' }).waitFor();
    expect(director.url()).toContain('fane=foretak');
    const second = await caseNumbers();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());

    await pages.getByRole('link', { name: 'Første side' }).click();
    await pages.getByRole('link', { name: 'Neste side' }).waitFor();
    expect(await caseNumbers()).toEqual(first);

    // A period typed into the address as dd.mm.åååå: the date fields show it, the links keep ISO,
    // the table shows the day the Norwegian way.
    await director.goto(`${e2e.app.url}/register?fane=foretak&fra=05.01.2015&til=5.1.2015`);
    expect(await caseNumbers()).toHaveLength(REGISTER_PAGE_SIZE);
    expect(new Set(await table.locator('tbody tr td:nth-child(7)').allTextContents())).toEqual(
      new Set(['05.01.2015']),
    );
    const from = director.getByLabel('Innsendt fra', { exact: true });
    expect([await from.getAttribute('type'), await from.inputValue()]).toEqual([
      'date',
      '2015-01-05',
    ]);
    expect(await pages.getByRole('link', { name: 'Neste side' }).getAttribute('href')).toMatch(
      /fra=2015-01-05&til=2015-01-05&etter=/,
    );
    await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());
    await director.context().close();
  });

  it('the medical director narrows the trust’s register to a department and pages it, without JavaScript', async () => {
    const director = await e2e.signIn('Per Vik', { javaScriptEnabled: false });
    await director.goto(`${e2e.app.url}/register?fane=foretak`);
    const table = director.getByRole('table', { name: 'Søknadene i helseforetaket' });
    await table.waitFor();
    // The choices are Helse Bergen's departments, none of another trust's (OUS and HST have a
    // Barne- og ungdomsklinikken too: one is offered).
    const department = director.getByLabel('Avdeling', { exact: true });
    const choices = await department.locator('option').allTextContents();
    expect(choices[0]).toBe('Alle avdelinger');
    expect(choices).toEqual(
      expect.arrayContaining([
        'Kreftavdelingen',
        'Barne- og ungdomsklinikken',
        'Nevrologisk avdeling',
      ]),
    );
    expect(choices.filter((c) => c === 'Barne- og ungdomsklinikken')).toHaveLength(1);
    for (const other of [
      'Kreftklinikken',
      'Nevroklinikken',
      'Avdeling for blod- og kreftsykdommer',
    ])
      expect(choices).not.toContain(other);

    const departments = () => table.locator('tbody tr td:nth-child(6)').allTextContents();
    const caseNumbers = () => table.locator('tbody tr td:first-child').allTextContents();
    await department.selectOption({ label: 'Kreftavdelingen' });
    await director.getByRole('button', { name: 'Vis', exact: true }).click();
    await director.waitForURL(/avdeling=[0-9a-f-]{36}/);
    expect(await caseNumbers()).toHaveLength(REGISTER_PAGE_SIZE);
    expect(new Set(await departments())).toEqual(new Set(['Kreftavdelingen']));
    expect(
      await director
        .getByLabel('Avdeling', { exact: true })
        .locator('option:checked')
        .textContent(),
    ).toBe('Kreftavdelingen');
    await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());

    // The next page keeps the department (a keyset link), and has the rest of its cases.
    const first = await caseNumbers();
    const pages = director.getByRole('navigation', { name: 'Sider' });
    await pages.getByRole('link', { name: 'Neste side' }).click();
    await pages.getByRole('link', { name: 'Første side' }).waitFor();
    expect(director.url()).toMatch(/avdeling=[0-9a-f-]{36}.*etter=/);
    const second = await caseNumbers();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    expect(new Set(await departments())).toEqual(new Set(['Kreftavdelingen']));

    // A department without applications: the filtered empty list.
    await director
      .getByLabel('Avdeling', { exact: true })
      .selectOption({ label: 'Nevrologisk avdeling' });
    await director.getByRole('button', { name: 'Vis', exact: true }).click();
    await director.getByText('Ingen søknader passer til filtrene.').waitFor();
    expect(await director.getByRole('table').count()).toBe(0);
    await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());

    // A department that is not the trust's (a link from elsewhere): a Norwegian message, no list.
    const refused = await director.goto(
      `${e2e.app.url}/register?fane=foretak&avdeling=00000000-0000-4000-8000-000000000000`,
    );
    expect(refused?.status()).toBe(400);
    await director.getByText('Velg en avdeling fra listen.').first().waitFor();
    expect(await director.getByRole('table').count()).toBe(0);
    await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());
    await director.context().close();
  });

  it('a national reader sees each case’s status beside its outcome', async () => {
    const reader = await e2e.signIn('Tone Lie');
    await reader.goto(`${e2e.app.url}/nasjonalt`);
    const table = reader.getByRole('table');
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.indexOf('Status')).toBe(headers.indexOf('Utfall') + 1);
    const statusAt = headers.indexOf('Status') + 1;
    const statuses = () =>
      table.locator(`tbody tr td:nth-child(${String(statusAt)})`).allTextContents();
    // Each a status in words; the generated history mostly decided, some of it under way.
    const newest = await statuses();
    expect(newest).toHaveLength(50);
    const labels: string[] = Object.values(msg.statuses);
    expect(newest.filter((s) => !labels.includes(s))).toEqual([]);
    expect(
      newest.filter((s) => ['Besluttet', 'Oppfølging', 'Avsluttet'].includes(s)).length,
    ).toBeGreaterThan(0);
    await expectAccessible(reader);

    // The oldest: Helse Bergen's applications sent in 2015, still with the leader.
    await reader.goto(`${e2e.app.url}/nasjonalt?sorter=innsendt&retning=stigende`);
    expect(new Set(await statuses())).toEqual(new Set(['Til forankring']));
    // «Til forankring» is an «info» status, on every other row a striped one.
    await expectTagsApartFromTheirRows(reader, 25);
    await expectAccessible(reader);
    await expectAccessibleWithoutJs(e2e.browser, reader.context(), reader.url());
    await reader.context().close();
  });
});
