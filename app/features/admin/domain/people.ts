import { z } from 'zod';
import { isRole, type Role } from '../../auth/domain/roles';
import {
  normalisePatientId,
  patientIdKind,
  type PatientIdKind,
} from '../../cases/domain/application';

/**
 * Roles held for one department of the trust (as in the demo data and in `caseRoles`: the
 * applicant writes in their department, the leader endorses its cases). Every other role is
 * trust-wide.
 */
export const DEPARTMENT_ROLES = [
  'applicant',
  'coAuthor',
  'endorser',
] as const satisfies readonly Role[];

export function roleNeedsDepartment(role: Role): boolean {
  return (DEPARTMENT_ROLES as readonly Role[]).includes(role);
}

export const NAME_MAX = 120;
export const TITLE_MAX = 120;
export const EMAIL_MAX = 254;

/** Why an administrator's form was refused (each has its message in msg.trustAdmin.errors). */
export const ADMIN_ERRORS = [
  'nameRequired',
  'nameTooLong',
  'titleTooLong',
  'emailRequired',
  'emailInvalid',
  'emailTaken',
  'idRequired',
  'idInvalid',
  'pidInvalid',
  'roleRequired',
  'departmentRequired',
  'departmentNotAllowed',
  'departmentUnknown',
  'alreadyHeld',
  'departmentNameTaken',
  'departmentInUse',
  'departmentChanged',
  'departmentChangedNotRemoved',
  'lastAdmin',
] as const;
export type AdminError = (typeof ADMIN_ERRORS)[number];

/**
 * What a row of a trust's role history records: a grant or revocation by an administrator, or a
 * role moved when two users were found to be one person at login (`mergedFrom` on the user kept,
 * `mergedInto` on the one dropped; ADR 0018).
 */
export const ROLE_HISTORY_ACTIONS = ['granted', 'revoked', 'mergedFrom', 'mergedInto'] as const;
export type RoleHistoryAction = (typeof ROLE_HISTORY_ACTIONS)[number];

export const GRANT_FIELDS = ['role', 'departmentId'] as const;
export type GrantField = (typeof GRANT_FIELDS)[number];
export const PERSON_FIELDS = ['name', 'title', 'email', 'idNumber', ...GRANT_FIELDS] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export const DEPARTMENT_FIELDS = ['name'] as const;
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];

export type AdminFieldErrors<F extends string> = Partial<Record<F, AdminError>>;

export type Parsed<T, F extends string> =
  { ok: true; value: T } | { ok: false; errors: AdminFieldErrors<F> };

/** A role to grant: the role, and its department when the role is held for one. */
export interface GrantInput {
  role: Role;
  departmentId: string | null;
}

/**
 * How HelseID's login will know a person: their HPR number, or, for someone without one (an
 * economist on the committee, staff of the regional health authority), their national identity
 * number. The identity number is only ever stored as its keyed hash (`users.pid_hash`).
 */
export type PersonIdentity = { kind: 'hpr'; hprNumber: string } | { kind: 'pid'; pid: string };

export interface PersonInput extends GrantInput {
  name: string;
  title: string;
  email: string;
  identity: PersonIdentity;
}

/** Spaces around and inside (runs of) are tidied: «  Kari   Nordmann » is «Kari Nordmann». */
const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');

const emailSchema = z.email();
const uuidSchema = z.uuid();

/** Whether a posted id can name a row at all (ids are UUIDs); anything else names nothing. */
export const isId = (value: string): boolean => uuidSchema.safeParse(value).success;

/** HPR numbers (Helsepersonellregisteret) are whole numbers; today up to 9 digits. */
const HPR_PATTERN = /^\d{4,9}$/;

/**
 * The identity numbers a person logs in to HelseID with (its `pid` claim): fødselsnummer,
 * D-nummer, and the synthetic Test Norge numbers of test environments. H- and FH-numbers are
 * the hospitals' help numbers for patients, never a login.
 */
const LOGIN_PID_KINDS: readonly PatientIdKind[] = ['fnr', 'dnr', 'tnr'];

/**
 * An HPR number (4 to 9 digits) or an identity number (11 digits with valid control digits),
 * spaces and dots ignored; one field, told apart by length.
 */
export function parseIdentity(value: string): Parsed<PersonIdentity, 'idNumber'> {
  const id = normalisePatientId(value);
  if (id === '') return { ok: false, errors: { idNumber: 'idRequired' } };
  if (HPR_PATTERN.test(id)) return { ok: true, value: { kind: 'hpr', hprNumber: id } };
  if (!/^\d{11}$/.test(id)) return { ok: false, errors: { idNumber: 'idInvalid' } };
  const kind = patientIdKind(id);
  if (kind === null || !LOGIN_PID_KINDS.includes(kind)) {
    return { ok: false, errors: { idNumber: 'pidInvalid' } };
  }
  return { ok: true, value: { kind: 'pid', pid: id } };
}

/** A department's name: required, at most NAME_MAX characters, spaces tidied. */
export function parseDepartmentName(values: {
  name: string;
}): Parsed<{ name: string }, DepartmentField> {
  const name = tidy(values.name);
  if (name === '') return { ok: false, errors: { name: 'nameRequired' } };
  if (name.length > NAME_MAX) return { ok: false, errors: { name: 'nameTooLong' } };
  return { ok: true, value: { name } };
}

/** The role and department of a grant: a known role; a department exactly when the role needs one. */
export function parseGrant(values: Record<GrantField, string>): Parsed<GrantInput, GrantField> {
  const role = values.role.trim();
  if (!isRole(role)) return { ok: false, errors: { role: 'roleRequired' } };
  const department = values.departmentId.trim();
  if (roleNeedsDepartment(role)) {
    if (department === '') return { ok: false, errors: { departmentId: 'departmentRequired' } };
    if (!isId(department)) {
      return { ok: false, errors: { departmentId: 'departmentUnknown' } };
    }
    return { ok: true, value: { role, departmentId: department } };
  }
  if (department !== '') return { ok: false, errors: { departmentId: 'departmentNotAllowed' } };
  return { ok: true, value: { role, departmentId: null } };
}

/** A new person: name, optional title, e-mail, HPR or identity number, and their first role. */
export function parsePerson(values: Record<PersonField, string>): Parsed<PersonInput, PersonField> {
  const errors: AdminFieldErrors<PersonField> = {};
  const name = tidy(values.name);
  if (name === '') errors.name = 'nameRequired';
  else if (name.length > NAME_MAX) errors.name = 'nameTooLong';
  const title = tidy(values.title);
  if (title.length > TITLE_MAX) errors.title = 'titleTooLong';
  const email = values.email.trim().toLowerCase();
  if (email === '') errors.email = 'emailRequired';
  else if (email.length > EMAIL_MAX || !emailSchema.safeParse(email).success) {
    errors.email = 'emailInvalid';
  }
  const identity = parseIdentity(values.idNumber);
  if (!identity.ok) Object.assign(errors, identity.errors);
  const grant = parseGrant({ role: values.role, departmentId: values.departmentId });
  if (!grant.ok) Object.assign(errors, grant.errors);
  if (!grant.ok || !identity.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, title, email, identity: identity.value, ...grant.value } };
}

/**
 * The last-administrator guard: revoking `role` is refused when it is a `trustAdmin` grant and
 * the trust has no other. A trust without an administrator could give nobody access again.
 */
export function revokeRefusal(role: string, trustAdminGrants: number): AdminError | null {
  return role === 'trustAdmin' && trustAdminGrants <= 1 ? 'lastAdmin' : null;
}
