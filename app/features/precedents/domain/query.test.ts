import { describe, expect, it } from 'vitest';
import { precedentQuerySchema, variationQuerySchema } from './query';

describe('precedent and variation queries', () => {
  it.each([
    [{ atc: 'l01fa01', diagnose: 'icd10:n04.2' }, true],
    [{ substans: 'Rituksimab', diagnose: 'ICD10:N04.2' }, true],
    [{ legemiddel: 'ID_123', diagnose: 'ICPC2:T90' }, true],
    [{ atc: 'L01FA', diagnose: 'ICD10:N04.2' }, true],
    [{ diagnose: 'ICD10:N04.2' }, false],
    [{ atc: 'X', diagnose: 'ICD10:N04.2' }, true],
    [{ atc: 'L01FA01' }, false],
    [{ atc: 'L01FA01x', diagnose: 'ICD10:N04.2' }, false],
    [{ atc: 'L01FA01', diagnose: "ICD10:N04.2'; drop" }, false],
  ])('precedents %j → %s', (query, ok) => {
    expect(precedentQuerySchema.safeParse(query).success).toBe(ok);
  });

  it('needs an exact ATC code for the variation view', () => {
    expect(variationQuerySchema.safeParse({ atc: 'L01FA01', diagnose: 'ICD10:G35' }).data).toEqual({
      atc: 'L01FA01',
      diagnose: 'ICD10:G35',
    });
    expect(variationQuerySchema.safeParse({ atc: 'L01FA', diagnose: 'ICD10:G35' }).success).toBe(
      false,
    );
  });
});
