import { describe, expect, it } from 'vitest';
import {
  isOddHour,
  isOutsideDepartment,
  manyCaseBursts,
  selfGrants,
  unusualAccess,
  UNUSUAL_RULES,
  type LoggedAccess,
  type RoleGrantEvent,
} from './unusual';

const entry = (over: Partial<LoggedAccess> = {}): LoggedAccess => ({
  id: 1,
  userId: 'u1',
  role: 'endorser',
  caseId: 'c1',
  at: new Date('2026-03-10T10:00:00Z'),
  caseDepartmentId: 'd1',
  readerDepartmentIds: ['d1'],
  ...over,
});

describe('odd hours (Norwegian time, 22–06)', () => {
  it.each([
    // winter (UTC+1)
    ['2026-01-15T20:59:00Z', false], // 21:59
    ['2026-01-15T21:00:00Z', true], // 22:00
    ['2026-01-15T04:59:00Z', true], // 05:59
    ['2026-01-15T05:00:00Z', false], // 06:00
    ['2026-01-15T11:00:00Z', false], // 12:00
    // summer (UTC+2)
    ['2026-07-15T20:00:00Z', true], // 22:00
    ['2026-07-15T19:59:00Z', false], // 21:59
    ['2026-07-15T04:00:00Z', false], // 06:00
    ['2026-07-15T03:59:00Z', true], // 05:59
  ])('%s → %s', (at, odd) => {
    expect(isOddHour(new Date(at))).toBe(odd);
  });

  it('also works for a window that does not cross midnight', () => {
    const rules = { ...UNUSUAL_RULES, oddFromHour: 12, oddToHour: 14 };
    expect(isOddHour(new Date('2026-01-15T11:30:00Z'), rules)).toBe(true); // 12:30
    expect(isOddHour(new Date('2026-01-15T13:00:00Z'), rules)).toBe(false); // 14:00
  });
});

describe('reads outside the department', () => {
  it.each([
    ['same department', entry(), false],
    ['another department', entry({ caseDepartmentId: 'd2' }), true],
    [
      'one of several departments',
      entry({ caseDepartmentId: 'd2', readerDepartmentIds: ['d1', 'd2'] }),
      false,
    ],
    ['a trust-wide role', entry({ caseDepartmentId: 'd2', readerDepartmentIds: null }), false],
    ['no case', entry({ caseId: null, caseDepartmentId: null }), false],
  ])('%s', (_label, e, outside) => {
    expect(isOutsideDepartment(e)).toBe(outside);
  });
});

describe('many cases in a short time', () => {
  const base = new Date('2026-03-10T10:00:00Z').getTime();
  const reads = (n: number, minutesApart: number, userId = 'u1') =>
    Array.from({ length: n }, (_, i) =>
      entry({ id: i, userId, caseId: `c${i}`, at: new Date(base + i * minutesApart * 60_000) }),
    );
  const rules = { ...UNUSUAL_RULES, manyCases: 5, windowMinutes: 60 };

  it.each([
    ['exactly the threshold', reads(5, 1), 0],
    ['one more than the threshold', reads(6, 1), 1],
    ['spread beyond the window', reads(6, 15), 0],
    ['two bursts', reads(12, 1), 2],
    ['the same case again and again', reads(20, 1).map((e) => ({ ...e, caseId: 'c1' })), 0],
    ['two users under the threshold each', [...reads(4, 1, 'u1'), ...reads(4, 1, 'u2')], 0],
  ])('%s → %i finding(s)', (_label, entries, count) => {
    expect(manyCaseBursts(entries, rules)).toHaveLength(count);
  });

  it('reports who, how many and when', () => {
    expect(manyCaseBursts(reads(6, 1), rules)).toEqual([
      {
        kind: 'manyCases',
        userId: 'u1',
        cases: 6,
        from: new Date(base),
        to: new Date(base + 5 * 60_000),
      },
    ]);
  });
});

const grant = (over: Partial<RoleGrantEvent> = {}): RoleGrantEvent => ({
  id: 1,
  userId: 'admin',
  actorId: 'admin',
  action: 'granted',
  role: 'decisionMaker',
  at: new Date('2026-03-10T10:00:00Z'),
  ...over,
});

describe('selfGrants: roles an administrator gave themselves', () => {
  it.each([
    ['granted to themselves', grant(), true],
    ['granted to themselves, trust-wide reader', grant({ role: 'nationalReader' }), true],
    ['granted to someone else', grant({ userId: 'u1' }), false],
    ['revoked from themselves', grant({ action: 'revoked' }), false],
    ['revoked from someone else', grant({ action: 'revoked', userId: 'u1' }), false],
    ['a first administrator, granted by the operator', grant({ actorId: null }), false],
  ] as const)('%s', (_, event, found) => {
    expect(selfGrants([event])).toEqual(
      found
        ? [{ kind: 'selfGranted', grantId: 1, userId: 'admin', role: event.role, at: event.at }]
        : [],
    );
  });
});

describe('unusualAccess', () => {
  it('lists every kind, newest first', () => {
    const findings = unusualAccess(
      [
        entry({ id: 1, caseDepartmentId: 'd2', at: new Date('2026-01-15T10:00:00Z') }),
        entry({ id: 2, at: new Date('2026-01-15T23:00:00Z') }),
      ],
      [grant({ at: new Date('2026-01-15T12:00:00Z') })],
    );
    expect(findings.map((f) => f.kind)).toEqual(['oddHours', 'selfGranted', 'outsideDepartment']);
  });

  it('finds nothing in ordinary daytime work', () => {
    expect(unusualAccess([entry(), entry({ id: 2, caseId: 'c2' })])).toEqual([]);
  });
});
