import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { htmlPage, minimalPdf } from '../app/test/files';
import { expectAccessible, sameOrigin, useAppAndBrowser } from './harness';
import { startDraftOverHttp } from './application';

const FILE_NAME = 'Epikrise Ærlig.pdf';

describe.each(TEST_DATABASES)('attachments in Chromium on %s', (kind) => {
  let editUrl = '';
  let downloadUrl = '';

  const e2e = useAppAndBrowser(kind);

  it('the doctor adds a PDF on the edit page, is refused an HTML file named .pdf, and downloads the PDF', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    editUrl = `${e2e.app.url}${await startDraftOverHttp(doctor.request, e2e.app.url)}/rediger`;

    await doctor.goto(editUrl);
    await doctor.getByRole('heading', { level: 2, name: 'Vedlegg' }).waitFor();
    await expect.poll(() => doctor.getByText('Ingen vedlegg er lagt til.').count()).toBe(1);
    await expectAccessible(doctor);

    const fileInput = doctor.getByLabel('Legg til vedlegg');
    await fileInput.setInputFiles({
      name: 'rapport.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(htmlPage()),
    });
    await doctor.getByRole('button', { name: 'Last opp' }).click();
    await expect
      .poll(() => doctor.getByText(/^Filtypen er ikke tillatt/).count())
      .toBeGreaterThan(0);
    await expectAccessible(doctor);

    const pdf = minimalPdf();
    await fileInput.setInputFiles({
      name: FILE_NAME,
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await doctor.getByRole('button', { name: 'Last opp' }).click();
    await expect.poll(() => doctor.getByText('Vedlegget er lagt til.').count()).toBe(1);
    const link = doctor.getByRole('link', { name: FILE_NAME });
    await link.waitFor();
    await expectAccessible(doctor);

    const [download] = await Promise.all([doctor.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    const path = await download.path();
    expect(Buffer.from(readFileSync(path)).equals(Buffer.from(pdf))).toBe(true);

    downloadUrl = new URL((await link.getAttribute('href')) ?? '', e2e.app.url).toString();
    const response = await doctor.request.get(downloadUrl);
    expect(response.status()).toBe(200);
    expect(response.headers()).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="/);
    await doctor.context().close();
  });

  it('works without JavaScript: add and remove', async () => {
    expect(editUrl).not.toBe('');
    const doctor = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    await doctor.goto(editUrl);
    await doctor.getByRole('button', { name: 'Last opp' }).click();
    await doctor.getByText('Velg en fil du vil laste opp.').waitFor();
    await doctor.getByLabel('Legg til vedlegg').setInputFiles({
      name: 'kopi.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(minimalPdf()),
    });
    await doctor.getByRole('button', { name: 'Last opp' }).click();
    await doctor.getByText('Vedlegget er lagt til.').waitFor();
    expect(doctor.url()).toMatch(/\/rediger\?vedlegg=added#vedlegg$/);
    await doctor.getByRole('button', { name: 'Fjern vedlegget kopi.pdf' }).click();
    await doctor.getByText('Vedlegget er fjernet.').waitFor();
    expect(await doctor.getByRole('link', { name: 'kopi.pdf' }).count()).toBe(0);
    expect(await doctor.getByRole('link', { name: FILE_NAME }).count()).toBe(1);
    // No axe here: it runs in the page, which has no JavaScript; the same markup is checked above.
    await doctor.context().close();
  });

  it('refuses a file over the limit with a message, before reading it', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const uploadUrl = editUrl.replace(/\/rediger$/, '/vedlegg');
    const response = await doctor.request.post(uploadUrl, {
      headers: sameOrigin(e2e.app.url),
      multipart: {
        fil: {
          name: 'stor.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.concat([Buffer.from(minimalPdf()), Buffer.alloc(21 * 1024 * 1024)]),
        },
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toMatch(/\/rediger\?vedleggfeil=tooLarge#vedlegg$/);
    await doctor.goto(`${e2e.app.url}${response.headers().location ?? ''}`);
    await doctor.getByText('Filen er for stor. Største tillatte størrelse er 20 MB.').waitFor();
    await doctor.context().close();
  });

  it('answers 404 to a download by another trust', async () => {
    expect(downloadUrl).not.toBe('');
    const foreign = await e2e.signIn('Knut Hansen'); // medical director, Oslo universitetssykehus
    const response = await foreign.request.get(downloadUrl);
    expect(response.status()).toBe(404);
    expect(response.headers()['content-disposition']).toBeUndefined();
    await foreign.context().close();
  });
});
