import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Guidance } from '../../assessment/ui/Guidance';
import { RegulationGuide } from '../../decisions/ui/RegulationGuide';
import type { LocalGuidance as Text } from '../domain/guidance';
import { LocalGuidance } from './LocalGuidance';

const local: Text = {
  text: 'Ring apoteket.\nSpør etter vakthavende.\n\n<b>Ikke</b> fet.',
  links: [{ title: 'Rutiner', url: 'https://helse-bergen.no/rutiner?a=1&b=2' }],
};

const render = (guidance: Text | null) =>
  renderToStaticMarkup(createElement(LocalGuidance, { guidance, id: 'g', headingLevel: 3 }));

describe('LocalGuidance in the server-rendered HTML', () => {
  it('shows paragraphs with their lines, escaped text and ordinary links', () => {
    const html = render(local);
    expect(html).toContain('aria-labelledby="g"');
    expect(html).toMatch(/<h3[^>]*id="g"[^>]*>Veiledning fra helseforetaket<\/h3>/);
    expect(html).toMatch(/<p[^>]*>Ring apoteket\.<br\/>Spør etter vakthavende\.<\/p>/);
    expect(html).toMatch(/<p[^>]*>&lt;b&gt;Ikke&lt;\/b&gt; fet\.<\/p>/);
    expect(html).not.toContain('<b>');
    expect(html).toMatch(
      /<a[^>]*href="https:\/\/helse-bergen.no\/rutiner\?a=1&amp;b=2"[^>]*>Rutiner<\/a>/,
    );
    expect(html).not.toContain('target=');
  });

  it.each([null, { text: '', links: [] }, { text: ' \n\n ', links: [] }])(
    'renders nothing for %j',
    (guidance) => {
      expect(render(guidance)).toBe('');
    },
  );

  it('comes under the national guidance in the endorsement/assessment and decision guides', () => {
    for (const html of [
      renderToStaticMarkup(createElement(Guidance, { local, localId: 'l', localHeadingLevel: 4 })),
      renderToStaticMarkup(createElement(RegulationGuide, { headingId: 'guide', local })),
    ]) {
      const national = html.indexOf('lovdata.no');
      const own = html.indexOf('Veiledning fra helseforetaket');
      expect(national).toBeGreaterThan(-1);
      expect(own).toBeGreaterThan(national);
    }
    const without = renderToStaticMarkup(
      createElement(RegulationGuide, { headingId: 'guide', local: null }),
    );
    expect(without).not.toContain('Veiledning fra helseforetaket');
  });
});
