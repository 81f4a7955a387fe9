import { describe, expect, it } from 'vitest';
import { transition } from '../app/features/cases/cases.server';
import type { Scheme } from '../app/features/cases/domain/application';
import { msg } from '../app/i18n';
import { completeAnswersFor, demoActors } from '../app/test/actors';
import { sentAndEndorsed } from '../app/test/case-states';
import { TEST_DATABASES } from '../app/test/databases';
import { CERTICAN } from '../app/test/fest-changes';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

const warning = msg.fest.schemeWarning;
const drugSection = msg.questionnaire.sections.drug.title;

/**
 * The committee's assessment page shows the drug as FEST had it when the application was sent
 * (ADR 0027), under the drug answered, and warns when FEST contradicts the scheme: Certican is
 * marketed in Norway with MT in the bundled FEST extract, so «uten norsk markedsføringstillatelse»
 * is at odds with it, and off-label is not.
 */
describe.each(TEST_DATABASES)('FEST on the assessment page in Chromium on %s', (kind) => {
  const ids = { contradicting: '', fitting: '' };

  const e2e = useAppAndBrowser(kind, {
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      const underAssessment = async (scheme: Scheme) => {
        const { caseId, version } = await sentAndEndorsed(db, hbe, {
          ...completeAnswersFor(scheme),
          drug: CERTICAN,
        });
        await transition(db, hbe.decisionMaker, { caseId, version, event: 'startAssessment' });
        return caseId;
      };
      ids.contradicting = await underAssessment('noMarketingAuthorisation');
      ids.fitting = await underAssessment('offLabel');
    },
  });

  it('shows the drug as sent under the drug answered, and warns that FEST contradicts the scheme', async () => {
    const director = await e2e.signIn('Per Vik');
    await director.goto(`${e2e.app.url}/saker/${ids.contradicting}/vurdering`);
    // The warning, near the top: FEST's word against the scheme, and what the committee weighs.
    await director.getByRole('heading', { level: 2, name: warning.title, exact: true }).waitFor();
    expect(await director.getByText(/^Ifølge FEST har /).innerText()).toMatch(
      /^Ifølge FEST har Certican .+ norsk markedsføringstillatelse og markedsføres i Norge, men søknaden gjelder ordningen «Uten norsk markedsføringstillatelse»\.$/,
    );
    expect(
      await director.getByText(warning.reader(msg.schemes.offLabel), { exact: true }).count(),
    ).toBe(1);
    // Not the applicant's advice: the committee cannot change the scheme.
    expect(await director.getByText(/kan du sende inn som vanlig/).count()).toBe(0);
    // The facts, as sent, in the application's drug section.
    const asSent = director
      .getByRole('region', { name: drugSection, exact: true })
      .getByRole('region', { name: msg.fest.snapshot.title });
    await asSent
      .getByRole('heading', { level: 5, name: msg.fest.facts.title(CERTICAN.label) })
      .waitFor();
    expect(await asSent.getByText(msg.fest.snapshot.unchanged).count()).toBe(1);
    expect(await asSent.getByText('Markedsført', { exact: true }).count()).toBe(1);
    expect(await asSent.getByText('L04AA18 Everolimus', { exact: true }).count()).toBe(1);
    await expectAccessible(director);
    await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());
    await director.context().close();
  });

  it('shows the facts without a warning when the scheme fits FEST', async () => {
    const director = await e2e.signIn('Per Vik');
    await director.goto(`${e2e.app.url}/saker/${ids.fitting}/vurdering`);
    const asSent = director
      .getByRole('region', { name: drugSection, exact: true })
      .getByRole('region', { name: msg.fest.snapshot.title });
    await asSent
      .getByRole('heading', { level: 5, name: msg.fest.facts.title(CERTICAN.label) })
      .waitFor();
    expect(await director.getByRole('heading', { name: warning.title }).count()).toBe(0);
    await expectAccessible(director);
    await director.context().close();
  });
});
