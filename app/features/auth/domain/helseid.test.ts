import { describe, expect, it } from 'vitest';
import { HELSEID_CLAIMS, personFromClaims } from './helseid';

const base = {
  sub: 'abc',
  name: 'Ingrid Haugland',
  [HELSEID_CLAIMS.pid]: '15838510075',
  [HELSEID_CLAIMS.hprNumber]: '9144889',
  [HELSEID_CLAIMS.securityLevel]: '4',
};

describe('personFromClaims', () => {
  it.each([
    [
      'level 4 with an HPR number',
      base,
      { name: 'Ingrid Haugland', pid: '15838510075', hprNumber: '9144889' },
    ],
    [
      'a numeric level and HPR number',
      { ...base, [HELSEID_CLAIMS.securityLevel]: 4, [HELSEID_CLAIMS.hprNumber]: 9144889 },
      { name: 'Ingrid Haugland', pid: '15838510075', hprNumber: '9144889' },
    ],
    [
      'no HPR number (not health personnel)',
      { ...base, [HELSEID_CLAIMS.hprNumber]: undefined },
      { name: 'Ingrid Haugland', pid: '15838510075', hprNumber: null },
    ],
  ])('accepts %s', (_label, claims, person) => {
    expect(personFromClaims(claims)).toEqual({ ok: true, person });
  });

  it('refuses level 3 and names the HPR number', () => {
    const claims = { ...base, [HELSEID_CLAIMS.securityLevel]: '3' };
    expect(personFromClaims(claims)).toEqual({
      ok: false,
      refusal: 'securityLevel',
      hprNumber: base[HELSEID_CLAIMS.hprNumber],
    });
    expect(personFromClaims({ ...claims, [HELSEID_CLAIMS.hprNumber]: undefined })).toEqual({
      ok: false,
      refusal: 'securityLevel',
      hprNumber: null,
    });
  });

  it.each([
    ['no level', { ...base, [HELSEID_CLAIMS.securityLevel]: undefined }, 'invalidClaims'],
    ['no pid', { ...base, [HELSEID_CLAIMS.pid]: undefined }, 'invalidClaims'],
    ['a malformed pid', { ...base, [HELSEID_CLAIMS.pid]: '1583851007' }, 'invalidClaims'],
    ['a malformed HPR number', { ...base, [HELSEID_CLAIMS.hprNumber]: 'HPR-1' }, 'invalidClaims'],
    ['no name', { ...base, name: ' ' }, 'invalidClaims'],
    ['not an object', 'token', 'invalidClaims'],
  ])('refuses %s', (_label, claims, refusal) => {
    expect(personFromClaims(claims)).toEqual({ ok: false, refusal, hprNumber: null });
  });
});
