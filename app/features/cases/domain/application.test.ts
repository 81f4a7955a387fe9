import { describe, expect, it } from 'vitest';
import {
  checkPatientId,
  decisionSchema,
  fieldErrors,
  isIsoDate,
  normalisePatientId,
} from './application';

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

  it('removes spaces and dots people type', () => {
    expect(normalisePatientId('158385 100.75')).toBe(VALID_TNR);
  });
});

describe('decisionSchema', () => {
  const TODAY = '2026-12-01';
  const base = {
    outcome: 'approved',
    reason: 'Godt begrunnet',
    conditions: '',
    evaluationDate: '',
    prescriptionNote: '',
    invoicing: '',
  };
  it.each([
    [{}, {}],
    [{ evaluationDate: '2027-03-01', prescriptionNote: 'Merknad', invoicing: 'Via apoteket' }, {}],
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
    [{ evaluationDate: '01.03.2027' }, { evaluationDate: 'evaluationDateInvalid' }],
    [
      { outcome: 'rejected', evaluationDate: '2027-03-01' },
      { evaluationDate: 'evaluationDateNotAllowed' },
    ],
    [
      { outcome: 'rejected', prescriptionNote: 'Merknad', invoicing: 'Faktura' },
      { prescriptionNote: 'onlyWhenApproved', invoicing: 'onlyWhenApproved' },
    ],
    [{ reason: 'x'.repeat(10_001) }, { reason: 'tooLong' }],
  ] as [Partial<typeof base>, Record<string, string>][])('%j → %j', (change, errors) => {
    const result = decisionSchema(TODAY).safeParse({ ...base, ...change });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual(errors);
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
