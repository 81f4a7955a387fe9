import { ICD10, ICPC2 } from '@navikt/diagnosekoder';
import { describe, expect, it } from 'vitest';
import {
  codeKey,
  diagnosisSchema,
  displayCode,
  parseDiagnosis,
  parseDiagnosisList,
  toCompact,
} from './diagnosis';
import { diagnosisShape } from './diagnosis-shape';
import { buildDiagnosisIndex } from './search';

// The real code lists from @navikt/diagnosekoder.
const { find } = buildDiagnosisIndex({ ICD10, ICPC2 });

const BREAST_CANCER = {
  system: 'ICD10',
  code: 'C50.9',
  text: 'Ondartet svulst i bryst, uspesifisert',
} as const;
const BREAST_CANCER_ICPC = {
  system: 'ICPC2',
  code: 'X76',
  text: 'Ondartet svulst bryst (K)',
} as const;
const TUBERCULOSIS_ICPC = { system: 'ICPC2', code: 'A70', text: 'Tuberkulose' } as const;
const PSITTACOSIS = { system: 'ICD10', code: 'A70', text: 'Chlamydia psittaci-infeksjon' } as const;

describe('codes', () => {
  it.each([
    ['ICD10', 'C509', 'C50.9'],
    ['ICD10', 'C50.9', 'C50.9'],
    ['ICD10', 'I210a', 'I21.0a'],
    ['ICD10', 'B1800', 'B18.00'],
    ['ICD10', 'A33', 'A33'],
    ['ICPC2', 'X76', 'X76'],
    ['ICPC2', 'R991', 'R991'],
  ] as const)('%s %s is written %s', (system, code, written) => {
    expect(displayCode(system, code)).toBe(written);
  });

  it.each([
    ['c50.9', 'C509'],
    [' C50 .9 ', 'C509'],
    ['i21.0a', 'I210A'],
  ])('%j has the key %s', (code, key) => {
    expect(codeKey(code)).toBe(key);
  });

  it('has a compact form', () => {
    expect(toCompact(BREAST_CANCER)).toBe('ICD10:C50.9');
    expect(toCompact(BREAST_CANCER_ICPC)).toBe('ICPC2:X76');
  });
});

describe('parseDiagnosis', () => {
  it.each([
    ['ICD10:C50.9', BREAST_CANCER],
    ['icd10:c509', BREAST_CANCER],
    ['ICD-10 C50.9', BREAST_CANCER],
    ['C50.9', BREAST_CANCER],
    ['  c509 ', BREAST_CANCER],
    ['ICPC2:X76', BREAST_CANCER_ICPC],
    ['ICPC-2: x76', BREAST_CANCER_ICPC],
    ['X76', BREAST_CANCER_ICPC], // not an ICD-10 code, so ICPC-2
    ['A70', PSITTACOSIS], // in both: ICD-10 first
    ['ICPC2:A70', TUBERCULOSIS_ICPC],
  ])('%j → %j', (value, expected) => {
    expect(parseDiagnosis(value, find)).toEqual(expected);
  });

  it.each(['', 'C50', 'ICPC2:C50.9', 'ICD10:X76', 'ICD11:C50.9', 'brystkreft', 'C50.9x'])(
    '%j is unknown',
    (value) => {
      expect(parseDiagnosis(value, find)).toBeUndefined();
    },
  );

  it('round-trips the compact form of every code', () => {
    const all = [
      ...ICD10.map((r) => find('ICD10', r.code)),
      ...ICPC2.map((r) => find('ICPC2', r.code)),
    ];
    for (const diagnosis of all) {
      expect(diagnosis && parseDiagnosis(toCompact(diagnosis), find)).toEqual(diagnosis);
    }
  });
});

describe('diagnosisShape', () => {
  it.each([
    [BREAST_CANCER, true],
    [BREAST_CANCER_ICPC, true],
    [{ ...BREAST_CANCER, system: 'ICD11' }, false],
    [{ system: 'ICD10', code: 'C50.9' }, false],
  ])('%j → %s', (value, valid) => {
    expect(diagnosisShape.safeParse(value).success).toBe(valid);
  });
});

describe('diagnosisSchema', () => {
  it('takes the text from the code list, not from the client', () => {
    expect(diagnosisSchema(find).parse('ICD10:C50.9')).toEqual(BREAST_CANCER);
  });

  it('rejects an unknown code with diagnosisUnknown', () => {
    const result = diagnosisSchema(find).safeParse('ICD10:C50.7');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['diagnosisUnknown']);
  });
});

describe('parseDiagnosisList', () => {
  it.each([
    // the picker: one compact value per diagnosis
    [['ICD10:C50.9', 'ICPC2:X76'], [BREAST_CANCER, BREAST_CANCER_ICPC], []],
    // without JavaScript: one text, separated by commas, semicolons or line breaks
    [['C50.9, ICPC2:X76'], [BREAST_CANCER, BREAST_CANCER_ICPC], []],
    [['c509;x76\nICPC2:A70'], [BREAST_CANCER, BREAST_CANCER_ICPC, TUBERCULOSIS_ICPC], []],
    // blanks ignored, duplicates removed (first position kept)
    [['ICPC2:X76, , c509', 'ICD10:C50.9', ''], [BREAST_CANCER_ICPC, BREAST_CANCER], []],
    [[], [], []],
    [['  '], [], []],
    // unknown entries are returned as typed, the known ones kept
    [['ICD10:C50.9', 'ICD10:C99.9'], [BREAST_CANCER], ['ICD10:C99.9']],
    [['c509, brystkreft ; ICPC2:C50.9'], [BREAST_CANCER], ['brystkreft', 'ICPC2:C50.9']],
  ])('%j → %j, unknown %j', (values, diagnoses, unknown) => {
    expect(parseDiagnosisList(values, find)).toEqual({ diagnoses, unknown });
  });
});
