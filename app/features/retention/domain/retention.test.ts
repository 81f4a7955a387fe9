import { describe, expect, it } from 'vitest';
import { completeAnswers } from '../../../test/actors';
import { anonymiseAnswers, authEventCutoff, retentionCutoff } from './retention';

describe('retention rules', () => {
  it('keeps only the non-personal summary of the answers', () => {
    expect(anonymiseAnswers(completeAnswers)).toEqual({
      scheme: 'offLabel',
      patientScope: 'single',
      drug: completeAnswers.drug,
      diagnoses: ['ICD10:N04.2'],
    });
    expect(anonymiseAnswers({ patientId: '15838510075', indication: 'x' })).toEqual({});
  });

  it('counts the period in whole years back from now', () => {
    expect(retentionCutoff(new Date('2031-03-01T12:00:00Z')).toISOString()).toBe(
      '2026-03-01T12:00:00.000Z',
    );
  });

  it("keeps authentication events ten years, the access log's period", () => {
    expect(authEventCutoff(new Date('2036-03-01T12:00:00Z')).toISOString()).toBe(
      '2026-03-01T12:00:00.000Z',
    );
  });
});
