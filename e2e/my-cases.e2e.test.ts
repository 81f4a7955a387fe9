import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, LIST_PAGE_SIZE, transition } from '../app/features/cases/cases.server';
import { completeAnswers, demoActors } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  launchChromium,
  startApp,
  type RunningApp,
} from './harness';

/**
 * "Mine saker" for the medical director: what waits is listed whole, the other active cases a page
 * at a time with plain links («Vis flere andre saker»), with and without JavaScript.
 */
describe.each(TEST_DATABASES)('my cases in Chromium on %s', (kind) => {
  let app: RunningApp;
  let browser: Browser;
  const others = LIST_PAGE_SIZE + 3;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp(kind, {
        // Submitted cases wait for the leader, so they are "other cases" for the director; one
        // endorsed case waits for the director.
        prepare: async (db) => {
          const hbe = await demoActors(db, 'HBE');
          const submitted = [];
          for (let i = 0; i < others + 1; i++) {
            const draft = await createDraft(db, hbe.applicant, completeAnswers);
            const sent = await transition(db, hbe.applicant, {
              caseId: draft.id,
              version: draft.version,
              event: 'submit',
            });
            submitted.push({ id: draft.id, version: sent.version });
          }
          const first = submitted[0];
          if (!first) throw new Error('no case');
          await transition(db, hbe.endorser, {
            caseId: first.id,
            version: first.version,
            event: 'endorse',
            reason: 'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
          });
        },
      }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser.close();
    await app.stop();
  });

  async function signIn(name: string, javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({ locale: 'nb-NO', javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${app.url}/logg-inn`);
    await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    return page;
  }

  const rows = (page: Page, caption: string) =>
    page.getByRole('table', { name: caption }).locator('tbody tr').count();

  for (const javaScriptEnabled of [false, true]) {
    it(`pages the other cases and keeps what waits whole (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const director = await signIn('Per Vik', javaScriptEnabled);
      expect(await rows(director, 'Venter på deg')).toBe(1);
      await expect
        .poll(() => director.getByRole('heading', { level: 2, name: 'Venter på deg 1' }).count())
        .toBe(1);
      expect(await rows(director, 'Andre saker')).toBe(LIST_PAGE_SIZE);
      expect(
        await director.getByRole('link', { name: 'Til de sist endrede andre sakene' }).count(),
      ).toBe(0);
      if (javaScriptEnabled) await expectAccessible(director);
      else await expectAccessibleWithoutJs(browser, director.context(), director.url());

      await director.getByRole('link', { name: 'Vis flere andre saker' }).click();
      await director.waitForURL(/\?andre=[^#]+#andre$/);
      await expect.poll(() => rows(director, 'Andre saker')).toBe(others - LIST_PAGE_SIZE);
      expect(await rows(director, 'Venter på deg')).toBe(1);
      expect(await director.getByRole('link', { name: 'Vis flere andre saker' }).count()).toBe(0);
      if (javaScriptEnabled) await expectAccessible(director);
      else await expectAccessibleWithoutJs(browser, director.context(), director.url());

      await director.getByRole('link', { name: 'Til de sist endrede andre sakene' }).click();
      await director.waitForURL((url) => url.search === '' && url.hash === '#andre');
      await expect.poll(() => rows(director, 'Andre saker')).toBe(LIST_PAGE_SIZE);
      await director.context().close();
    });
  }
});
