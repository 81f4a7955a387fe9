import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../cases/domain/application';
import { ratingsInput, ratingsSchema, verdictNeedsRatings } from './criteria';

const valid = {
  'severity.level': '4',
  'severity.text': 'Alvorlig',
  'benefit.level': '1',
  'benefit.text': 'Liten',
  'resourceUse.level': '2',
  'resourceUse.text': 'Moderat',
};

describe('ratingsSchema', () => {
  it('turns form values into typed levels and trimmed texts', () => {
    const parsed = ratingsSchema.parse(ratingsInput({ ...valid, 'severity.text': '  Alvorlig  ' }));
    expect(parsed).toEqual({
      severity: { level: 4, text: 'Alvorlig' },
      benefit: { level: 1, text: 'Liten' },
      resourceUse: { level: 2, text: 'Moderat' },
    });
  });

  it.each([
    ['missing level', { 'severity.level': '' }, { 'severity.level': 'levelRequired' }],
    ['level below the scale', { 'benefit.level': '0' }, { 'benefit.level': 'levelRequired' }],
    ['level above the scale', { 'benefit.level': '5' }, { 'benefit.level': 'levelRequired' }],
    [
      'level not a whole number',
      { 'resourceUse.level': '2.5' },
      { 'resourceUse.level': 'levelRequired' },
    ],
    ['level not a number', { 'severity.level': 'høy' }, { 'severity.level': 'levelRequired' }],
    ['blank text', { 'benefit.text': '   ' }, { 'benefit.text': 'ratingTextRequired' }],
    ['text too long', { 'severity.text': 'x'.repeat(1001) }, { 'severity.text': 'tooLong' }],
  ])('refuses %s with the field named', (_, change, expected) => {
    const result = ratingsSchema.safeParse(ratingsInput({ ...valid, ...change }));
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)).toEqual(expected);
  });
});

describe('verdictNeedsRatings', () => {
  it.each([
    ['endorse', true],
    ['notEndorse', true],
    ['returnToApplicant', false],
  ] as const)('%s → %s', (verdict, needed) => {
    expect(verdictNeedsRatings(verdict)).toBe(needed);
  });
});
