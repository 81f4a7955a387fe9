import { describe, expect, it } from 'vitest';
import {
  GUIDANCE_LIMITS,
  GUIDANCE_PLACE_SLUGS,
  GUIDANCE_PLACES,
  hasGuidance,
  paragraphs,
  parseGuidance,
  placeFromSlug,
  type GuidanceFormValues,
} from './guidance';

const valid: GuidanceFormValues = {
  text: 'Ring sykehusapoteket før du søker.\n\nLegg ved siste epikrise.',
  linkTitles: ['Sykehusapoteket', ''],
  linkUrls: ['https://helse-bergen.no/apotek', ''],
};

describe('parseGuidance', () => {
  it('accepts text and links, trims them and skips empty link rows', () => {
    expect(
      parseGuidance({
        text: '  Første avsnitt.\r\n\r\nAndre avsnitt.  ',
        linkTitles: ['', ' Rutiner ', ''],
        linkUrls: ['', ' https://intranett.helse-bergen.no/rutiner?x=1#a ', ''],
      }),
    ).toEqual({
      ok: true,
      guidance: {
        text: 'Første avsnitt.\n\nAndre avsnitt.',
        links: [{ title: 'Rutiner', url: 'https://intranett.helse-bergen.no/rutiner?x=1#a' }],
      },
    });
  });

  it('accepts empty guidance (the place then shows nothing)', () => {
    expect(parseGuidance({ text: '  ', linkTitles: ['', ''], linkUrls: ['', ''] })).toEqual({
      ok: true,
      guidance: { text: '', links: [] },
    });
  });

  it('accepts text of exactly the limit, and as many links as allowed', () => {
    const links = Array.from({ length: GUIDANCE_LIMITS.links }, (_, i) => i);
    expect(
      parseGuidance({
        text: 'x'.repeat(GUIDANCE_LIMITS.text),
        linkTitles: links.map((i) => `Lenke ${i}`),
        linkUrls: links.map((i) => `https://example.no/${i}`),
      }),
    ).toMatchObject({ ok: true });
  });

  it('keeps HTML as plain text (shown literally, never as markup)', () => {
    expect(parseGuidance({ ...valid, text: '<b>Viktig</b>' })).toMatchObject({
      ok: true,
      guidance: { text: '<b>Viktig</b>' },
    });
  });

  it('drops control characters and counts the length after that', () => {
    expect(parseGuidance({ ...valid, text: 'a\u0000b\u0007c' })).toMatchObject({
      ok: true,
      guidance: { text: 'abc' },
    });
  });

  const five = Array.from({ length: GUIDANCE_LIMITS.links + 1 }, (_, i) => i);
  it.each<[string, Partial<GuidanceFormValues>, Record<string, string>]>([
    ['too long text', { text: 'x'.repeat(GUIDANCE_LIMITS.text + 1) }, { text: 'textTooLong' }],
    [
      'too many links',
      {
        linkTitles: five.map((i) => `Lenke ${i}`),
        linkUrls: five.map((i) => `https://example.no/${i}`),
      },
      { links: 'tooManyLinks' },
    ],
    ['an empty title', { linkTitles: ['  '] }, { 'linkTitle.0': 'linkTitleRequired' }],
    [
      'a too long title',
      { linkTitles: ['x'.repeat(GUIDANCE_LIMITS.linkTitle + 1)] },
      { 'linkTitle.0': 'linkTitleTooLong' },
    ],
    ['a missing address', { linkUrls: [''] }, { 'linkUrl.0': 'linkUrlRequired' }],
    [
      'an http:// address',
      { linkUrls: ['http://helse-bergen.no'] },
      { 'linkUrl.0': 'linkUrlNotHttps' },
    ],
    ['no address at all', { linkUrls: ['sykehusapoteket'] }, { 'linkUrl.0': 'linkUrlInvalid' }],
    [
      'a javascript: address',
      { linkUrls: ['javascript:alert(1)'] },
      { 'linkUrl.0': 'linkUrlInvalid' },
    ],
    [
      'a host without a dot',
      { linkUrls: ['https://intranett/'] },
      { 'linkUrl.0': 'linkUrlInvalid' },
    ],
    [
      'a password in the address',
      { linkUrls: ['https://a:b@example.no/'] },
      { 'linkUrl.0': 'linkUrlInvalid' },
    ],
    [
      'a space in the address',
      { linkUrls: ['https://example.no/a b'] },
      { 'linkUrl.0': 'linkUrlInvalid' },
    ],
    [
      'a too long address',
      { linkUrls: [`https://example.no/${'x'.repeat(GUIDANCE_LIMITS.linkUrl)}`] },
      { 'linkUrl.0': 'linkUrlTooLong' },
    ],
    [
      'an error in the second row, named by its row',
      { linkTitles: ['', 'Rutiner'], linkUrls: ['', 'ftp://example.no'] },
      { 'linkUrl.1': 'linkUrlInvalid' },
    ],
    [
      'several errors at once',
      { text: 'x'.repeat(GUIDANCE_LIMITS.text + 1), linkTitles: [''], linkUrls: ['http://a.no'] },
      { text: 'textTooLong', 'linkTitle.0': 'linkTitleRequired', 'linkUrl.0': 'linkUrlNotHttps' },
    ],
  ])('refuses %s', (_, change, errors) => {
    expect(parseGuidance({ ...valid, ...change })).toEqual({ ok: false, errors });
  });
});

describe('places', () => {
  it('has a distinct URL segment per place, and finds the place from it', () => {
    for (const place of GUIDANCE_PLACES) {
      expect(placeFromSlug(GUIDANCE_PLACE_SLUGS[place])).toBe(place);
    }
    expect(new Set(Object.values(GUIDANCE_PLACE_SLUGS)).size).toBe(GUIDANCE_PLACES.length);
    expect(placeFromSlug('application')).toBeNull();
  });
});

describe('paragraphs and hasGuidance', () => {
  it('splits at blank lines and keeps single line breaks as lines', () => {
    expect(paragraphs('Første linje\nandre linje\n\n \n  Nytt avsnitt  \n\n\n')).toEqual([
      ['Første linje', 'andre linje'],
      ['Nytt avsnitt'],
    ]);
  });

  it.each([
    [null, false],
    [{ text: '', links: [] }, false],
    [{ text: '  ', links: [] }, false],
    [{ text: 'Tekst', links: [] }, true],
    [{ text: '', links: [{ title: 'A', url: 'https://a.no' }] }, true],
  ])('%j has guidance: %s', (guidance, expected) => {
    expect(hasGuidance(guidance)).toBe(expected);
  });
});
