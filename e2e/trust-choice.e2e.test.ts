import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, trusts } from '../app/db/schema';
import { msg } from '../app/i18n';
import { createDraft, transition } from '../app/features/cases/cases.server';
import { completeAnswers, demoActors, signInToTrust } from '../app/test/actors';
import { prepareCase } from '../app/test/case-states';
import { TEST_DATABASES } from '../app/test/databases';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  expectAccessibleWithoutJsAsShown,
  sameOrigin,
  useAppAndBrowser,
} from './harness';

const HST = 'Helse Stavanger HF';
const OUS = 'Oslo universitetssykehus HF';

/**
 * Sigrid Vangen, applicant at Helse Stavanger and on Oslo universitetssykehus' assessment
 * committee, chooses the trust she acts in after login and switches in the header (ADR 0026).
 */
describe.each(TEST_DATABASES)('choosing the trust in Chromium on %s', (kind) => {
  const contexts: BrowserContext[] = [];
  /** The løpenummer of her own case in Stavanger and of a case Oslo's committee assesses. */
  const numbers = { HST: '', OUS: '' };
  /** Her own case's id in Stavanger. */
  let ownCaseId = '';
  let bergenId = '';

  const e2e = useAppAndBrowser(kind, {
    prepare: async (db) => {
      const sigrid = await signInToTrust(db, 'sigrid.vangen', 'HST');
      const draft = await createDraft(db, sigrid.actor, completeAnswers);
      await transition(db, sigrid.actor, {
        caseId: draft.id,
        version: draft.version,
        event: 'submit',
      });
      const [own] = await db
        .select({ caseNumber: cases.caseNumber })
        .from(cases)
        .where(eq(cases.id, draft.id));
      numbers.HST = own?.caseNumber ?? '';
      ownCaseId = draft.id;
      numbers.OUS = (
        await prepareCase(db, await demoActors(db, 'OUS'), 'underAssessment')
      ).caseNumber;
      const [bergen] = await db.select().from(trusts).where(eq(trusts.code, 'HBE'));
      bergenId = bergen?.id ?? '';
    },
  });
  beforeAll(() => {
    expect(numbers.HST).toMatch(/^HST-/);
    expect(numbers.OUS).toMatch(/^OUS-/);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  /** Sigrid through the development login: one card, her roles in both trusts named on it. */
  async function logInAsSigrid(javaScriptEnabled: boolean): Promise<Page> {
    const context = await e2e.browser.newContext({ locale: 'nb-NO', javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/logg-inn`);
    const several = page.getByRole('region', { name: 'Flere helseforetak' });
    await several
      .getByText(
        'Søker (behandlende lege), Avdeling for blod- og kreftsykdommer, Helse Stavanger HF',
      )
      .waitFor();
    await several.getByText('Vurderingskomité, Oslo universitetssykehus HF').waitFor();
    const buttons = page.getByRole('button', { name: 'Logg inn som Sigrid Vangen' });
    expect(await buttons.count()).toBe(1);
    await buttons.click();
    await page.getByRole('heading', { level: 1, name: 'Velg helseforetak' }).waitFor();
    return page;
  }

  const sessionCookie = async (page: Page) =>
    (await page.context().cookies(e2e.app.url)).find((c) => c.name === 'sp_session')?.value ?? '';
  const signedInAs = (page: Page, trust: string) =>
    page.getByText(`Innlogget som Sigrid Vangen, ${trust}`).waitFor();
  const newApplication = (page: Page) =>
    page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Ny søknad', exact: true });
  const shows = async (page: Page, text: string) => (await page.getByText(text).count()) > 0;

  it('chooses a trust after login, sees only its cases, and switches to the other (JavaScript on)', async () => {
    const page = await logInAsSigrid(true);
    expect(new URL(page.url()).pathname).toBe('/velg-helseforetak');
    // Each trust with her roles there; signed in, but no menu until a trust is chosen.
    const stavanger = page.getByRole('listitem').filter({ hasText: HST });
    await stavanger
      .getByText('Søker (behandlende lege), Avdeling for blod- og kreftsykdommer')
      .waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: OUS })
      .getByText('Vurderingskomité')
      .waitFor();
    await page.getByText('Innlogget som Sigrid Vangen').waitFor();
    expect(await page.getByRole('navigation', { name: 'Hovedmeny' }).count()).toBe(0);
    await expectAccessible(page);
    await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());

    // A page that needs the trust sends her back to the chooser.
    await page.goto(`${e2e.app.url}/saker/ny`);
    await page.getByRole('heading', { level: 1, name: 'Velg helseforetak' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/velg-helseforetak');

    // Once she has chosen, she goes on to the page she asked for.
    const pending = await sessionCookie(page);
    await page.getByRole('button', { name: `Fortsett i ${HST}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny søknad' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/saker/ny');
    await page.goto(`${e2e.app.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await signedInAs(page, HST);
    expect(await sessionCookie(page)).not.toBe(pending);
    expect(await shows(page, numbers.HST)).toBe(true);
    expect(await shows(page, numbers.OUS)).toBe(false);
    expect(await newApplication(page).count()).toBe(1);
    await expectAccessible(page);

    // Switch in the header: a new session in Oslo, the old one ended.
    const inStavanger = await sessionCookie(page);
    await page.getByLabel('Helseforetak').selectOption({ label: OUS });
    await page.getByRole('button', { name: 'Bytt helseforetak' }).click();
    await signedInAs(page, OUS);
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText(numbers.OUS).first().waitFor();
    expect(await shows(page, numbers.HST)).toBe(false);
    // Her applicant role belongs to Stavanger: no «Ny søknad» in Oslo.
    expect(await newApplication(page).count()).toBe(0);
    await expectAccessible(page);
    const replay = await fetch(`${e2e.app.url}/`, {
      headers: { Cookie: `sp_session=${inStavanger}` },
      redirect: 'manual',
    });
    expect(replay.status).toBe(302);
    expect(replay.headers.get('Location')).toBe('/logg-inn');

    // A trust she holds no role in: a Norwegian error, and nothing changes.
    const inOslo = await sessionCookie(page);
    const refused = await page.request.post(`${e2e.app.url}/velg-helseforetak`, {
      form: { trustId: bergenId },
      headers: sameOrigin(e2e.app.url),
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('Du har ingen rolle i helseforetaket du valgte');
    expect(await sessionCookie(page)).toBe(inOslo);
    await page.goto(`${e2e.app.url}/`);
    await signedInAs(page, OUS);
  });

  it('takes a user with roles in one trust straight on, with no switcher and nothing to choose', async () => {
    const page = await e2e.signIn('Eirik Tjelta');
    contexts.push(page.context());
    await page.getByText(`Innlogget som Eirik Tjelta, ${HST}`).waitFor();
    expect(await page.getByRole('button', { name: 'Bytt helseforetak' }).count()).toBe(0);
    await page.goto(`${e2e.app.url}/velg-helseforetak`);
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // Her session ends (here: the cookie is gone); the page she opens asks her to log in, and
    // the login takes her back to it.
    await page.context().clearCookies();
    await page.goto(`${e2e.app.url}/register?status=submitted`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(page.url()).toBe(`${e2e.app.url}/logg-inn?tilbake=%2Fregister%3Fstatus%3Dsubmitted`);
    await page.getByText('Du er ikke logget inn, eller økten din er utløpt').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Logg inn som Eirik Tjelta' }).click();
    await page.getByText(`Innlogget som Eirik Tjelta, ${HST}`).waitFor();
    expect(page.url()).toBe(`${e2e.app.url}/register?status=submitted`);
  });

  it('after a session ends, logs in, chooses the trust and goes back to the page (JavaScript off)', async () => {
    const page = await logInAsSigrid(false);
    await page.getByRole('button', { name: `Fortsett i ${HST}` }).click();
    await signedInAs(page, HST);
    await page.goto(`${e2e.app.url}/saker/${ownCaseId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(numbers.HST) }).waitFor();

    await page.context().clearCookies();
    await page.reload();
    await page.getByText('Du er ikke logget inn, eller økten din er utløpt').waitFor();
    await page.getByRole('button', { name: 'Logg inn som Sigrid Vangen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Velg helseforetak' }).waitFor();
    await page.getByRole('button', { name: `Fortsett i ${HST}` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(numbers.HST) }).waitFor();
    expect(page.url()).toBe(`${e2e.app.url}/saker/${ownCaseId}`);

    // A form posted after the session ended: its text comes back (ADR 0036), and the login link
    // there takes her back to the page the form posted to, though the browser sends no Referer
    // (no-referrer).
    await page.getByLabel('Melding', { exact: true }).fill('Et spørsmål');
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Send melding' }).click();
    await page.getByRole('heading', { level: 1, name: 'Du er logget ut' }).waitFor();
    await page.getByText('Et spørsmål', { exact: true }).waitFor();
    const login = page.getByRole('link', { name: 'Logg inn igjen (åpnes i ny fane)' });
    const loginPath = `/logg-inn?tilbake=${encodeURIComponent(`/saker/${ownCaseId}/meldinger`)}`;
    expect(await login.getAttribute('href')).toBe(loginPath);
    await page.goto(`${e2e.app.url}${loginPath}`);
    await page.getByText('Du er ikke logget inn, eller økten din er utløpt').waitFor();
    await page.getByRole('button', { name: 'Logg inn som Sigrid Vangen' }).first().click();
    await page.getByRole('button', { name: `Fortsett i ${HST}` }).click();
    await page.waitForURL(`${e2e.app.url}/saker/${ownCaseId}/meldinger`);

    // Only a path on this site: another site in the login's query is ignored.
    await page.context().clearCookies();
    await page.goto(
      `${e2e.app.url}/logg-inn?tilbake=${encodeURIComponent('//evil.example/saker')}`,
    );
    expect(await page.getByText('Du er ikke logget inn, eller økten din er utløpt').count()).toBe(
      0,
    );
    await page.getByRole('button', { name: 'Logg inn som Sigrid Vangen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Velg helseforetak' }).waitFor();
    expect(new URL(page.url()).origin).toBe(e2e.app.url);
  });

  it('keeps a message typed in one tab when another tab switched trust meanwhile (JavaScript off)', async () => {
    const page = await logInAsSigrid(false);
    await page.getByRole('button', { name: `Fortsett i ${HST}` }).click();
    await signedInAs(page, HST);
    await page.goto(`${e2e.app.url}/saker/${ownCaseId}`);
    const text = 'Skrevet før byttet av helseforetak.';
    await page.getByLabel('Melding', { exact: true }).fill(text);
    // Another tab switches to Oslo: the session every tab shares now acts in Oslo.
    const other = await page.context().newPage();
    await other.goto(`${e2e.app.url}/`);
    await other.getByLabel('Helseforetak').selectOption({ label: OUS });
    await other.getByRole('button', { name: 'Bytt helseforetak' }).click();
    await signedInAs(other, OUS);
    await other.close();
    // Sent from the first tab: the case is not Oslo's (404), and the message is there to copy.
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: msg.dialog.send }).click(),
    ]);
    expect(answer.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: msg.problems.notFoundPage }).waitFor();
    await page.getByText(msg.case.unsavedText).waitFor();
    await page.getByText(text).waitFor();
    await expectAccessibleWithoutJsAsShown(e2e.browser, page);
  });

  it('chooses and switches with plain form posts (JavaScript off)', async () => {
    const page = await logInAsSigrid(false);
    await page.getByRole('button', { name: `Fortsett i ${OUS}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await signedInAs(page, OUS);
    expect(await shows(page, numbers.OUS)).toBe(true);
    expect(await shows(page, numbers.HST)).toBe(false);

    await page.getByLabel('Helseforetak').selectOption({ label: HST });
    await page.getByRole('button', { name: 'Bytt helseforetak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await signedInAs(page, HST);
    expect(await shows(page, numbers.HST)).toBe(true);
    expect(await shows(page, numbers.OUS)).toBe(false);
  });
});
