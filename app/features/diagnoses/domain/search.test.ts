import { ICD10, ICPC2 } from '@navikt/diagnosekoder';
import { describe, expect, it } from 'vitest';
import { toCompact } from './diagnosis';
import { buildDiagnosisIndex, normalise, words } from './search';

// The real code lists from @navikt/diagnosekoder.
const index = buildDiagnosisIndex({ ICD10, ICPC2 });
const search = (query: string, limit = 20) => index.search(query, limit).map(toCompact);

describe('normalise', () => {
  it.each([
    ['Ondartet SVULST', 'ondartet svulst'],
    ['Øre, ÆRE og Åre', 'øre, ære og åre'],
    ['Ménières sykdom', 'menieres sykdom'],
    ['Sjögrens syndrom', 'sjøgrens syndrom'],
    ['Guillain-Barrés', 'guillain-barres'],
    ['Reumatoid, pneumoni', 'revmatoid, pnevmoni'],
  ])('%s → %s', (value, expected) => {
    expect(normalise(value)).toBe(expected);
  });

  it('splits words on everything but letters and digits', () => {
    expect(words(normalise('Tbc. i uspes. å.dr.org.; Covid-19'))).toEqual([
      'tbc',
      'i',
      'uspes',
      'å',
      'dr',
      'org',
      'covid',
      '19',
    ]);
  });
});

describe('search: codes', () => {
  it.each([
    ['c509', 'ICD10:C50.9'],
    ['C50.9', 'ICD10:C50.9'],
    ['C509', 'ICD10:C50.9'],
    [' c50.9 ', 'ICD10:C50.9'],
    ['i21.0a', 'ICD10:I21.0a'],
    ['I210A', 'ICD10:I21.0a'],
    ['x76', 'ICPC2:X76'],
    ['T90', 'ICPC2:T90'],
  ])('%s finds %s first', (query, expected) => {
    expect(search(query)[0]).toBe(expected);
  });

  it('lists codes starting with the query in code order', () => {
    expect(search('c50')).toEqual([
      'ICD10:C50.0',
      'ICD10:C50.1',
      'ICD10:C50.2',
      'ICD10:C50.3',
      'ICD10:C50.4',
      'ICD10:C50.5',
      'ICD10:C50.6',
      'ICD10:C50.8',
      'ICD10:C50.9',
    ]);
  });

  it('puts the exact code (ICPC-2 K86) before longer codes with the same start (ICD-10 K86.x)', () => {
    expect(search('K86', 3)).toEqual(['ICPC2:K86', 'ICD10:K86.0', 'ICD10:K86.1']);
  });

  it('finds a code that exists in both systems in both, ICD-10 first', () => {
    expect(search('A70', 2)).toEqual(['ICD10:A70', 'ICPC2:A70']);
  });
});

describe('search: words', () => {
  it.each([
    // every query word starts a word of the text; whole words before word starts (brysthinne)
    ['bryst kreft', ['ICPC2:X76', 'ICD10:C50.8', 'ICD10:C50.9']],
    ['Bryst Svulst', ['ICD10:D24', 'ICPC2:X76', 'ICPC2:X79']],
    ['diab type 2', ['ICPC2:T90', 'ICD10:E11.0', 'ICD10:E11.9']],
    ['hodepine', ['ICD10:R51', 'ICPC2:N01', 'ICPC2:N90']],
    // a compound of two word starts, after the text that has the compound itself
    ['brystkreft', ['ICPC2:X26', 'ICPC2:X76', 'ICD10:C50.8', 'ICD10:C50.9']],
    ['lungekreft', ['ICD10:C78.0', 'ICD10:C78.00', 'ICPC2:R84', 'ICD10:C34.1']],
    // Norwegian letters, diacritics, spelling variants
    ['årebetennelse', ['ICPC2:K94']],
    ['ÅREBETENNELSE', ['ICPC2:K94']],
    ['meniere', ['ICD10:H81.0']],
    ['Ménière', ['ICD10:H81.0']],
    ['sjøgren', ['ICD10:M35.0']],
    ['revmatoid artritt', ['ICD10:M08.0', 'ICD10:M06.0', 'ICD10:M06.9', 'ICPC2:L88']],
    // contained anywhere, when no word starts with it
    ['lunge tuberkulose', ['ICD10:A15.2', 'ICD10:A15.1', 'ICD10:A15.3', 'ICD10:A16.0']],
  ])('%s → %j first', (query, expected) => {
    expect(search(query).slice(0, expected.length)).toEqual(expected);
  });

  it('finds «kreft» in ICD-10 chapter C and ICPC-2 «ondartet», which never say «kreft»', () => {
    const found = index.search('kreft', 5000);
    const startsAWord = (text: string, start: string) =>
      words(normalise(text)).some((w) => w.startsWith(start));
    const byWordStart = (d: (typeof found)[number]) =>
      d.system === 'ICD10'
        ? d.code.startsWith('C') || startsAWord(d.text, 'kreft')
        : startsAWord(d.text, 'ondart') || startsAWord(d.text, 'kreft');
    // Word starts first, then texts that merely contain it (bekreftet, brystkreft).
    const first = found.findIndex((d) => !byWordStart(d));
    expect(first).toBeGreaterThan(400);
    expect(found.slice(0, first)).toContainEqual(index.find('ICPC2', 'X76'));
    expect(found.slice(0, first)).toContainEqual(index.find('ICD10', 'C50.9'));
    expect(found.slice(first).every((d) => !byWordStart(d) && /kreft/i.test(d.text))).toBe(true);
    expect(found.slice(first)).toContainEqual(index.find('ICPC2', 'X26'));
  });

  it('keeps æ, ø and å apart from a, o and e', () => {
    expect(search('årebetennelse')).toContain('ICPC2:K94');
    expect(search('arebetennelse')).not.toContain('ICPC2:K94');
    expect(search('øresus')).toContain('ICPC2:H03');
    expect(search('oresus')).not.toContain('ICPC2:H03');
  });

  it('labels every result with its system and writes ICD-10 codes with the dot', () => {
    const found = index.search('diabetes', 50);
    expect(new Set(found.map((d) => d.system))).toEqual(new Set(['ICD10', 'ICPC2']));
    expect(found).toContainEqual({
      system: 'ICD10',
      code: 'E11.9',
      text: 'Diabetes mellitus type 2 uten kompl',
    });
    expect(found).toContainEqual({ system: 'ICPC2', code: 'T90', text: 'Diabetes type 2' });
  });
});

describe('search: limits', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['.,;', 0],
    ['xyzzy', 0],
    ['a', 7],
    ['svulst', 20],
  ])('%j with limit 7 or 20 → %d results', (query, count) => {
    expect(index.search(query, count === 7 ? 7 : 20)).toHaveLength(count);
  });

  it('returns nothing for a limit of 0', () => {
    expect(index.search('c50', 0)).toEqual([]);
  });

  it('returns the same results when searched twice (scratch state is reset)', () => {
    expect(search('bryst kreft')).toEqual(search('bryst kreft'));
  });
});

describe('find', () => {
  it.each([
    ['ICD10', 'C50.9', 'Ondartet svulst i bryst, uspesifisert'],
    ['ICD10', 'c509', 'Ondartet svulst i bryst, uspesifisert'],
    ['ICPC2', 'X76', 'Ondartet svulst bryst (K)'],
    ['ICPC2', 'A70', 'Tuberkulose'],
    ['ICD10', 'A70', 'Chlamydia psittaci-infeksjon'],
  ] as const)('%s %s → %s', (system, code, text) => {
    expect(index.find(system, code)?.text).toBe(text);
  });

  it.each([
    ['ICPC2', 'C50.9'],
    ['ICD10', 'C50'],
    ['ICD10', ''],
    ['ICD10', 'X76'],
  ] as const)('%s %s → not found', (system, code) => {
    expect(index.find(system, code)).toBeUndefined();
  });

  it('holds both code lists', () => {
    expect(index.size).toBe(ICD10.length + ICPC2.length);
  });
});
