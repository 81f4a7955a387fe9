import { describe, expect, it } from 'vitest';
import { atcGroup, diagnosisCategory, matchLevel, rankPrecedents } from './matching';

const target = { atc: 'L01FA01', substance: 'Rituksimab', diagnosis: 'ICD10:N04.2' };
const at = (day: number) => new Date(Date.UTC(2025, 0, day));

describe('precedent matching', () => {
  it.each([
    ['exact ATC, exact code', 'L01FA01', 'x', 'ICD10:N04.2', { drug: 0, indication: 0 }],
    [
      'same substance, other ATC',
      'L01XX99',
      'rituksimab',
      'ICD10:N04.2',
      { drug: 0, indication: 0 },
    ],
    ['ATC group, category', 'L01FA05', 'Obinutuzumab', 'ICD10:N04.9', { drug: 1, indication: 1 }],
    ['other ATC group', 'L01FF02', 'Pembrolizumab', 'ICD10:N04.2', null],
    ['other category', 'L01FA01', 'Rituksimab', 'ICD10:N05.2', null],
    ['no indication', 'L01FA01', 'Rituksimab', null, null],
  ] as const)('%s', (_, atcCode, substance, primaryDiagnosis, expected) => {
    expect(matchLevel(target, { atcCode, substance, primaryDiagnosis, decidedAt: at(1) })).toEqual(
      expected,
    );
  });

  it('derives the ATC level-4 group and the ICD-10 category', () => {
    expect(atcGroup('L01FA01')).toBe('L01FA');
    expect(atcGroup('L01')).toBeNull();
    expect(diagnosisCategory('ICD10:C50.9')).toBe('ICD10:C50');
    expect(diagnosisCategory('ICD10:G35')).toBe('ICD10:G35');
  });

  it('ranks exact drug before the group, exact indication before the category, then newest', () => {
    const c = (id: string, atcCode: string, primaryDiagnosis: string, day: number) => ({
      id,
      atcCode,
      substance: null,
      primaryDiagnosis,
      decidedAt: at(day),
    });
    const ranked = rankPrecedents(target, [
      c('group-exact-new', 'L01FA05', 'ICD10:N04.2', 30),
      c('exact-category', 'L01FA01', 'ICD10:N04.9', 20),
      c('exact-exact-old', 'L01FA01', 'ICD10:N04.2', 1),
      c('exact-exact-new', 'L01FA01', 'ICD10:N04.2', 10),
      c('none', 'A01AA01', 'ICD10:N04.2', 40),
    ]);
    expect(ranked.map((r) => r.id)).toEqual([
      'exact-exact-new',
      'exact-exact-old',
      'exact-category',
      'group-exact-new',
    ]);
  });
});
