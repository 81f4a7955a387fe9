import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KeepTogether } from './KeepTogether';

describe('KeepTogether keeps the løpenummer on one line', () => {
  it.each([
    {
      text: 'Sak HBE-2026-00001',
      part: 'HBE-2026-00001',
      html: 'Sak <span class="sp-nowrap">HBE-2026-00001</span>',
    },
    {
      text: 'Vurdering av sak OUS-2026-00012 (utkast)',
      part: 'OUS-2026-00012',
      html: 'Vurdering av sak <span class="sp-nowrap">OUS-2026-00012</span> (utkast)',
    },
    { text: 'Søknadsutkast', part: null, html: 'Søknadsutkast' },
    { text: 'Sak utkast', part: 'HBE-2026-00001', html: 'Sak utkast' },
    { text: 'Sak <b>', part: '<b>', html: 'Sak <span class="sp-nowrap">&lt;b&gt;</span>' },
  ])('$text', ({ text, part, html }) => {
    expect(renderToStaticMarkup(createElement(KeepTogether, { text, part }))).toBe(html);
  });
});
