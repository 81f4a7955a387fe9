import { describe, expect, it } from 'vitest';
import { checkPatientId, decisionSchema, fieldErrors, normalisePatientId } from './application';

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

  it('removes spaces and dots people type', () => {
    expect(normalisePatientId('158385 100.75')).toBe(VALID_TNR);
  });
});

describe('decisionSchema', () => {
  it.each([
    [{ outcome: 'approved', reason: 'Godt begrunnet', conditions: '' }, {}],
    [{ outcome: 'rejected', reason: '', conditions: '' }, { reason: 'reasonRequired' }],
    [{ outcome: 'maybe', reason: 'x', conditions: '' }, { outcome: 'outcomeRequired' }],
    [
      { outcome: 'approvedWithConditions', reason: 'x', conditions: '  ' },
      { conditions: 'conditionsRequired' },
    ],
  ])('%j → %j', (input, errors) => {
    const result = decisionSchema.safeParse(input);
    expect(result.success ? {} : fieldErrors(result.error)).toEqual(errors);
  });
});
