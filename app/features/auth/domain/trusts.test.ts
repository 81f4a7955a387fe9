import { describe, expect, it } from 'vitest';
import type { RoleGrant } from './roles';
import { canSwitchTrust, checkTrustChoice, grantsIn, trustAtLogin, trustIdsOf } from './trusts';

const HST = 'trust-hst';
const OUS = 'trust-ous';
const sigrid: RoleGrant[] = [
  { role: 'applicant', trustId: HST, departmentId: 'dept-blood' },
  { role: 'assessor', trustId: OUS, departmentId: null },
  { role: 'coAuthor', trustId: HST, departmentId: null },
];
const hilde: RoleGrant[] = [
  { role: 'endorser', trustId: HST, departmentId: 'dept-blood' },
  { role: 'decisionMaker', trustId: HST, departmentId: null },
];

describe('the trusts a user may act in', () => {
  it('lists each trust once, in the order of the grants', () => {
    expect(trustIdsOf(sigrid)).toEqual([HST, OUS]);
    expect(trustIdsOf(hilde)).toEqual([HST]);
    expect(trustIdsOf([])).toEqual([]);
  });

  it('starts a session in the only trust, and in none (to choose) with several', () => {
    expect(trustAtLogin(hilde)).toBe(HST);
    expect(trustAtLogin(sigrid)).toBeNull();
    expect(trustAtLogin([])).toBeNull();
  });

  it('keeps only the active trust’s grants', () => {
    expect(grantsIn(sigrid, HST)).toEqual([sigrid[0], sigrid[2]]);
    expect(grantsIn(sigrid, OUS)).toEqual([sigrid[1]]);
    expect(grantsIn(sigrid, 'trust-other')).toEqual([]);
  });

  it('accepts a trust the user holds a role in and refuses any other value', () => {
    expect(checkTrustChoice(sigrid, OUS)).toEqual({ ok: true, trustId: OUS });
    expect(checkTrustChoice(sigrid, HST)).toEqual({ ok: true, trustId: HST });
    for (const other of ['trust-hbe', '', 'not-a-uuid', `${HST} `]) {
      expect(checkTrustChoice(sigrid, other)).toEqual({ ok: false, refusal: 'noRoleInTrust' });
    }
    expect(checkTrustChoice([], HST)).toEqual({ ok: false, refusal: 'noRoleInTrust' });
  });

  it('offers the switcher only with more than one trust', () => {
    const trusts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: '' }));
    expect(canSwitchTrust(trusts(0))).toBe(false);
    expect(canSwitchTrust(trusts(1))).toBe(false);
    expect(canSwitchTrust(trusts(2))).toBe(true);
  });
});
