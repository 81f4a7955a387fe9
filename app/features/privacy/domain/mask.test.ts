import { describe, expect, it } from 'vitest';
import { maskedAnswers, maskPatientId } from './mask';

describe('maskPatientId', () => {
  it.each([
    // id, kept date part (the treating trust), whole (a consulted trust)
    ['15838510075', '158385 *****', '****** *****'],
    ['41019010110', '410190 *****', '****** *****'],
    // FH-nummer: random digits, no date part; nothing shown.
    ['80000000179', '****** *****', '****** *****'],
    ['90000000220', '****** *****', '****** *****'],
    // Masking a masked id never shows more (the routes mask what getCase may have masked).
    ['158385 *****', '158385 *****', '****** *****'],
    ['****** *****', '****** *****', '****** *****'],
    ['123', '***', '****** *****'],
    ['', '', ''],
  ])('%j → %j, wholly %j', (id, keepDate, whole) => {
    expect(maskPatientId(id)).toBe(keepDate);
    expect(maskPatientId(id, 'keepDate')).toBe(keepDate);
    expect(maskPatientId(id, 'whole')).toBe(whole);
    // Masked again, in either way, it shows nothing more.
    expect(maskPatientId(maskPatientId(id, 'whole'))).toBe(whole);
  });

  it('masks only the patient id of the answers', () => {
    expect(maskedAnswers({ patientId: '15838510075', dose: '1 g' })).toEqual({
      patientId: '158385 *****',
      dose: '1 g',
    });
    expect(maskedAnswers({ patientId: '15838510075', dose: '1 g' }, 'whole')).toEqual({
      patientId: '****** *****',
      dose: '1 g',
    });
    const none = { dose: '1 g' };
    expect(maskedAnswers(none)).toBe(none);
    expect(maskedAnswers(none, 'whole')).toBe(none);
  });
});
