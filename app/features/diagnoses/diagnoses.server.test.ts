import { describe, expect, it } from 'vitest';
import { toCompact } from './domain/diagnosis';
import {
  compactDiagnosis,
  parseDiagnosisField,
  QUERY_MAX_LENGTH,
  SEARCH_LIMIT,
  searchDiagnoses,
} from './diagnoses.server';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('parseDiagnosisField', () => {
  const cases: [[string, string][], string[]][] = [
    // the picker: one hidden input per diagnosis; other fields are not read
    [
      [
        ['diagnoses', 'ICD10:C50.9'],
        ['diagnoses', 'ICPC2:X76'],
        ['other', 'ICD10:A00.0'],
      ],
      ['ICD10:C50.9', 'ICPC2:X76'],
    ],
    // without JavaScript: typed codes, comma-separated
    [[['diagnoses', 'c509, x76']], ['ICD10:C50.9', 'ICPC2:X76']],
    [[['diagnoses', '']], []],
    [[], []],
  ];
  it.each(cases)('%j → %j', (entries, compact) => {
    const result = parseDiagnosisField(form(entries), 'diagnoses');
    expect(result.ok && result.value.map(toCompact)).toEqual(compact);
  });

  it('fails the field with diagnosisUnknown when a code is unknown, keeping what was typed', () => {
    expect(parseDiagnosisField(form([['diagnoses', 'C50.9, c50.7']]), 'diagnoses')).toEqual({
      ok: false,
      error: 'diagnosisUnknown',
      value: [{ system: 'ICD10', code: 'C50.9', text: 'Ondartet svulst i bryst, uspesifisert' }],
      unknown: ['c50.7'],
    });
  });

  it('ignores uploaded files under the name', () => {
    const data = form([['diagnoses', 'ICD10:C50.9']]);
    data.append('diagnoses', new Blob(['ICD10:C99.9']), 'x.txt');
    expect(parseDiagnosisField(data, 'diagnoses')).toEqual({
      ok: true,
      value: [{ system: 'ICD10', code: 'C50.9', text: 'Ondartet svulst i bryst, uspesifisert' }],
    });
  });
});

describe('searchDiagnoses', () => {
  it('limits the results', () => {
    expect(searchDiagnoses('svulst')).toHaveLength(SEARCH_LIMIT);
  });

  it('cuts very long queries', () => {
    expect(searchDiagnoses(`c509${' '.repeat(QUERY_MAX_LENGTH)}xyzzy`)[0]?.code).toBe('C50.9');
  });
});

describe('compactDiagnosis', () => {
  it.each([
    ['C50.9', 'ICD10:C50.9'],
    ['c509', 'ICD10:C50.9'],
    [' ICD10:C50.9 ', 'ICD10:C50.9'],
    ['ICPC-2 T90', 'ICPC2:T90'],
    ['N04.2', 'ICD10:N04.2'],
    ['C99.9', null],
    ['brystkreft', null],
    ['', null],
  ])('%j → %s', (typed, compact) => {
    expect(compactDiagnosis(typed)).toBe(compact);
  });
});
