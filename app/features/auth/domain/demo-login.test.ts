import { describe, expect, it } from 'vitest';
import { demoLoginGroups, type DemoUserInTrust } from './demo-login';

const person = (
  id: string,
  trustName: string,
  roles: DemoUserInTrust['roles'],
): DemoUserInTrust => ({ id, name: `Person ${id}`, title: 'Overlege', trustName, roles });

const ingrid = person('1', 'Helse Bergen HF', [{ role: 'applicant', department: 'Kreft' }]);
const per = person('2', 'Helse Bergen HF', [{ role: 'decisionMaker', department: null }]);
const eirik = person('3', 'Helse Stavanger HF', [{ role: 'applicant', department: 'Blod' }]);
const sigridHst = person('4', 'Helse Stavanger HF', [{ role: 'applicant', department: 'Blod' }]);
const sigridOus = person('4', 'Oslo universitetssykehus HF', [
  { role: 'assessor', department: null },
]);

describe('demoLoginGroups', () => {
  it.each([
    ['nobody', [], []],
    ['one trust', [ingrid, per], [{ trust: 'Helse Bergen HF', users: ['1', '2'] }]],
    [
      'two trusts, in the order read',
      [ingrid, eirik, per],
      [
        { trust: 'Helse Bergen HF', users: ['1', '2'] },
        { trust: 'Helse Stavanger HF', users: ['3'] },
      ],
    ],
    [
      'a person in two trusts: one card of their own, last',
      [ingrid, eirik, sigridHst, sigridOus],
      [
        { trust: 'Helse Bergen HF', users: ['1'] },
        { trust: 'Helse Stavanger HF', users: ['3'] },
        { trust: null, users: ['4'] },
      ],
    ],
  ] as const)('%s', (_, users, expected) => {
    expect(
      demoLoginGroups(users).map((g) => ({ trust: g.trust, users: g.users.map((u) => u.id) })),
    ).toEqual(expected);
  });

  it('names each role of a person in several trusts with its trust, and no trust otherwise', () => {
    const groups = demoLoginGroups([ingrid, sigridHst, sigridOus]);
    expect(groups.at(-1)?.users[0]?.roles).toEqual([
      { role: 'applicant', department: 'Blod', trust: 'Helse Stavanger HF' },
      { role: 'assessor', department: null, trust: 'Oslo universitetssykehus HF' },
    ]);
    expect(groups[0]?.users[0]?.roles).toEqual([
      { role: 'applicant', department: 'Kreft', trust: null },
    ]);
  });
});
