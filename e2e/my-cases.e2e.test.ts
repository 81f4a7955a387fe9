import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDraft, LIST_PAGE_SIZE, transition } from '../app/features/cases/cases.server';
import { completeAnswers, demoActors } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  expectTagsApartFromTheirRows,
  useAppAndBrowser,
} from './harness';
import { endorseWithRatings, sentAndEndorsed } from '../app/test/case-states';
import { APPROVAL_TERMS } from '../app/test/decisions';

/**
 * "Mine saker" for the medical director: what waits (oldest first, counted in its heading) and the
 * other active cases, each a page at a time with plain links («Vis flere …») that keep the other
 * list where it is, with and without JavaScript; the concluded cases with their decision's outcome.
 */
describe.each(TEST_DATABASES)('my cases in Chromium on %s', (kind) => {
  const others = LIST_PAGE_SIZE + 3;
  const waiting = LIST_PAGE_SIZE + 2;
  /** The løpenummer of each decided case, by the outcome of its decision. */
  const decided = { approved: '', rejected: '' };

  const e2e = useAppAndBrowser(kind, {
    // Submitted cases wait for the leader, so they are "other cases" for the director; the
    // endorsed cases wait for the director.
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      const submitted = [];
      for (let i = 0; i < others + waiting; i++) {
        const draft = await createDraft(db, hbe.applicant, completeAnswers);
        const sent = await transition(db, hbe.applicant, {
          caseId: draft.id,
          version: draft.version,
          event: 'submit',
        });
        submitted.push({ id: draft.id, version: sent.version });
      }
      for (const c of submitted.slice(0, waiting)) {
        await endorseWithRatings(db, hbe.endorser, {
          caseId: c.id,
          version: c.version,
          reason: 'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
        });
      }
      // Two decided cases (concluded: in neither list above), one approved, one rejected.
      for (const outcome of ['approved', 'rejected'] as const) {
        const endorsed = await sentAndEndorsed(
          db,
          hbe,
          completeAnswers,
          'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
        );
        await transition(db, hbe.decisionMaker, {
          caseId: endorsed.caseId,
          version: endorsed.version,
          event: 'decide',
          outcome,
          reason: 'Vurdert etter prioriteringskriteriene.',
          ...APPROVAL_TERMS,
        });
        decided[outcome] = endorsed.caseNumber;
      }
    },
  });

  const rows = (page: Page, caption: string) =>
    page.getByRole('table', { name: caption }).locator('tbody tr').count();

  /**
   * The rows of each list, the count in the heading, and whether each list offers more, polled
   * together (with JavaScript a link click renders the next page's lists at once, a moment later).
   */
  async function expectLists(
    page: Page,
    expected: { waiting: number; others: number; moreWaiting: boolean; moreOthers: boolean },
  ) {
    const links = (name: string) => page.getByRole('link', { name }).count();
    await expect
      .poll(async () => ({
        waiting: await rows(page, 'Venter på deg'),
        others: await rows(page, 'Andre saker'),
        moreWaiting: (await links('Vis flere saker som venter på deg')) === 1,
        moreOthers: (await links('Vis flere andre saker')) === 1,
      }))
      .toEqual(expected);
    expect(
      await page.getByRole('heading', { level: 2, name: `Venter på deg ${waiting}` }).count(),
    ).toBe(1);
  }

  async function expectAccessiblePage(page: Page, javaScriptEnabled: boolean) {
    if (javaScriptEnabled) await expectAccessible(page);
    else await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());
  }

  for (const javaScriptEnabled of [false, true]) {
    it(`pages what waits and the other cases, each keeping the other (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const director = await e2e.signIn('Per Vik', { javaScriptEnabled });
      await expectLists(director, {
        waiting: LIST_PAGE_SIZE,
        others: LIST_PAGE_SIZE,
        moreWaiting: true,
        moreOthers: true,
      });
      const waitingPages = director.getByRole('navigation', { name: 'Sider: Venter på deg' });
      expect(await waitingPages.getByRole('link').count()).toBe(1);
      expect(
        await director.getByRole('link', { name: 'Til sakene som har ventet lengst' }).count(),
      ).toBe(0);
      expect(
        await director.getByRole('link', { name: 'Til de sist endrede andre sakene' }).count(),
      ).toBe(0);
      await expectAccessiblePage(director, javaScriptEnabled);

      // What waits, page 2: the rest of the queue; the count stays the whole queue.
      await director.getByRole('link', { name: 'Vis flere saker som venter på deg' }).click();
      await director.waitForURL(/\?venter=[^&#]+#venter$/);
      await expectLists(director, {
        waiting: waiting - LIST_PAGE_SIZE,
        others: LIST_PAGE_SIZE,
        moreWaiting: false,
        moreOthers: true,
      });
      await expectAccessiblePage(director, javaScriptEnabled);

      // The other cases, page 2, with what waits still on its page 2.
      await director.getByRole('link', { name: 'Vis flere andre saker' }).click();
      await director.waitForURL(/\?venter=[^&#]+&andre=[^&#]+#andre$/);
      await expectLists(director, {
        waiting: waiting - LIST_PAGE_SIZE,
        others: others - LIST_PAGE_SIZE,
        moreWaiting: false,
        moreOthers: false,
      });
      await expectAccessiblePage(director, javaScriptEnabled);

      // Back to the start of each list.
      await director.getByRole('link', { name: 'Til sakene som har ventet lengst' }).click();
      await director.waitForURL(/^[^?]*\?andre=[^&#]+#venter$/);
      await expectLists(director, {
        waiting: LIST_PAGE_SIZE,
        others: others - LIST_PAGE_SIZE,
        moreWaiting: true,
        moreOthers: false,
      });
      await director.getByRole('link', { name: 'Til de sist endrede andre sakene' }).click();
      await director.waitForURL((url) => url.search === '' && url.hash === '#andre');
      await expectLists(director, {
        waiting: LIST_PAGE_SIZE,
        others: LIST_PAGE_SIZE,
        moreWaiting: true,
        moreOthers: true,
      });
      await director.context().close();
    });
  }

  it("shows each concluded case's decision outcome beside its status; the active cases show none", async () => {
    const director = await e2e.signIn('Per Vik', { javaScriptEnabled: false });
    const finished = director.getByRole('table', { name: 'Vedtatte og avsluttede saker' });
    const statusOf = async (caseNumber: string) => {
      const row = finished.getByRole('row').filter({ hasText: caseNumber });
      return (await row.getByRole('cell').nth(3).innerText()).split(/\s+/).filter(Boolean);
    };
    expect(await statusOf(decided.approved)).toEqual(['Besluttet', 'Innvilget']);
    expect(await statusOf(decided.rejected)).toEqual(['Besluttet', 'Avslått']);
    for (const caption of ['Venter på deg', 'Andre saker']) {
      const statuses = director
        .getByRole('table', { name: caption })
        .locator('tbody tr td:nth-child(4)');
      expect(await statuses.allInnerTexts()).not.toContainEqual(
        expect.stringMatching(/Innvilget|Avslått/),
      );
    }
    await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());
    await director.context().close();
  });

  it('sets every tag in its tables apart from the row behind it, striped or not', async () => {
    const director = await e2e.signIn('Per Vik', { javaScriptEnabled: false });
    // The lists are striped, and the director's hold «info» statuses (sent, endorsed).
    await expectTagsApartFromTheirRows(director, 4);
    await director.context().close();
  });

  it('follows its links inside the app with JavaScript (no new document), and leaves Ctrl+click to the browser', async () => {
    const director = await e2e.signIn('Per Vik');
    const documents: string[] = [];
    director.on('request', (request) => {
      if (request.resourceType() === 'document') documents.push(request.url());
    });
    const home = director.url();
    const waitingLinks = director.getByRole('table', { name: 'Venter på deg' }).locator('tbody a');

    // Ctrl+click opens the case in a new tab; this page stays where it is.
    const [tab] = await Promise.all([
      director.context().waitForEvent('page'),
      waitingLinks.first().click({ modifiers: ['Control'] }),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/\/saker\/[0-9a-f-]{36}$/);
    await tab.close();
    expect(director.url()).toBe(home);
    documents.length = 0;

    // A plain click: the case page, rendered by the router in this document.
    await waitingLinks.first().click();
    await director.waitForURL(/\/saker\/[0-9a-f-]{36}$/);
    await director
      .getByRole('heading', { level: 1 })
      .filter({ hasNotText: 'Mine saker' })
      .waitFor();
    // The header's link back to «Mine saker», the same way.
    await director
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Mine saker' })
      .click();
    await director.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    expect(director.url()).toBe(home);
    expect(documents).toEqual([]);
    await director.context().close();
  });
});
