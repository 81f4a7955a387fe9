import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { msg } from '../app/i18n';
import { endorseInBrowser, submitOverHttp } from './application';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

const FORWARD = 'Send til interregionalt fagdirektørmøte';
const ASSESSMENT =
  'Klinisk eksepsjonell: ingen andre alternativer. Prioriteringskriteriene er oppfylt.';

describe.each(TEST_DATABASES)('Tilgangsordningen in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  it('the director forwards to the interregional committee, then records its decision', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url, {
      scheme: 'tilgangsordningen',
      clinicalExceptionality: 'Ung pasient, ikke representert i studiene.',
    })}`;
    await doctor.context().close();
    const leader = await e2e.signIn('Kari Nordtveit');
    await leader.goto(caseUrl);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
    await expect.poll(() => leader.getByText(msg.confirmations.endorse).count()).toBe(1);
    await leader.context().close();

    // No direct decision: the forward action, with its explanation and required assessment.
    const director = await e2e.signIn('Per Vik');
    await director.goto(caseUrl);
    expect(await director.getByRole('form', { name: 'Fatt beslutning' }).count()).toBe(0);
    let form = director.getByRole('form', { name: FORWARD });
    await form.getByText(msg.eventHelp.forwardToInterregional).waitFor();
    await expectAccessible(director);
    await form.getByRole('button', { name: FORWARD }).click();
    await director.getByText('Fyll inn en begrunnelse.').first().waitFor();
    await expectAccessible(director);
    form = director.getByRole('form', { name: FORWARD });
    await form.getByLabel(/Fagdirektørens vurdering/).fill(ASSESSMENT);
    await form.getByRole('button', { name: FORWARD }).click();
    await expect
      .poll(() => director.getByText(msg.confirmations.forwardToInterregional).count())
      .toBe(1);
    await expect
      .poll(() => director.getByText('Til interregionalt fagdirektørmøte').count())
      .toBeGreaterThan(0);
    await expect.poll(() => director.getByRole('cell', { name: ASSESSMENT }).count()).toBe(1);
    await director.getByText(msg.decisionModule.committeeRecords).waitFor();
    await expectAccessible(director);
    await expectAccessibleWithoutJs(e2e.browser, director.context(), caseUrl);

    // The committee's decision, recorded by the director, says whose it is.
    const decide = director.getByRole('form', { name: 'Fatt beslutning' });
    await decide.getByLabel('Innvilget', { exact: true }).check();
    await decide.getByLabel(/Begrunnelse/).fill('Møtet innvilget søknaden.');
    await decide.getByLabel('Evalueringsdato', { exact: true }).fill('2099-06-30');
    await decide.getByRole('button', { name: 'Fatt beslutning' }).click();
    await expect.poll(() => director.getByText(msg.confirmations.decide).count()).toBe(1);
    await director.getByRole('heading', { name: 'Beslutning: Innvilget' }).waitFor();
    await expect
      .poll(() =>
        director.locator('dd', { hasText: msg.decisionModule.interregionalCommittee }).count(),
      )
      .toBe(1);
    await expectAccessible(director);
    await director.context().close();
  });
});
