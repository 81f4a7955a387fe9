import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, dateInNorway } from '../app/features/cases/domain/dates';
import { SHEET_LIMITS } from '../app/features/retrospective/domain/retrospective';
import { TEST_DATABASES } from '../app/test/databases';
import { zip } from '../app/test/files';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

const HEADER = [
  'Referanse',
  'Avdeling',
  'Ordning',
  'Pasient eller gruppe',
  'FEST-id',
  'Legemiddel',
  'ATC-kode',
  'Virkestoff',
  'Hoveddiagnose',
  'Andre diagnoser',
  'Innsendt dato',
  'Vedtaksdato',
  'Vedtak',
  'Vilkår',
  'Begrunnelse',
  'Oppfølging',
];

const sheetRow = (reference: string, decided: Date | string) => [
  reference,
  'Kreftavdelingen',
  'off-label',
  'pasientgruppe',
  '',
  'Pembrolizumab',
  'L01FF02',
  'pembrolizumab',
  'C34.9',
  '',
  new Date(Date.UTC(2025, 1, 3)),
  decided,
  'innvilget',
  '',
  'Dokumentert effekt.',
  '',
];

/** A spreadsheet as a trust would fill it: Excel date cells and Norwegian text dates. */
async function workbook(rows: (string | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Saker');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Etterregistrering in the browser: by form, the template, a bad file, the fixed file, the list. */
describe.each(TEST_DATABASES)('etterregistrering in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  const signIn = (name: string): Promise<Page> => e2e.signIn(name, { acceptDownloads: true });

  it('registers by form, and a year of cases from a spreadsheet', async () => {
    const page = await signIn('Per Vik');
    await page.getByRole('link', { name: 'Etterregistrering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Etterregistrering' }).waitFor();
    await expectAccessible(page);
    await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());

    // One case by form; a mistake first keeps everything typed.
    await page.getByRole('link', { name: 'Registrer én sak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Etterregistrer en sak' }).waitFor();
    await expectAccessible(page);
    await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());
    // A form's width (44rem), not the page's: a seven-character code in a 1,150 px field reads badly.
    const referenceBox = await page
      .getByRole('textbox', { name: 'Referanse', exact: true })
      .boundingBox();
    expect(referenceBox?.width).toBeLessThanOrEqual(44 * 16);
    // Its four parts are headed, so «Legemiddel» the part is not read as a field.
    for (const part of ['Saken', 'Legemiddel', 'Diagnoser', 'Vedtaket']) {
      await page.getByRole('group', { name: part }).getByRole('heading', { name: part }).waitFor();
    }
    await page.getByRole('textbox', { name: 'Referanse', exact: true }).fill('ePhorte 2024/501');
    await page.getByLabel('Avdeling').selectOption('Kreftavdelingen');
    await page.getByLabel('Ordning').selectOption('offLabel');
    await page.getByLabel('Pasient eller gruppe').selectOption('single');
    const drug = page.locator('[id="drugId"][type="search"]'); // the FEST combobox, once hydrated
    await drug.click();
    await drug.pressSequentially('Rituximab 500 mg', { delay: 10 });
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'ATC-kode', exact: true }).fill('L01FA01');
    await page.getByRole('textbox', { name: 'Virkestoff', exact: true }).fill('rituksimab');
    await page.getByRole('textbox', { name: 'Hoveddiagnose', exact: true }).fill('C83.3');
    // The dates are date fields, no later than today. Headless Chromium lays a date field out in its
    // own locale's order (mm/dd/åååå), not the page's, so the dates are picked as Playwright picks
    // them (`fill` with the date the field sends), as the other date fields' journeys do.
    const submitted = page.getByLabel('Innsendt dato', { exact: true });
    const decided = page.getByLabel('Vedtaksdato', { exact: true });
    const today = dateInNorway(new Date());
    for (const field of [submitted, decided]) {
      expect(await field.getAttribute('type')).toBe('date');
      expect(await field.getAttribute('max')).toBe(today);
    }
    await submitted.fill('2024-11-15');
    const nextYear = addDays(today, 366);
    await decided.fill(nextYear);
    await page.getByLabel('Vedtak', { exact: true }).selectOption('approved');
    await page
      .getByRole('textbox', { name: 'Begrunnelse', exact: true })
      .fill('Oppfyller kriteriene.');
    await page.getByRole('button', { name: 'Registrer saken' }).click();
    await page.getByText('Vedtaksdato: datoen kan ikke være fram i tid').first().waitFor();
    await expectAccessible(page);
    expect(await submitted.inputValue()).toBe('2024-11-15');
    expect(await decided.inputValue()).toBe(nextYear);
    // A decision before the submission.
    await decided.fill('2024-11-01');
    await page.getByRole('button', { name: 'Registrer saken' }).click();
    await page.getByText('Vedtaksdato: datoen kan ikke være før innsendt dato').first().waitFor();
    await expectAccessible(page);
    expect(await page.getByRole('textbox', { name: 'Referanse', exact: true }).inputValue()).toBe(
      'ePhorte 2024/501',
    );
    expect(await page.getByRole('textbox', { name: 'Virkestoff', exact: true }).inputValue()).toBe(
      'rituksimab',
    );
    expect(await submitted.inputValue()).toBe('2024-11-15');
    expect(await decided.inputValue()).toBe('2024-11-01');
    await decided.fill('2025-01-10');
    // With the treatment's outcome the case is closed (Avsluttet).
    await page.getByLabel('Oppfølging', { exact: true }).selectOption('continued');
    await page.getByRole('button', { name: 'Registrer saken' }).click();
    await page.getByText('Saken er etterregistrert med løpenummer HBE-2024-00001.').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Åpne saken HBE-2024-00001' }).click();
    await page.getByRole('heading', { level: 1, name: /HBE-2024-00001/ }).waitFor();
    await page.getByText('Etterregistrert', { exact: true }).first().waitFor();
    await page.getByText('med helseforetakets referanse ePhorte 2024/501.').waitFor();
    // Its application was never written here: what was registered, not twenty unanswered questions.
    await page
      .getByText('Søknaden ble ikke skrevet i Søknadsportalen.', { exact: false })
      .waitFor();
    expect(await page.getByText('Ikke besvart').count()).toBe(0);
    await page.getByText('C83.3', { exact: false }).first().waitFor();
    // Nothing to read in the portal's assessment. Its time per stage is not known: the portal has
    // only the two dates, so it lists no stage (not the whole time in «Til forankring», nor a
    // closed case's final status as running).
    expect(await page.getByRole('link', { name: 'Se vurderingen' }).count()).toBe(0);
    await page.getByText('Avsluttet', { exact: true }).first().waitFor(); // the case's status
    await page
      .getByText('men ikke hvor lenge den var i hvert trinn før den ble registrert', {
        exact: false,
      })
      .waitFor();
    expect(await page.getByRole('table', { name: 'Tid per trinn' }).count()).toBe(0);
    // The portal does not know who applied or who decided: it names who registered the decision.
    const about = page.getByRole('region', { name: 'Om saken' });
    expect(await about.getByText('Søker', { exact: true }).count()).toBe(0);
    await page.getByText('Registrert i etterkant av', { exact: true }).waitFor();
    expect(await page.getByText('Besluttet av', { exact: true }).count()).toBe(0);
    await expectAccessible(page);
    // Its history: the steps taken outside the portal were not taken by the one who registered them.
    const historyRow = (what: string) =>
      page.getByRole('table', { name: 'Historikk' }).getByRole('row').filter({ hasText: what });
    const cellText = async (what: string, column: number) =>
      (await historyRow(what).getByRole('cell').nth(column).innerText()).trim();
    expect(await cellText('Sendt inn', 1)).toBe('Utenfor Søknadsportalen');
    expect(await cellText('Beslutning fattet', 1)).toBe('Utenfor Søknadsportalen');
    expect(await cellText('Sendt inn', 2)).toBe('Sendt inn (Utkast → Til forankring)');
    expect(await cellText('ePhorte 2024/501', 1)).toBe('Per Vik, Fagdirektør');
    // A note changes no status: no «(Avsluttet → Avsluttet)».
    expect(await cellText('ePhorte 2024/501', 2)).toBe('Etterregistrert');
    // The trust's register names no applicant for it either: it says the case was registered.
    await page.goto(`${e2e.app.url}/register?fane=foretak&sok=HBE-2024-00001`);
    const registerRow = page.getByRole('row', { name: /HBE-2024-00001/ });
    const headers = await page.getByRole('columnheader').allInnerTexts();
    const applicantCell = registerRow.getByRole('cell').nth(headers.indexOf('Søker'));
    expect((await applicantCell.innerText()).trim()).toBe('Etterregistrert');
    await expectAccessible(page);

    // The template.
    await page.goto(`${e2e.app.url}/etterregistrering/import`);
    await page
      .getByRole('heading', { level: 1, name: 'Importer etterregistrerte saker' })
      .waitFor();
    await expectAccessible(page);
    await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned mal (Excel, XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('etterregistrering-mal.xlsx');
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
    expect(template.worksheets.map((s) => s.name)).toEqual(['Saker', 'Forklaring']);
    expect(template.worksheets[0]?.getRow(1).getCell(1).text).toBe('Referanse');
    const csv = await page.request.get(`${e2e.app.url}/etterregistrering/mal.csv`);
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    // A zip bomb (a small file that unpacks past the limit): refused, nothing kept.
    await page.getByLabel('Regneark (CSV eller XLSX)').setInputFiles({
      name: 'bombe.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(
        zip({
          'xl/worksheets/sheet1.xml': { content: new Uint8Array(SHEET_LIMITS.unpackedBytes + 1) },
        }),
      ),
    });
    await page.getByRole('button', { name: 'Last opp og kontroller' }).click();
    await page.getByText('Regnearket er for stort når det pakkes ut.', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/etterregistrering/import');
    await expectAccessible(page);

    // A file with a bad row: the report, nothing imported.
    const rows = [
      sheetRow('ARK-1', '20.02.2025'),
      sheetRow('ARK-2', '01.02.2025'),
      sheetRow('ARK-3', new Date(Date.UTC(2025, 2, 1))),
    ];
    await page.getByLabel('Regneark (CSV eller XLSX)').setInputFiles({
      name: 'fjoraret.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(rows),
    });
    await page.getByRole('button', { name: 'Last opp og kontroller' }).click();
    await page.getByText('Rad 3, Vedtaksdato: datoen kan ikke være før innsendt dato').waitFor();
    await page
      .getByText('1 av 3 rader har feil. Ingenting er importert.', { exact: false })
      .waitFor();
    await expectAccessible(page);

    // Fixed: the preview, then the import.
    rows[1] = sheetRow('ARK-2', '2025-02-04');
    await page.getByLabel('Regneark (CSV eller XLSX)').setInputFiles({
      name: 'fjoraret.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(rows),
    });
    await page.getByRole('button', { name: 'Last opp og kontroller' }).click();
    await page.getByText('Alle 3 rader er i orden.', { exact: false }).waitFor();
    expect(page.url()).toMatch(/\/etterregistrering\/import\/[0-9a-f-]{36}$/);
    // The report's seventeen columns take the window's width, and a reason gets a readable line.
    const region = page.getByRole('region', { name: /Rader i fjoraret\.xlsx/ });
    expect((await region.boundingBox())?.width).toBeGreaterThan(72 * 16);
    const reason = page.getByRole('cell', { name: 'Dokumentert effekt.' }).first();
    expect((await reason.boundingBox())?.width).toBeGreaterThanOrEqual(18 * 16);
    // The report shows a date cell as the user saw it in Excel, not as YYYY-MM-DD.
    const ark3 = page.getByRole('row').filter({ hasText: 'ARK-3' });
    expect(await ark3.textContent()).toContain('01.03.2025');
    expect(await ark3.textContent()).not.toContain('2025-03-01');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Importer alle 3 sakene' }).click();
    await page.getByText('3 saker er importert.').waitFor();
    await expectAccessible(page);
    for (const n of ['HBE-2025-00001', 'HBE-2025-00002', 'HBE-2025-00003', 'HBE-2024-00001']) {
      await page.getByRole('link', { name: n }).waitFor();
    }
  });

  it('is not offered to, and refused for, an applicant', async () => {
    const page = await signIn('Ingrid Haugland');
    expect(await page.getByRole('link', { name: 'Etterregistrering' }).count()).toBe(0);
    for (const path of [
      '/etterregistrering',
      '/etterregistrering/ny',
      '/etterregistrering/mal.xlsx',
    ]) {
      expect((await page.request.get(`${e2e.app.url}${path}`)).status()).toBe(403);
    }
    // The refusal speaks of the page and the roles, not of a case.
    await page.goto(`${e2e.app.url}/etterregistrering`);
    await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor();
    await page
      .getByText('Rollene dine i helseforetaket gir ikke tilgang til denne siden.', {
        exact: false,
      })
      .waitFor();
    expect(await page.getByText('i saken', { exact: false }).count()).toBe(0);
    await expectAccessible(page);
  });
});
