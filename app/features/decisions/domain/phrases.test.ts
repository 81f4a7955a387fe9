import { describe, expect, it } from 'vitest';
import { parsePhrase, withCaseNumber } from './phrases';

const valid = {
  kind: 'condition',
  title: 'Evaluering',
  text: 'Evalueres etter 3 måneder',
  sortOrder: '10',
};

describe('parsePhrase', () => {
  it('accepts a phrase and trims it', () => {
    expect(parsePhrase({ ...valid, title: '  Evaluering ', sortOrder: ' 10 ' })).toEqual({
      ok: true,
      phrase: {
        kind: 'condition',
        title: 'Evaluering',
        text: 'Evalueres etter 3 måneder',
        sortOrder: 10,
      },
    });
  });

  it('takes an empty sort order as 0', () => {
    expect(parsePhrase({ ...valid, sortOrder: '' })).toMatchObject({
      ok: true,
      phrase: { sortOrder: 0 },
    });
  });

  it('allows {løpenummer} in a reseptmerknad', () => {
    expect(
      parsePhrase({ ...valid, kind: 'prescriptionNote', text: 'Jf. vedtak {løpenummer}.' }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    [{ kind: '' }, { kind: 'kindRequired' }],
    [{ kind: 'letter' }, { kind: 'kindRequired' }],
    [{ title: '   ' }, { title: 'titleRequired' }],
    [{ title: 'x'.repeat(121) }, { title: 'titleTooLong' }],
    [{ text: '' }, { text: 'textRequired' }],
    [{ text: 'x'.repeat(2001) }, { text: 'textTooLong' }],
    [{ sortOrder: 'først' }, { sortOrder: 'sortOrderInvalid' }],
    [{ sortOrder: '-1' }, { sortOrder: 'sortOrderInvalid' }],
    [{ sortOrder: '10000' }, { sortOrder: 'sortOrderInvalid' }],
    [{ text: 'Se {løpenummer}' }, { text: 'placeholderOnlyInNote' }],
    [
      { kind: '', title: '', text: '' },
      { kind: 'kindRequired', title: 'titleRequired', text: 'textRequired' },
    ],
  ] as [Partial<typeof valid>, Record<string, string>][])('refuses %j', (change, errors) => {
    expect(parsePhrase({ ...valid, ...change })).toEqual({ ok: false, errors });
  });
});

describe('withCaseNumber', () => {
  it('fills in every placeholder', () => {
    expect(withCaseNumber('{løpenummer} og {løpenummer}', 'HBE-2026-00001')).toBe(
      'HBE-2026-00001 og HBE-2026-00001',
    );
  });
});
