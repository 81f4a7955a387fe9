import { aliasedTable, and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import { cases, departments, roleAssignmentEvents, roleAssignments, users } from '../../db/schema';
import { hasRole, isRole, type Actor, type Role } from '../auth/domain/roles';
import { listAuthEvents, type AuthEventRow } from '../auth/events.server';
import { pidHash } from '../auth/oidc.server';
import { CaseError } from '../cases/domain/errors';
import {
  isId,
  revokeRefusal,
  type AdminFieldErrors,
  type DepartmentField,
  type GrantField,
  type GrantInput,
  type PersonField,
  type PersonInput,
  type RoleHistoryAction,
} from './domain/people';

/**
 * The trust administrator's use cases (BRIEF §2): the trust's departments, the people holding a
 * role in it, and their role grants. Everything runs in the administrator's own trust; the
 * database's policies (migration 0030) let the application role change departments and role
 * assignments of the bound trust only, and keep the grant history append-only.
 */

export type AdminResult<F extends string, T = object> =
  ({ ok: true } & T) | { ok: false; errors: AdminFieldErrors<F> };

function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'trustAdmin')) throw new CaseError('forbidden');
}

function runAsAdmin<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  requireAdmin(actor);
  return inTenant(db, actor, fn);
}

// Departments.

export interface DepartmentRow {
  id: string;
  name: string;
  /** What a rename or removal must name (a compare-and-set). */
  version: number;
  /** Role assignments limited to the department. */
  roles: number;
  cases: number;
}

export async function listDepartments(db: Db, actor: Actor): Promise<DepartmentRow[]> {
  return runAsAdmin(db, actor, async (tx) => {
    const rows = await tx
      .select({ id: departments.id, name: departments.name, version: departments.version })
      .from(departments)
      .where(eq(departments.trustId, actor.trustId))
      .orderBy(asc(departments.name));
    const roleCounts = await tx
      .select({ id: roleAssignments.departmentId, n: count() })
      .from(roleAssignments)
      .where(eq(roleAssignments.trustId, actor.trustId))
      .groupBy(roleAssignments.departmentId);
    const caseCounts = await tx
      .select({ id: cases.departmentId, n: count() })
      .from(cases)
      .where(eq(cases.trustId, actor.trustId))
      .groupBy(cases.departmentId);
    const of = (counts: { id: string | null; n: number }[], id: string) =>
      counts.find((c) => c.id === id)?.n ?? 0;
    return rows.map((d) => ({
      ...d,
      roles: of(roleCounts, d.id),
      cases: of(caseCounts, d.id),
    }));
  });
}

/**
 * Serialises the trust's changes of department names for the rest of the transaction, so that
 * `nameTaken` decides: a double click on «Legg til», or two administrators choosing the same name
 * (in any case), finds the first one's department instead of failing on the unique index.
 */
async function lockDepartmentNames(tx: Tx, trustId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`departments:${trustId}`}))`);
}

/** Another department of the trust with this name (case and spacing aside), if any. */
async function nameTaken(tx: Tx, trustId: string, name: string, except?: string) {
  const [found] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.trustId, trustId),
        sql`lower(${departments.name}) = lower(${name})`,
        except ? sql`${departments.id} <> ${except}` : undefined,
      ),
    )
    .limit(1);
  return found !== undefined;
}

/**
 * The trust's department with this id, or null. `keep`: share-locked until the transaction ends,
 * so a removal running at the same time waits and then sees what this one added to it (a role),
 * or this one waits and finds it gone.
 */
async function departmentOf(tx: Tx, trustId: string, id: string, keep = false) {
  const query = tx
    .select({ id: departments.id, name: departments.name, version: departments.version })
    .from(departments)
    .where(and(eq(departments.id, id), eq(departments.trustId, trustId)));
  const [found] = keep ? await query.for('key share') : await query;
  return found ?? null;
}

export async function createDepartment(
  db: Db,
  actor: Actor,
  input: { name: string },
): Promise<AdminResult<DepartmentField, { id: string }>> {
  return runAsAdmin(db, actor, async (tx) => {
    await lockDepartmentNames(tx, actor.trustId);
    if (await nameTaken(tx, actor.trustId, input.name)) {
      return { ok: false, errors: { name: 'departmentNameTaken' } };
    }
    const [created] = await tx
      .insert(departments)
      .values({ trustId: actor.trustId, name: input.name })
      .returning({ id: departments.id });
    if (!created) throw new Error('Insert returned no row');
    return { ok: true, id: created.id };
  });
}

/**
 * Renames a department: a compare-and-set on the version the form was shown with (null: the form
 * did not say). Renamed (or removed and added) since, it is refused with `departmentChanged` and
 * nothing changes.
 */
export async function renameDepartment(
  db: Db,
  actor: Actor,
  id: string,
  input: { name: string; version: number | null },
): Promise<AdminResult<DepartmentField>> {
  return runAsAdmin(db, actor, async (tx) => {
    const found = isId(id) ? await departmentOf(tx, actor.trustId, id) : null;
    if (!found) throw new CaseError('notFound');
    const { version } = input;
    const changed: AdminResult<DepartmentField> = {
      ok: false,
      errors: { name: 'departmentChanged' },
    };
    if (version === null || found.version !== version) return changed;
    await lockDepartmentNames(tx, actor.trustId);
    if (await nameTaken(tx, actor.trustId, input.name, id)) {
      return { ok: false, errors: { name: 'departmentNameTaken' } };
    }
    const [renamed] = await tx
      .update(departments)
      .set({ name: input.name, version: sql`${departments.version} + 1` })
      .where(and(eq(departments.id, id), eq(departments.version, version)))
      .returning({ id: departments.id });
    return renamed ? { ok: true } : changed;
  });
}

/**
 * Removes an empty department; one with role assignments or cases is refused, and so is one
 * renamed since the form was shown (`version`, null: the form did not say).
 */
export async function removeDepartment(
  db: Db,
  actor: Actor,
  id: string,
  version: number | null,
): Promise<AdminResult<DepartmentField>> {
  return runAsAdmin(db, actor, async (tx) => {
    if (!isId(id)) throw new CaseError('notFound');
    // Locked first, so that no grant or case can be added to it while it is checked.
    const [found] = await tx
      .select({ id: departments.id, version: departments.version })
      .from(departments)
      .where(and(eq(departments.id, id), eq(departments.trustId, actor.trustId)))
      .for('update');
    if (!found) throw new CaseError('notFound');
    if (found.version !== version) {
      return { ok: false, errors: { name: 'departmentChangedNotRemoved' } };
    }
    const [roles] = await tx
      .select({ n: count() })
      .from(roleAssignments)
      .where(eq(roleAssignments.departmentId, id));
    const [used] = await tx.select({ n: count() }).from(cases).where(eq(cases.departmentId, id));
    if ((roles?.n ?? 0) > 0 || (used?.n ?? 0) > 0) {
      return { ok: false, errors: { name: 'departmentInUse' } };
    }
    await tx.delete(departments).where(eq(departments.id, id));
    return { ok: true };
  });
}

// People and roles.

export interface HeldRole {
  /** The role assignment's id (what a revocation names). */
  id: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
}

export interface TrustPerson {
  id: string;
  name: string;
  title: string;
  email: string;
  hprNumber: string | null;
  /** Known to the login by the hash of their identity number (bound at first login, or added so). */
  hasPid: boolean;
  roles: HeldRole[];
}

export interface RoleHistoryEntry {
  action: RoleHistoryAction;
  role: string;
  departmentName: string | null;
  /**
   * Who made the change; null for a first administrator granted by the operator. For a merge
   * (`mergedFrom`, `mergedInto`), the other user of the two.
   */
  actorName: string | null;
  at: Date;
}

const personColumns = {
  id: users.id,
  name: users.name,
  title: users.title,
  email: users.email,
  hprNumber: users.hprNumber,
  hasPid: sql<boolean>`${users.pidHash} is not null`,
};

/** The roles held in the trust, by user (department-limited roles with their department). */
async function heldRoles(tx: Tx, trustId: string, userId?: string) {
  const rows = await tx
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      departmentId: roleAssignments.departmentId,
      departmentName: departments.name,
    })
    .from(roleAssignments)
    .leftJoin(departments, eq(departments.id, roleAssignments.departmentId))
    .where(
      and(
        eq(roleAssignments.trustId, trustId),
        userId ? eq(roleAssignments.userId, userId) : undefined,
      ),
    )
    .orderBy(asc(roleAssignments.role), asc(departments.name));
  return rows.flatMap((r) =>
    isRole(r.role)
      ? [
          {
            userId: r.userId,
            held: {
              id: r.id,
              role: r.role,
              departmentId: r.departmentId,
              departmentName: r.departmentName,
            },
          },
        ]
      : [],
  );
}

/** Everyone who holds a role in the administrator's trust, by name, with those roles. */
export async function listTrustPeople(db: Db, actor: Actor): Promise<TrustPerson[]> {
  return runAsAdmin(db, actor, async (tx) => {
    const people = await tx
      .selectDistinct(personColumns)
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(eq(roleAssignments.trustId, actor.trustId))
      .orderBy(asc(users.name), asc(users.id));
    const roles = await heldRoles(tx, actor.trustId);
    return people.map((p) => ({
      ...p,
      roles: roles.filter((r) => r.userId === p.id).map((r) => r.held),
    }));
  });
}

/**
 * A person as the trust knows them: one who holds a role here, or held one (their history is
 * kept). Anyone else is not found: another trust's people are not this administrator's to see.
 */
async function personInTrust(tx: Tx, trustId: string, userId: string) {
  if (!isId(userId)) return null;
  const [person] = await tx
    .select({ ...personColumns, mergedInto: users.mergedInto })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        sql`(exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${roleAssignments.trustId} = ${trustId})
          or exists (select 1 from ${roleAssignmentEvents} where ${roleAssignmentEvents.userId} = ${users.id} and ${roleAssignmentEvents.trustId} = ${trustId}))`,
      ),
    );
  return person ?? null;
}

export interface PersonPage {
  person: TrustPerson;
  /**
   * The user this one was merged into (one person added twice, joined at login; ADR 0018): the
   * page keeps the history, but the user gets no roles.
   */
  mergedInto: { id: string; name: string } | null;
  history: RoleHistoryEntry[];
  /** Their latest authentication events in this trust, newest first (bounded; «Innlogginger»). */
  logins: AuthEventRow[];
}

/**
 * One person's roles in the trust, the history of their grants and revocations here, and their
 * latest logins, refused logins, logouts and changes of trust recorded in this trust.
 */
export async function getTrustPerson(db: Db, actor: Actor, userId: string): Promise<PersonPage> {
  return runAsAdmin(db, actor, async (tx) => {
    const found = await personInTrust(tx, actor.trustId, userId);
    if (!found) throw new CaseError('notFound');
    const { mergedInto: mergedId, ...person } = found;
    const [mergedInto] = mergedId
      ? await tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(users.id, mergedId))
      : [];
    const roles = (await heldRoles(tx, actor.trustId, userId)).map((r) => r.held);
    const by = aliasedTable(users, 'by_user');
    const history = await tx
      .select({
        action: roleAssignmentEvents.action,
        role: roleAssignmentEvents.role,
        departmentName: roleAssignmentEvents.departmentName,
        actorName: by.name,
        at: roleAssignmentEvents.createdAt,
      })
      .from(roleAssignmentEvents)
      .leftJoin(by, eq(by.id, roleAssignmentEvents.actorId))
      .where(
        and(
          eq(roleAssignmentEvents.trustId, actor.trustId),
          eq(roleAssignmentEvents.userId, userId),
        ),
      )
      .orderBy(desc(roleAssignmentEvents.id));
    const logins = await listAuthEvents(tx, actor.trustId, userId);
    return { person: { ...person, roles }, mergedInto: mergedInto ?? null, history, logins };
  });
}

/** Grants a role in the bound trust and records it; a role already held is refused. */
async function grantIn(
  tx: Tx,
  actor: Actor,
  userId: string,
  grant: GrantInput,
): Promise<AdminResult<GrantField>> {
  let departmentName: string | null = null;
  if (grant.departmentId) {
    const department = await departmentOf(tx, actor.trustId, grant.departmentId, true);
    if (!department) return { ok: false, errors: { departmentId: 'departmentUnknown' } };
    departmentName = department.name;
  }
  const inserted = await tx
    .insert(roleAssignments)
    .values({
      userId,
      trustId: actor.trustId,
      departmentId: grant.departmentId,
      role: grant.role,
    })
    .onConflictDoNothing()
    .returning({ id: roleAssignments.id });
  if (inserted.length === 0) return { ok: false, errors: { role: 'alreadyHeld' } };
  await tx.insert(roleAssignmentEvents).values({
    trustId: actor.trustId,
    userId,
    action: 'granted',
    role: grant.role,
    departmentName,
    actorId: actor.userId,
  });
  return { ok: true };
}

/**
 * Adds a person with their first role. A user known by the same HPR number or identity number
 * (from another trust, or already here) is given the role instead of being created twice; their
 * name and e-mail stay as they are. A new person's e-mail must be free. `pidSecret` keys the hash
 * of an identity number (HelseID's login matches on the same hash, `matchPerson`).
 */
export async function addPerson(
  db: Db,
  actor: Actor,
  input: PersonInput,
  pidSecret: string,
): Promise<AdminResult<PersonField, { userId: string; existing: boolean }>> {
  return runAsAdmin(db, actor, async (tx) => {
    const found = await personByIdentityIn(tx, input, pidSecret);
    if (!found) return { ok: false, errors: { email: 'emailTaken' } };
    const granted = await grantIn(tx, actor, found.userId, input);
    if (!granted.ok) {
      if (!found.existing) throw new Error('A new person cannot already hold a role');
      return granted;
    }
    return { ok: true, ...found };
  });
}

/**
 * The user with this HPR number, or with this identity number's keyed hash (what HelseID's login
 * matches on), or a new one with the given name, title, e-mail and identity; null when a new
 * person's e-mail is already another user's. A known person keeps their name and e-mail. The
 * identity number itself is never stored.
 */
export async function personByIdentityIn(
  tx: Tx,
  person: Pick<PersonInput, 'name' | 'title' | 'email' | 'identity'>,
  pidSecret: string,
): Promise<{ userId: string; existing: boolean } | null> {
  // One person added at a time, in every trust: a double click, or two trusts adding the same
  // doctor, finds the first one's user instead of failing on a unique index (HPR, identity, e-mail).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('soknadsportal.add-person'))`);
  const { identity } = person;
  const key =
    identity.kind === 'hpr'
      ? { hprNumber: identity.hprNumber, pidHash: null }
      : { hprNumber: null, pidHash: pidHash(pidSecret, identity.pid) };
  const [known] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      key.hprNumber === null ? eq(users.pidHash, key.pidHash) : eq(users.hprNumber, key.hprNumber),
    );
  if (known) return { userId: known.id, existing: true };
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${person.email}`);
  if (taken) return null;
  const [created] = await tx
    .insert(users)
    .values({ name: person.name, title: person.title, email: person.email, ...key })
    .returning({ id: users.id });
  if (!created) throw new Error('Insert returned no row');
  return { userId: created.id, existing: false };
}

/** Gives a person of the trust one more role. */
export async function grantRole(
  db: Db,
  actor: Actor,
  userId: string,
  grant: GrantInput,
): Promise<AdminResult<GrantField>> {
  return runAsAdmin(db, actor, async (tx) => {
    const person = await personInTrust(tx, actor.trustId, userId);
    // A user merged into another is kept for its history only.
    if (!person || person.mergedInto !== null) throw new CaseError('notFound');
    return grantIn(tx, actor, userId, grant);
  });
}

/**
 * Takes one role from a person; it stops working at their next request (sessions read the grants
 * each time). The trust's last administrator role is never revoked.
 */
export async function revokeRole(
  db: Db,
  actor: Actor,
  userId: string,
  assignmentId: string,
): Promise<AdminResult<GrantField>> {
  return runAsAdmin(db, actor, async (tx) => {
    if (!isId(assignmentId)) throw new CaseError('notFound');
    const [assignment] = await tx
      .select({
        role: roleAssignments.role,
        departmentName: departments.name,
      })
      .from(roleAssignments)
      .leftJoin(departments, eq(departments.id, roleAssignments.departmentId))
      .where(
        and(
          eq(roleAssignments.id, assignmentId),
          eq(roleAssignments.userId, userId),
          eq(roleAssignments.trustId, actor.trustId),
        ),
      );
    if (!assignment) throw new CaseError('notFound');
    if (assignment.role === 'trustAdmin') {
      // Locked, so that two administrators cannot revoke each other at the same time.
      const admins = await tx
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .where(
          and(eq(roleAssignments.trustId, actor.trustId), eq(roleAssignments.role, 'trustAdmin')),
        )
        .for('update');
      const refusal = revokeRefusal(assignment.role, admins.length);
      if (refusal) return { ok: false, errors: { role: refusal } };
    }
    const deleted = await tx
      .delete(roleAssignments)
      .where(eq(roleAssignments.id, assignmentId))
      .returning({ id: roleAssignments.id });
    if (deleted.length === 0) throw new CaseError('notFound');
    await tx.insert(roleAssignmentEvents).values({
      trustId: actor.trustId,
      userId,
      action: 'revoked',
      role: assignment.role,
      departmentName: assignment.departmentName,
      actorId: actor.userId,
    });
    return { ok: true };
  });
}
