import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateCases } from '../app/features/national/domain/generate';
import { insertGeneratedCases } from '../app/features/national/generated.server';
import { SECTIONS } from '../app/features/statistics/domain/tables';
import { msg } from '../app/i18n';
import { TEST_DATABASES } from '../app/test/databases';
import { completeDraftOverHttp, endorseInBrowser, submitOverHttp } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  sameOrigin,
  useAppAndBrowser,
} from './harness';

const CODES = ['HBE', 'HST', 'OUS', 'HFO'] as const;
const GENERATED = generateCases({
  seed: 5,
  count: 80,
  trusts: CODES.length,
  from: new Date('2025-01-01T00:00:00Z'),
  to: new Date('2025-12-01T00:00:00Z'),
});
const countFor = (code: (typeof CODES)[number]) =>
  GENERATED.filter((g) => g.trust === CODES.indexOf(code)).length;
const nb = (n: number) => new Intl.NumberFormat('nb-NO').format(n);

/**
 * National statistics in Chromium: generated history written into the app's database before it
 * starts, charts drawn (a static SVG from the server, recharts after hydration), the tables
 * beside them, a filter, the exports, and axe with and without JavaScript.
 */
describe.each(TEST_DATABASES)('statistics in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind, {
    prepare: (db) => insertGeneratedCases(db, CODES, GENERATED),
  });

  const signIn = (javaScriptEnabled = true): Promise<Page> =>
    e2e.signIn('Tone Lie', { javaScriptEnabled });

  const section = (page: Page, id: string) => page.locator(`section[data-section="${id}"]`);
  /** The cell of a row (by its key) in a column (by the key on its header): a row header first. */
  const cellText = async (page: Page, id: string, row: string, column = 'submitted') => {
    const keys = await section(page, id)
      .locator('thead th')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-column')));
    const index = keys.indexOf(column);
    expect(index, `column ${column} of ${id}`).toBeGreaterThan(0);
    return section(page, id)
      .locator(`tr[data-row="${row}"] > :nth-child(${String(index + 1)})`)
      .innerText();
  };

  it('draws every chart with recharts after hydration, beside tables with the same numbers', async () => {
    const page = await signIn();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Statistikk' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Statistikk' }).waitFor();
    await page.locator('[data-chart="recharts"]').first().waitFor();

    await expect
      .poll(() => section(page, 'time').locator('.recharts-line-curve').count())
      .toBeGreaterThan(0);
    // Every section's chart but the time series (a line) is bars.
    for (const id of SECTIONS.filter((section) => section !== 'time')) {
      await expect
        .poll(() => section(page, id).locator('.recharts-bar-rectangle').count(), {
          timeout: 10_000,
        })
        .toBeGreaterThan(0);
    }
    // Each chart is one named image; the numbers are in the table beside it.
    await expect(
      page.getByRole('img', { name: 'Figur: Søknader per helseforetak' }).count(),
    ).resolves.toBe(1);
    for (const code of CODES) {
      expect(await cellText(page, 'trust', code)).toBe(nb(countFor(code)));
    }
    expect(await cellText(page, 'trust', 'total')).toBe(nb(GENERATED.length));
    // A trust without cases in the data shows 0 (or «skjult» as a complement), never «<5» or a
    // number > 0; it has no times to show.
    expect(await cellText(page, 'trust', 'SIN')).toMatch(/^(0|skjult)$/);
    expect(await cellText(page, 'stagesByTrust', 'SIN', 'total')).toBe('–');
    // Approval rate of a trust from the generated decisions (shown when no count in its row is hidden).
    const hbe = GENERATED.filter((g) => g.trust === 0);
    const rate = await cellText(page, 'decisions', 'HBE', 'approvalRate');
    if (rate !== 'skjult') {
      const approved = hbe.filter((g) => g.outcome !== 'rejected').length;
      expect(rate.replace(/\s/g, ' ')).toBe(
        `${new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((approved / hbe.length) * 100)} %`,
      );
    }
    expect(errors).toEqual([]);
    await expectAccessible(page);
    await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());
  });

  it('draws the medians per trust where its table has them, server-rendered and with recharts; the table fits 1280 px', async () => {
    const page = await signIn();
    // The chart draws the stages by their columns' keys: the table has medians in them.
    await page.goto(`${e2e.app.url}/statistikk`);
    const medians = await Promise.all(
      CODES.map((code) => cellText(page, 'stagesByTrust', code, 'submitted')),
    );
    expect(medians.filter((m) => /^\d+,\d$/.test(m)).length, medians.join(' ')).toBeGreaterThan(0);
    expect(await cellText(page, 'stagesByTrust', 'total', 'total')).toMatch(/^\d+,\d$/);

    // The server's static SVG has bars for them …
    const html = await (await page.request.get(`${e2e.app.url}/statistikk`)).text();
    const byTrust = html.slice(
      html.indexOf('data-section="stagesByTrust"'),
      html.indexOf('data-section="followUp"'),
    );
    expect(byTrust).toContain('data-chart="static"');
    expect(byTrust.match(/class="sp-chart__bar"/g)?.length ?? 0).toBeGreaterThan(0);
    // … and so has recharts after hydration, with a legend naming the stages.
    const chart = section(page, 'stagesByTrust').locator('[data-chart="recharts"]');
    await expect
      .poll(() => chart.locator('.recharts-bar-rectangle').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await chart.locator('.recharts-legend-item-text').allInnerTexts()).toEqual([
      'Forankring',
      'Venter på fagdirektør',
      'Vurdering',
      'Etter innstilling',
      'Totalt til vedtak',
    ]);
    // A trust's name is drawn on one line and whole on a 760 px chart, and its title has it whole.
    const tick = chart.locator('.recharts-yAxis-tick-labels text', { hasText: 'Helse Bergen HF' });
    expect(await tick.locator('title').textContent()).toBe('Helse Bergen HF');
    // The nine columns of the table fit the page at 1280 px: nothing to scroll to, no header cut.
    const region = page.getByRole('region', {
      name: 'Tabell: Mediantid per trinn og helseforetak (dager)',
    });
    expect(await region.evaluate((r) => r.scrollWidth <= r.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
    // Its figures and their headers are right-aligned; the trusts' names, left.
    const align = (selector: string) =>
      region
        .locator(selector)
        .evaluateAll((cells) => [
          ...new Set(cells.map((cell) => getComputedStyle(cell).textAlign)),
        ]);
    expect(await align('tbody td')).toEqual(['end']);
    expect(await align('thead th:not(:first-child)')).toEqual(['end']);
    expect(await align('tbody th')).not.toContain('end');
    await expectAccessible(page);
  });

  it('fits the page into 390 px (WCAG 1.4.10): charts as wide as the screen, tables scrolling in their own regions', async () => {
    const page = await e2e.signIn('Tone Lie', {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${e2e.app.url}/statistikk`);
    const charts = page.locator('[data-chart]');
    // Every chart drawn by recharts.
    await expect
      .poll(() => page.locator('[data-chart="recharts"] .recharts-wrapper').count(), {
        timeout: 10_000,
      })
      .toBe(await charts.count());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const rightEdges = await page
      .locator('[data-chart="recharts"] .recharts-wrapper')
      .evaluateAll((wrappers) => wrappers.map((w) => w.getBoundingClientRect().right));
    expect(Math.max(...rightEdges)).toBeLessThanOrEqual(390);
    // A trust's long name is shortened on the narrow chart's axis, whole in the tick's title.
    const tick = section(page, 'trust').locator('.recharts-yAxis-tick-labels text', {
      has: page.locator('title', { hasText: 'Universitetssykehuset Nord-Norge HF' }),
    });
    expect(await tick.textContent()).toMatch(/…$/);
    // The median table is wider than the screen: it scrolls in its named, focusable region.
    const region = page.getByRole('region', {
      name: 'Tabell: Mediantid per trinn og helseforetak (dager)',
    });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it('the filter form changes the numbers; a bad filter gets a Norwegian message, not an error page', async () => {
    const page = await signIn();
    await page.goto(`${e2e.app.url}/statistikk`);
    await page.locator('#filter-helseforetak').selectOption('HST');
    await page.locator('#filter-inndeling').selectOption('month');
    await page.getByRole('button', { name: 'Vis statistikk' }).click();
    await page.waitForURL(/helseforetak=HST/);
    await expect.poll(() => section(page, 'trust').locator('tbody tr').count()).toBe(2);
    expect(await cellText(page, 'trust', 'HST')).toBe(nb(countFor('HST')));
    await expect(page.getByTestId('statistics-total').innerText()).resolves.toBe(
      `Søknader i utvalget: ${nb(countFor('HST'))}`,
    );
    // Months: 2024-01 to this month, each a row, plus the total.
    expect(await section(page, 'time').locator('tbody tr').count()).toBeGreaterThan(24);

    const refused = await page.goto(`${e2e.app.url}/statistikk?atc=1&fra=2025-13-01`);
    expect(refused?.status()).toBe(200);
    await page.getByText('Utvalget kan ikke vises. Rett feilene under.').waitFor();
    await page.getByText('Skriv en gyldig dato (dd.mm.åååå).').waitFor();
    await page.getByText(/Skriv begynnelsen av en ATC-kode/).waitFor();
    expect(await page.locator('#filter-atc').inputValue()).toBe('1');
    await expectAccessible(page);
  });

  it('reads a period typed dd.mm.åååå into the address: date fields, the same numbers, ISO in the export links', async () => {
    const page = await signIn();
    const response = await page.goto(
      `${e2e.app.url}/statistikk?fra=1.1.2025&til=31.12.2025&inndeling=month`,
    );
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('statistics-total').innerText()).resolves.toBe(
      `Søknader i utvalget: ${nb(GENERATED.length)}`,
    );
    // Twelve months and the total.
    expect(await section(page, 'time').locator('tbody tr').count()).toBe(13);
    const from = page.getByLabel('Fra dato', { exact: true });
    const to = page.getByLabel('Til dato', { exact: true });
    expect([await from.getAttribute('type'), await to.getAttribute('type')]).toEqual([
      'date',
      'date',
    ]);
    expect([await from.inputValue(), await to.inputValue()]).toEqual(['2025-01-01', '2025-12-31']);
    expect(
      await page
        .getByRole('link', { name: 'Last ned «Søknader per helseforetak» som CSV' })
        .getAttribute('href'),
    ).toContain('fra=2025-01-01&til=2025-12-31');
    await expectAccessible(page);
    await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());
  });

  it('exports a section as CSV (download) and XLSX with the numbers of its table', async () => {
    const page = await signIn();
    await page.goto(`${e2e.app.url}/statistikk`);
    const link = page.getByRole('link', { name: 'Last ned «Søknader per helseforetak» som CSV' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^statistikk-trust-.*\.csv$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(text, { bom: true, delimiter: ';' });
    expect(rows[0]).toEqual(['Helseforetak', 'Søknader']);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(byName.get('Helse Bergen HF')).toBe(String(countFor('HBE')));
    expect(byName.get('Hele landet')).toBe(String(GENERATED.length));

    const xlsxHref = await page
      .getByRole('link', { name: 'Last ned «Søknader per helseforetak» som Excel' })
      .getAttribute('href');
    const response = await page.request.get(`${e2e.app.url}${xlsxHref ?? ''}`);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await response.body()).buffer);
    const sheet = workbook.worksheets[0];
    const values = new Map<string, unknown>();
    sheet?.eachRow((row) => values.set(row.getCell(1).text, row.getCell(2).value));
    expect(values.get('Helse Stavanger HF')).toBe(countFor('HST'));
    expect(values.get('Hele landet')).toBe(GENERATED.length);

    const bad = await page.request.get(
      `${e2e.app.url}/statistikk/eksport?seksjon=trust&format=pdf`,
    );
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toMatch(/Velg CSV eller Excel/);
  });

  it('without JavaScript the charts are server-rendered SVG (the HTML as the server sends it)', async () => {
    const page = await signIn();
    const html = await (
      await page.request.get(`${e2e.app.url}/statistikk?helseforetak=OUS`)
    ).text();
    expect(html).toContain('data-chart="static"');
    expect(html.match(/class="sp-chart__line"/g)?.length).toBe(1);
    expect(html.match(/class="sp-chart__bar"/g)?.length ?? 0).toBeGreaterThan(0);
    // The section by trust: its first column after the trust is «submitted», OUS's count in it.
    const byTrust = html.slice(
      html.indexOf('data-section="trust"'),
      html.indexOf('data-section="scheme"'),
    );
    expect(byTrust).toMatch(
      /<tr><th scope="col">[^<]*<\/th><th scope="col" data-column="submitted">/,
    );
    expect(byTrust).toMatch(
      new RegExp(
        `<tr data-row="OUS"><th scope="row">[^<]*</th><td>${String(countFor('OUS'))}</td>`,
      ),
    );
  });

  // Last: it sends applications today, which the other tests would count.
  it('counts the applications not endorsed and withdrawn beside the decisions, «<5» while few', async () => {
    const reader = await signIn();
    await reader.goto(`${e2e.app.url}/statistikk`);
    for (const column of ['notEndorsed', 'withdrawn']) {
      expect(await cellText(reader, 'decisions', 'HBE', column)).toBe('0');
      expect(await cellText(reader, 'decisions', 'total', column)).toBe('0');
    }

    // Ingrid Haugland sends an application and withdraws it, as the case page posts it.
    const doctor = await e2e.signIn('Ingrid Haugland');
    const { caseUrl, version } = await completeDraftOverHttp(doctor.request, e2e.app.url);
    const post = (path: string, form: Record<string, string>) =>
      doctor.request.post(`${e2e.app.url}${path}`, {
        headers: sameOrigin(e2e.app.url),
        form,
        maxRedirects: 0,
      });
    expect(
      (
        await post(`${caseUrl}/oppsummering`, { event: 'submit', version: String(version) })
      ).status(),
    ).toBe(302);
    const withdrawn = await post(caseUrl, {
      event: 'withdraw',
      version: String(version + 1),
      reason: 'Pasienten ønsket ikke behandlingen.',
    });
    expect(withdrawn.headers().location).toBe(`${caseUrl}?utfort=withdraw`);
    // Her leader does not endorse another.
    const refusedUrl = await submitOverHttp(doctor.request, e2e.app.url);
    await doctor.context().close();
    const leader = await e2e.signIn('Kari Nordtveit');
    await leader.goto(`${e2e.app.url}${refusedUrl}`);
    await endorseInBrowser(leader, 'Ikke forankre søknaden', 'Ikke tilstrekkelig begrunnet.');
    await leader.getByText(msg.confirmations.notEndorse).waitFor();
    await leader.context().close();

    await reader.goto(`${e2e.app.url}/statistikk`);
    for (const column of ['notEndorsed', 'withdrawn']) {
      expect(await cellText(reader, 'decisions', 'HBE', column)).toBe('<5');
      expect(await cellText(reader, 'decisions', 'total', column)).toBe('<5');
    }
    const headers = await section(reader, 'decisions').locator('thead th').allInnerTexts();
    expect(headers).toEqual(expect.arrayContaining(['Ikke forankret', 'Trukket']));
    await expectAccessible(reader);
    await expectAccessibleWithoutJs(e2e.browser, reader.context(), reader.url());
    await reader.context().close();
  });
});
