import { describe, expect, it } from 'vitest';
import {
  checkPatientId,
  controlDigit,
  decisionSchema,
  fieldErrors,
  hasValidControlDigits,
  isIsoDate,
  parseCalendarDate,
  normalisePatientId,
  patientIdKind,
} from './application';

/**
 * An FH-nummer computed here from the algorithm, independently of the code under test: first digit
 * 8 or 9, seven more digits, then K1 = 11 − (Σ w·d mod 11) with weights 3 7 6 1 8 9 4 5 2 and
 * K2 with 5 4 3 2 7 6 5 4 3 2 over the ten digits (11 → 0; 10: no such number). Null when a
 * control digit would be 10.
 */
function fhNumber(first9: string): string | null {
  const mod11 = (digits: number[], weights: number[]) => {
    const rest = digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
    return rest === 0 ? 0 : 11 - rest;
  };
  const digits = Array.from(first9, Number);
  const k1 = mod11(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === 10) return null;
  const k2 = mod11([...digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k2 === 10 ? null : `${first9}${k1}${k2}`;
}

/** Valid FH-numbers from several bodies (both first digits), skipping bodies without one. */
const FH_NUMBERS = ['800000001', '812345678', '876543210', '900000002', '955512340', '999999990']
  .map(fhNumber)
  .filter((n): n is string => n !== null);

/** The same number with its last digit changed: the control digits no longer match. */
const wrongLastDigit = (n: string) => `${n.slice(0, 10)}${(Number(n[10]) + 1) % 10}`;

// Synthetic Test-Norge numbers (month + 80): valid check digits, never a real person.
const VALID_TNR = '15838510075';

describe('checkPatientId', () => {
  it.each([
    [VALID_TNR, null],
    ['02877510029', null],
    ['1583851007', 'patientIdFormat'],
    ['158385100755', 'patientIdFormat'],
    ['1583851007a', 'patientIdFormat'],
    ['15838510076', 'patientIdInvalid'],
    ['12345678901', 'patientIdInvalid'],
  ])('%s → %s', (value, expected) => {
    expect(checkPatientId(value)).toBe(expected);
  });

  // Real-format synthetic numbers of each kind (valid check digits), and near misses.
  it.each([
    ['fødselsnummer (Test-Norge)', '15838510075', null],
    ['fødselsnummer', '01019010046', null],
    ['D-nummer (day + 40)', '41019010110', null],
    ['D-nummer (Test-Norge)', '41819010186', null],
    ['H-nummer (month + 40)', '01419010029', null],
    ['fødselsnummer, wrong check digit', '01019010047', 'patientIdInvalid'],
    ['D-nummer, wrong check digit', '41019010111', 'patientIdInvalid'],
    ['H-nummer, wrong check digit', '01419010028', 'patientIdInvalid'],
    ['an impossible date (31 February)', '31029010059', 'patientIdInvalid'],
    ['ten digits', '4101901011', 'patientIdFormat'],
  ])('%s: %s → %s', (_kind, value, expected) => {
    expect(checkPatientId(value)).toBe(expected);
  });

  it('computes valid FH-numbers for the table below (guards the test helper itself)', () => {
    expect(FH_NUMBERS.length).toBeGreaterThanOrEqual(4);
    expect(FH_NUMBERS.some((n) => n.startsWith('8'))).toBe(true);
    expect(FH_NUMBERS.some((n) => n.startsWith('9'))).toBe(true);
  });

  // FH-nummer (felles hjelpenummer): 11 digits, first 8 or 9, fødselsnummer control digits.
  it.each(FH_NUMBERS.map((n) => [n]))('FH-nummer %s is accepted as fhn', (value) => {
    expect(checkPatientId(value)).toBeNull();
    expect(patientIdKind(value)).toBe('fhn');
    expect(hasValidControlDigits(value)).toBe(true);
  });

  it.each(FH_NUMBERS.flatMap((n) => [[wrongLastDigit(n)], [`${n.slice(0, 9)}${n[10]}${n[9]}`]]))(
    'FH-nummer with wrong control digits %s → patientIdFhInvalid',
    (value) => {
      // Swapping equal control digits changes nothing: only check numbers that really differ.
      if (FH_NUMBERS.includes(value)) return;
      expect(checkPatientId(value)).toBe('patientIdFhInvalid');
      expect(patientIdKind(value)).toBeNull();
    },
  );

  it.each([
    ['first digit 8, ten digits', '8123456789', 'patientIdFormat'],
    ['first digit 9, twelve digits', '912345678901', 'patientIdFormat'],
    // The body 800000000 has the control digits 98, not 00.
    ['all zeros after 8', '80000000000', 'patientIdFhInvalid'],
  ])('%s: %s → %s', (_label, value, expected) => {
    expect(checkPatientId(value)).toBe(expected);
  });

  it.each([
    ['15838510075', 'tnr'],
    ['01019010046', 'fnr'],
    ['41019010110', 'dnr'],
    ['41819010186', 'dnr'],
    ['01419010029', 'hnr'],
    ['01019010047', null],
  ])('patientIdKind(%s) → %s', (value, kind) => {
    expect(patientIdKind(value)).toBe(kind);
  });

  it.each([
    // The worked example of fnrinfo.no: 311299567 → control digits 1 and 5.
    [[3, 1, 1, 2, 9, 9, 5, 6, 7], [3, 7, 6, 1, 8, 9, 4, 5, 2], 1],
    [[3, 1, 1, 2, 9, 9, 5, 6, 7, 1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 5],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], [3, 7, 6, 1, 8, 9, 4, 5, 2], 0],
  ])('controlDigit(%j, %j) → %s', (digits, weights, digit) => {
    expect(controlDigit(digits, weights)).toBe(digit);
  });

  it('removes spaces and dots people type', () => {
    expect(normalisePatientId('158385 100.75')).toBe(VALID_TNR);
  });
});

describe('decisionSchema', () => {
  const TODAY = '2026-12-01';
  const CASE_NUMBER = 'HBE-2026-00042';
  const base = {
    outcome: 'approved',
    reason: 'Godt begrunnet',
    conditions: '',
    evaluationDate: '',
    prescriptionNote: 'Jf. vedtak {løpenummer}.',
    invoicing: 'Via sykehusapoteket.',
  };
  const rejected = { outcome: 'rejected', prescriptionNote: '', invoicing: '' };
  it.each([
    [{}, {}],
    [{ evaluationDate: '2027-03-01' }, {}],
    [{ outcome: 'rejected', reason: '' }, { reason: 'reasonRequired' }],
    [{ outcome: 'maybe' }, { outcome: 'outcomeRequired' }],
    [
      { outcome: 'approvedWithConditions', conditions: '  ', evaluationDate: '2027-03-01' },
      { conditions: 'conditionsRequired' },
    ],
    [
      { outcome: 'approvedWithConditions', conditions: 'Evaluering' },
      { evaluationDate: 'evaluationDateRequired' },
    ],
    [
      { outcome: 'approvedWithConditions', conditions: 'Evaluering', evaluationDate: '2027-01-05' },
      {},
    ],
    [{ conditions: 'Evaluering' }, { conditions: 'conditionsNotAllowed' }],
    [{ outcome: 'rejected', conditions: 'Evaluering' }, { conditions: 'conditionsNotAllowed' }],
    [{ evaluationDate: TODAY }, { evaluationDate: 'evaluationDateNotFuture' }],
    [{ evaluationDate: '2026-11-30' }, { evaluationDate: 'evaluationDateNotFuture' }],
    [{ evaluationDate: '2026-12-02' }, {}],
    [{ evaluationDate: '2027-02-30' }, { evaluationDate: 'evaluationDateInvalid' }],
    // Typed without a date picker: dd.mm.åååå is read too.
    [{ evaluationDate: '01.03.2027' }, {}],
    [{ evaluationDate: '1.3.2027' }, {}],
    [{ evaluationDate: '30.11.2026' }, { evaluationDate: 'evaluationDateNotFuture' }],
    [{ evaluationDate: '30.02.2027' }, { evaluationDate: 'evaluationDateInvalid' }],
    [{ evaluationDate: 'snart' }, { evaluationDate: 'evaluationDateInvalid' }],
    [
      { outcome: 'rejected', evaluationDate: '2027-03-01' },
      { evaluationDate: 'evaluationDateNotAllowed' },
    ],
    [rejected, {}],
    // An approval names the løpenummer on the prescription and says how it is invoiced.
    [
      { prescriptionNote: '', invoicing: '' },
      { prescriptionNote: 'prescriptionNoteRequired', invoicing: 'invoicingRequired' },
    ],
    [
      {
        outcome: 'approvedWithConditions',
        conditions: 'Evaluering',
        evaluationDate: '2027-01-05',
        prescriptionNote: ' ',
        invoicing: '  ',
      },
      { prescriptionNote: 'prescriptionNoteRequired', invoicing: 'invoicingRequired' },
    ],
    [
      { prescriptionNote: 'Sykehusfinansiert.' },
      { prescriptionNote: 'prescriptionNoteCaseNumber' },
    ],
    [
      { prescriptionNote: 'Jf. vedtak HBE-2026-00041.' },
      { prescriptionNote: 'prescriptionNoteCaseNumber' },
    ],
    [
      { prescriptionNote: 'Jf. vedtak {løpenr}.' },
      { prescriptionNote: 'prescriptionNoteCaseNumber' },
    ],
    [{ prescriptionNote: 'Jf. vedtak HBE-2026-00042.' }, {}],
    [{ prescriptionNote: '{løpenummer}' }, {}],
    [{ prescriptionNote: 'x'.repeat(10_001) }, { prescriptionNote: 'tooLong' }],
    [{ reason: 'x'.repeat(10_001) }, { reason: 'tooLong' }],
  ] as [Partial<typeof base>, Record<string, string>][])('%j → %j', (change, errors) => {
    const result = decisionSchema(TODAY, CASE_NUMBER).safeParse({ ...base, ...change });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual(errors);
  });
  it('keeps an evaluation date typed dd.mm.åååå as YYYY-MM-DD', () => {
    const result = decisionSchema(TODAY, CASE_NUMBER).safeParse({
      ...base,
      evaluationDate: ' 1.3.2027 ',
    });
    expect(result.success && result.data.evaluationDate).toBe('2027-03-01');
  });
  it('keeps no reseptmerknad or invoicing routine for a rejection', () => {
    const result = decisionSchema(TODAY, CASE_NUMBER).safeParse({ ...base, outcome: 'rejected' });
    expect(result.success && result.data).toMatchObject({
      outcome: 'rejected',
      prescriptionNote: '',
      invoicing: '',
    });
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2027-03-01', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-3-1', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('parseCalendarDate', () => {
  it.each([
    ['01.02.2025', '2025-02-01'],
    ['1.2.2025', '2025-02-01'],
    ['31.12.2025', '2025-12-31'],
    ['29.02.2024', '2024-02-29'],
    ['2025-02-01', '2025-02-01'],
    [' 01.02.2025 ', '2025-02-01'],
    ['29.02.2025', null],
    ['31.04.2025', null],
    ['32.01.2025', null],
    ['01.13.2025', null],
    ['1.2.25', null],
    ['01-02-2025', null],
    ['01/02/2025', null],
    ['2025-2-1', null],
    ['2025-02-01T00:00:00Z', null],
    ['001.02.2025', null],
    ['', null],
  ])('%s → %s', (value, expected) => {
    expect(parseCalendarDate(value)).toBe(expected);
  });
});
