import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Guidance } from '../../assessment/ui/Guidance';
import { RegulationGuide } from '../../decisions/ui/RegulationGuide';

const escaped = (text: string) => text.replace(/[.?()]/g, '\\$&');
const link = (url: string, text: string) =>
  new RegExp(`<a[^>]*href="${escaped(url)}"[^>]*>${escaped(text)}</a>`);

const FRAMEWORK =
  'https://nyemetoder.no/om-systemet/rammeverk-for-legemiddelbehandling-utenfor-godkjent-indikasjon-i-spesialisthelsetjenesten';
const GUIDE = 'https://www.helsedirektoratet.no/veiledere/utprovende-behandling';

describe('the national sources the seed documents cite', () => {
  it.each([
    [
      'the decision guide',
      renderToStaticMarkup(createElement(RegulationGuide, { headingId: 'g', local: null })),
      'Rammeverk for legemiddelbehandling utenfor godkjent indikasjon i spesialisthelsetjenesten',
      'Utprøvende behandling',
    ],
    [
      'the endorsement and assessment guidance',
      renderToStaticMarkup(
        createElement(Guidance, { local: null, localId: 'l', localHeadingLevel: 4 }),
      ),
      'Rammeverk for legemiddelbehandling utenfor godkjent indikasjon i spesialisthelsetjenesten (Nye Metoder)',
      'Utprøvende behandling (veileder fra Helsedirektoratet)',
    ],
  ])('are linked from %s', (_where, html, framework, guide) => {
    expect(html).toMatch(link(FRAMEWORK, framework));
    expect(html).toMatch(link(GUIDE, guide));
  });
});
