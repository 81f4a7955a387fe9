import { describe, expect, it } from 'vitest';
import {
  containsPattern,
  matchTier,
  normalise,
  productSearch,
  rankDrugs,
  searchText,
  searchTokens,
  type MatchTier,
  type RankCandidate,
} from './search';

const product = (
  id: string,
  name: string,
  extra: Partial<Omit<RankCandidate, 'id' | 'name'>> = {},
): RankCandidate => ({
  id,
  name,
  brand: null,
  atcCode: null,
  atcName: null,
  substances: [],
  withdrawn: false,
  ...extra,
});

const ABCUR = product('abcur', 'Amitriptylin Abcur tab 50 mg', {
  brand: 'Amitriptylin Abcur',
  atcCode: 'N06AA09',
  atcName: 'Amitriptylin',
  substances: ['Amitriptylin'],
});
const SAROTEX = product('sarotex', 'Sarotex tab 25 mg', {
  brand: 'Sarotex',
  atcCode: 'N06AA09',
  atcName: 'Amitriptylin',
  substances: ['Amitriptylin'],
});
const NORTRIP = product('nortrip', 'Noritren tab 25 mg', {
  brand: 'Noritren',
  atcCode: 'N06AA10',
  atcName: 'Nortriptylin',
  substances: ['Nortriptylin'],
});
const KODIMAGNYL = product('kodimagnyl', 'Kodimagnyl tab', {
  brand: 'Kodimagnyl',
  atcCode: 'N02AJ07',
  atcName: 'Kodein og acetylsalisylsyre',
  substances: ['Kodeinfosfathemihydrat', 'Acetylsalisylsyre', 'Koffein'],
});
const OESTRO = product('oestro', 'Østradiol Orifarm tab 2 mg', { substances: ['Østradiol'] });

describe('normalise and tokens', () => {
  it.each([
    ['  AMITRIPTYLIN   Abcur ', 'amitriptylin abcur'],
    ['ØSTRADIOL', 'østradiol'],
    ['Ｎ０６', 'n06'],
  ])('%j → %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it.each([
    ['a', []],
    ['  ', []],
    ['am', ['am']],
    ['Amitriptylin  25', ['amitriptylin', '25']],
  ])('tokens of %j', (query, expected) => {
    expect(searchTokens(query)).toEqual(expected);
  });

  it('builds the stored search text from every searchable field', () => {
    expect(searchText(KODIMAGNYL)).toBe(
      'kodimagnyl tab kodimagnyl kodeinfosfathemihydrat acetylsalisylsyre koffein kodein og acetylsalisylsyre n02aj07',
    );
  });

  describe('productSearch', () => {
    const strength = (substanceId: string | null, amount: string) => ({
      substanceId,
      amount,
      unit: 'mg',
      perAmount: null,
      perUnit: null,
    });
    const references = {
      strengths: new Map([
        ['S1', strength('V1', '400')],
        ['S2', strength('V2', '30')],
        ['S3', strength('V_UNKNOWN', '5')],
        ['S4', strength(null, '1')],
      ]),
      substances: new Map([
        ['V1', 'Acetylsalisylsyre'],
        ['V2', 'Kodein'],
      ]),
    };
    const input = (strengthIds: string[]) => ({
      name: 'Kodimagnyl tab',
      brand: 'Kodimagnyl',
      atcCode: 'N02AJ07',
      atcName: null,
      strengthIds,
    });
    const resolved = (name: string | null, amount: string) => ({
      name,
      amount,
      unit: 'mg',
      perAmount: null,
      perUnit: null,
    });

    it.each([
      [
        'in the order of its strengths',
        ['S2', 'S1'],
        [resolved('Kodein', '30'), resolved('Acetylsalisylsyre', '400')],
        'kodimagnyl tab kodimagnyl kodein acetylsalisylsyre n02aj07',
      ],
      [
        'leaving out a strength that is not known',
        ['S_UNKNOWN', 'S1'],
        [resolved('Acetylsalisylsyre', '400')],
        'kodimagnyl tab kodimagnyl acetylsalisylsyre n02aj07',
      ],
      [
        'without a name where the substance is not known or not given',
        ['S3', 'S4'],
        [resolved(null, '5'), resolved(null, '1')],
        'kodimagnyl tab kodimagnyl n02aj07',
      ],
      ['with no strengths', [], [], 'kodimagnyl tab kodimagnyl n02aj07'],
    ])('resolves substances %s', (_, strengthIds, substances, text) => {
      expect(productSearch(input(strengthIds), references)).toEqual({
        substances,
        searchText: text,
      });
    });
  });

  it('escapes LIKE wildcards', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe('matchTier', () => {
  it.each<[string, RankCandidate, MatchTier | null]>([
    ['N06AA09', ABCUR, 'atcExact'],
    ['n06aa09', ABCUR, 'atcExact'],
    ['Amitriptylin', ABCUR, 'exact'],
    ['sarotex', SAROTEX, 'exact'],
    ['N06A', ABCUR, 'atcPrefix'],
    ['amitrip', ABCUR, 'namePrefix'],
    ['Sarot', SAROTEX, 'namePrefix'],
    ['amitrip', SAROTEX, 'substancePrefix'],
    ['acetylsal', KODIMAGNYL, 'substancePrefix'],
    ['abcur', ABCUR, 'wordPrefix'],
    ['østra', OESTRO, 'namePrefix'],
    ['ØSTRA', OESTRO, 'namePrefix'],
    ['triptylin', ABCUR, 'contains'],
    ['abcur 50', ABCUR, 'allWords'],
    ['amitriptylin 50', ABCUR, 'allWords'],
    ['amitriptylin 25', ABCUR, null],
    ['AA09', ABCUR, null],
    ['zz', ABCUR, null],
    ['a', ABCUR, null],
  ])('%j in %s → %s', (query, candidate, expected) => {
    expect(matchTier(query, candidate)).toBe(expected);
  });
});

describe('rankDrugs', () => {
  const all = [NORTRIP, KODIMAGNYL, SAROTEX, ABCUR, OESTRO];
  it.each<[string, string[]]>([
    // Name prefix (Abcur) before substance prefix (Sarotex).
    ['amitrip', ['abcur', 'sarotex']],
    // All three only contain it: by name.
    ['triptylin', ['abcur', 'nortrip', 'sarotex']],
    // The exact substance name beats a prefix of the product name.
    ['amitriptylin', ['abcur', 'sarotex']],
    // ATC: exact first, then the prefix matches by name.
    ['N06AA09', ['abcur', 'sarotex']],
    ['N06AA', ['abcur', 'nortrip', 'sarotex']],
    ['tab 25', ['nortrip', 'sarotex']],
    ['kodein', ['kodimagnyl']],
    ['xyz', []],
  ])('%j → %j', (query, expected) => {
    expect(rankDrugs(query, all, 10).map((c) => c.id)).toEqual(expected);
  });

  it('puts withdrawn products last, whatever their match', () => {
    const withdrawnExact = { ...SAROTEX, withdrawn: true };
    expect(
      rankDrugs('sarotex', [withdrawnExact, { ...ABCUR, name: 'Sarotex Retard' }], 10).map(
        (c) => c.withdrawn,
      ),
    ).toEqual([false, true]);
  });

  it('respects the limit', () => {
    expect(rankDrugs('tab', all, 2)).toHaveLength(2);
    expect(rankDrugs('tab', all, 0)).toEqual([]);
  });
});
