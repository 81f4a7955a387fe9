import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../auth/domain/roles';
import {
  isId,
  parseDepartmentName,
  parseGrant,
  parseIdentity,
  parsePerson,
  revokeRefusal,
  roleNeedsDepartment,
  type PersonField,
} from './people';

const DEPARTMENT = '4b0f7c2e-8a1d-4c3e-9f00-1234567890ab';

describe('roleNeedsDepartment', () => {
  const table: [Role, boolean][] = [
    ['applicant', true],
    ['coAuthor', true],
    ['endorser', true],
    ['decisionMaker', false],
    ['assessor', false],
    ['nationalReader', false],
    ['trustAdmin', false],
  ];
  it('covers every role', () => {
    expect(table.map(([role]) => role).sort()).toEqual([...ROLES].sort());
  });
  it.each(table)('%s → %s', (role, needs) => {
    expect(roleNeedsDepartment(role)).toBe(needs);
  });
});

describe('parseDepartmentName', () => {
  it.each([
    ['Nevrologisk avdeling', { ok: true, value: { name: 'Nevrologisk avdeling' } }],
    [
      '  Barne-   og ungdomsklinikken ',
      { ok: true, value: { name: 'Barne- og ungdomsklinikken' } },
    ],
    ['', { ok: false, errors: { name: 'nameRequired' } }],
    ['   ', { ok: false, errors: { name: 'nameRequired' } }],
    ['x'.repeat(121), { ok: false, errors: { name: 'nameTooLong' } }],
    ['x'.repeat(120), { ok: true, value: { name: 'x'.repeat(120) } }],
  ])('%j', (name, expected) => {
    expect(parseDepartmentName({ name })).toEqual(expected);
  });
});

describe('parseGrant', () => {
  it.each([
    ['applicant', DEPARTMENT, { ok: true, value: { role: 'applicant', departmentId: DEPARTMENT } }],
    ['endorser', DEPARTMENT, { ok: true, value: { role: 'endorser', departmentId: DEPARTMENT } }],
    ['trustAdmin', '', { ok: true, value: { role: 'trustAdmin', departmentId: null } }],
    ['assessor', ' ', { ok: true, value: { role: 'assessor', departmentId: null } }],
    ['applicant', '', { ok: false, errors: { departmentId: 'departmentRequired' } }],
    ['coAuthor', 'not-a-uuid', { ok: false, errors: { departmentId: 'departmentUnknown' } }],
    ['decisionMaker', DEPARTMENT, { ok: false, errors: { departmentId: 'departmentNotAllowed' } }],
    ['', '', { ok: false, errors: { role: 'roleRequired' } }],
    ['consultant', '', { ok: false, errors: { role: 'roleRequired' } }],
    ['superuser', '', { ok: false, errors: { role: 'roleRequired' } }],
  ])('%s in %j', (role, departmentId, expected) => {
    expect(parseGrant({ role, departmentId })).toEqual(expected);
  });
});

describe('parsePerson', () => {
  const valid: Record<PersonField, string> = {
    name: 'Kari Nordmann',
    title: 'Overlege',
    email: 'Kari.Nordmann@Helse-Bergen.no',
    idNumber: '1234567',
    role: 'applicant',
    departmentId: DEPARTMENT,
  };
  it('accepts a valid person, tidied (e-mail in lower case)', () => {
    expect(parsePerson(valid)).toEqual({
      ok: true,
      value: {
        name: 'Kari Nordmann',
        title: 'Overlege',
        email: 'kari.nordmann@helse-bergen.no',
        identity: { kind: 'hpr', hprNumber: '1234567' },
        role: 'applicant',
        departmentId: DEPARTMENT,
      },
    });
  });
  it('takes an HPR number with spaces and an empty title', () => {
    const parsed = parsePerson({ ...valid, idNumber: ' 123 4567 ', title: '' });
    expect(parsed.ok && parsed.value.identity).toEqual({ kind: 'hpr', hprNumber: '1234567' });
    expect(parsed.ok && parsed.value.title).toBe('');
  });
  it('takes an identity number for someone without an HPR number', () => {
    const parsed = parsePerson({ ...valid, idNumber: '150385 10190' });
    expect(parsed.ok && parsed.value.identity).toEqual({ kind: 'pid', pid: '15038510190' });
  });
  it.each<[Partial<Record<PersonField, string>>, Partial<Record<PersonField, string>>]>([
    [{ name: '' }, { name: 'nameRequired' }],
    [{ name: 'x'.repeat(121) }, { name: 'nameTooLong' }],
    [{ title: 'x'.repeat(121) }, { title: 'titleTooLong' }],
    [{ email: '' }, { email: 'emailRequired' }],
    [{ email: 'kari' }, { email: 'emailInvalid' }],
    [{ email: 'kari@' }, { email: 'emailInvalid' }],
    [{ idNumber: '' }, { idNumber: 'idRequired' }],
    [{ idNumber: '12a4567' }, { idNumber: 'idInvalid' }],
    [{ role: '' }, { role: 'roleRequired' }],
    [{ departmentId: '' }, { departmentId: 'departmentRequired' }],
    [{ role: 'trustAdmin' }, { departmentId: 'departmentNotAllowed' }],
    [
      { name: ' ', email: 'x', idNumber: 'abc' },
      { name: 'nameRequired', email: 'emailInvalid', idNumber: 'idInvalid' },
    ],
  ])('%j → %j', (change, errors) => {
    expect(parsePerson({ ...valid, ...change })).toEqual({ ok: false, errors });
  });
});

describe('parseIdentity (HPR number or identity number, told apart by length)', () => {
  it.each<[string, ReturnType<typeof parseIdentity>]>([
    ['1234', { ok: true, value: { kind: 'hpr', hprNumber: '1234' } }],
    ['123456789', { ok: true, value: { kind: 'hpr', hprNumber: '123456789' } }],
    [' 912 3456 ', { ok: true, value: { kind: 'hpr', hprNumber: '9123456' } }],
    // fødselsnummer, with the usual spaces or dots
    ['15038510190', { ok: true, value: { kind: 'pid', pid: '15038510190' } }],
    ['150385 10271', { ok: true, value: { kind: 'pid', pid: '15038510271' } }],
    ['01.01.90 12480', { ok: true, value: { kind: 'pid', pid: '01019012480' } }],
    // D-nummer (day + 40) and a synthetic Test Norge number (month + 80)
    ['55038510184', { ok: true, value: { kind: 'pid', pid: '55038510184' } }],
    ['15838510075', { ok: true, value: { kind: 'pid', pid: '15838510075' } }],
    ['', { ok: false, errors: { idNumber: 'idRequired' } }],
    ['   ', { ok: false, errors: { idNumber: 'idRequired' } }],
    ['123', { ok: false, errors: { idNumber: 'idInvalid' } }],
    ['1234567890', { ok: false, errors: { idNumber: 'idInvalid' } }],
    ['123456789012', { ok: false, errors: { idNumber: 'idInvalid' } }],
    ['-1234567', { ok: false, errors: { idNumber: 'idInvalid' } }],
    ['12a4567', { ok: false, errors: { idNumber: 'idInvalid' } }],
    // wrong control digits
    ['15038510191', { ok: false, errors: { idNumber: 'pidInvalid' } }],
    ['12345678901', { ok: false, errors: { idNumber: 'pidInvalid' } }],
    // H- and FH-numbers are patients' help numbers, never a login
    ['15438510092', { ok: false, errors: { idNumber: 'pidInvalid' } }],
    ['90000000220', { ok: false, errors: { idNumber: 'pidInvalid' } }],
  ])('%j', (value, expected) => {
    expect(parseIdentity(value)).toEqual(expected);
  });
});

describe('revokeRefusal (the last administrator)', () => {
  it.each([
    ['trustAdmin', 1, 'lastAdmin'],
    ['trustAdmin', 0, 'lastAdmin'],
    ['trustAdmin', 2, null],
    ['applicant', 1, null],
    ['decisionMaker', 0, null],
  ] as const)('%s with %i administrator grants → %s', (role, admins, refusal) => {
    expect(revokeRefusal(role, admins)).toBe(refusal);
  });
});

describe('isId', () => {
  it.each([
    [DEPARTMENT, true],
    ['', false],
    ['1', false],
    ["4b0f7c2e-8a1d-4c3e-9f00-1234567890ab' or 1=1", false],
  ])('%j → %s', (value, ok) => {
    expect(isId(value)).toBe(ok);
  });
});
