import { describe, expect, it } from 'vitest';
import {
  checkPatientId,
  decisionSchema,
  draftSchema,
  fieldErrors,
  normalisePatientId,
  submissionSchema,
} from './application';

// Synthetic Test-Norge numbers (month + 80): valid check digits, never a real person.
const VALID_TNR = '15838510075';

const complete = {
  scheme: 'offLabel',
  patientScope: 'single',
  patientId: VALID_TNR,
  drug: 'Rituximab 500 mg',
  indication: 'Membranøs nefropati',
  justification: 'Standardbehandling har ikke gitt effekt.',
};

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

describe('submissionSchema', () => {
  it('accepts a complete single-patient application', () => {
    expect(submissionSchema.safeParse(complete).success).toBe(true);
  });

  it.each([
    [{ patientId: '' }, { patientId: 'patientIdRequired' }],
    [{ patientId: '15838510076' }, { patientId: 'patientIdInvalid' }],
    [{ patientScope: 'group' }, { patientId: 'patientIdNotForGroup' }],
    [{ drug: '   ' }, { drug: 'drugRequired' }],
    [{ indication: '' }, { indication: 'indicationRequired' }],
    [{ justification: '' }, { justification: 'justificationRequired' }],
    [{ scheme: 'other' }, { scheme: 'schemeRequired' }],
    [{ patientScope: '' }, { patientScope: 'patientScopeRequired' }],
    [{ drug: 'x'.repeat(201) }, { drug: 'tooLong' }],
  ])('%j → %j', (change, errors) => {
    const result = submissionSchema.safeParse({ ...complete, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)).toEqual(errors);
  });

  it('accepts a group application without a patient', () => {
    expect(
      submissionSchema.safeParse({ ...complete, patientScope: 'group', patientId: '' }).success,
    ).toBe(true);
  });
});

describe('draftSchema', () => {
  it('keeps an incomplete draft, with an invalid patient id as typed', () => {
    const result = draftSchema.safeParse({
      ...complete,
      patientId: '123',
      drug: '',
      justification: '',
    });
    expect(result.success && result.data.patientId).toBe('123');
  });

  it('still bounds lengths and the scheme', () => {
    const result = draftSchema.safeParse({
      ...complete,
      scheme: '',
      justification: 'x'.repeat(10_001),
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({
        scheme: 'schemeRequired',
        justification: 'tooLong',
      });
    }
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
