import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, inTenant, type Database } from '../../db/database.server';
import {
  caseCollaborators,
  caseCommittee,
  caseLeaders,
  notifications,
  roleAssignmentEvents,
  roleAssignments,
  users,
} from '../../db/schema';
import { completeAnswers, demoActors, TEST_SECRETS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { addPerson, getTrustPerson, grantRole, listTrustPeople } from '../admin/trust-admin.server';
import type { PersonInput } from '../admin/domain/people';
import { createDraft } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { createAuth, listDemoUsers } from './auth.server';
import type { Actor, Role } from './domain/roles';
import type { HelseIdPerson } from './domain/helseid';
import { listAuthEvents, recordLoginRefusal } from './events.server';
import { matchPerson, pidHash } from './oidc.server';

const PID_SECRET = 'test-pid-secret-0123456789abcdef0123';

/** Synthetic Test Norge numbers (month + 80), valid control digits: never a real person. */
const PIDS = ['15838510075', '02877510029', '31929910020', '01816010027', '15038510190'] as const;

describe.each(TEST_DATABASES)('one person added twice, joined at login, on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  let hprCounter = 6_600_000;
  let mailCounter = 0;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  const db = () => database.db;
  const auth = () => createAuth(db(), { secrets: TEST_SECRETS, secure: false });

  /** Adds the person by identity number or by HPR number, as an administrator would. */
  async function add(
    admin: Actor,
    identity: PersonInput['identity'],
    role: Role = 'assessor',
  ): Promise<string> {
    const added = await addPerson(
      db(),
      admin,
      {
        name: identity.kind === 'pid' ? 'Eva Lege (fnr)' : 'Eva Lege (HPR)',
        title: 'Overlege',
        email: `eva.${++mailCounter}@example.test`,
        identity,
        role,
        departmentId: null,
      },
      PID_SECRET,
    );
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    return added.userId;
  }

  async function twice(pid: string, byPid: Actor, byHpr: Actor, hprRole: Role = 'assessor') {
    const hprNumber = String(hprCounter++);
    const a = await add(byPid, { kind: 'pid', pid });
    const b = await add(byHpr, { kind: 'hpr', hprNumber }, hprRole);
    const person: HelseIdPerson = { name: 'Eva Lege', pid, hprNumber };
    return { a, b, hprNumber, person };
  }

  const match = (person: HelseIdPerson) => inApp(db(), (tx) => matchPerson(tx, person, PID_SECRET));
  const user = async (id: string) => {
    const [row] = await db().select().from(users).where(eq(users.id, id));
    if (!row) throw new Error(id);
    return row;
  };
  const rolesOf = async (id: string) =>
    (
      await db()
        .select({ trustId: roleAssignments.trustId, role: roleAssignments.role })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, id))
    )
      .map((r) => `${r.trustId}:${r.role}`)
      .sort();
  /** Everything about the two users a refused merge must leave as it was. */
  const snapshot = async (ids: string[]) => ({
    users: await db().select().from(users).where(inArray(users.id, ids)).orderBy(users.id),
    roles: await db()
      .select()
      .from(roleAssignments)
      .where(inArray(roleAssignments.userId, ids))
      .orderBy(roleAssignments.id),
    events: await db()
      .select({ id: roleAssignmentEvents.id })
      .from(roleAssignmentEvents)
      .where(inArray(roleAssignmentEvents.userId, ids)),
  });

  it('joins a person added by identity number in one trust and by HPR number in another: roles, committee places, co-authorships, delegations and notifications go to one user', async () => {
    const { a, b, hprNumber, person } = await twice(PIDS[0], hbe.trustAdmin, ous.trustAdmin);
    // What the person added by identity number was given in HBE, and a committee place that the
    // one added by HPR number also holds (the same place twice: one is dropped).
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    const other = await createDraft(db(), hbe.applicant, completeAnswers);
    const trustId = hbe.trustAdmin.trustId;
    const by = hbe.trustAdmin.userId;
    await db()
      .insert(caseCommittee)
      .values([
        { caseId: draft.id, trustId, userId: a, assignedBy: by },
        { caseId: draft.id, trustId, userId: b, assignedBy: by },
        { caseId: other.id, trustId, userId: a, assignedBy: by },
      ]);
    await db()
      .insert(caseCollaborators)
      .values({ caseId: draft.id, trustId, userId: a, invitedBy: hbe.applicant.userId });
    await db()
      .insert(caseLeaders)
      .values([
        { caseId: draft.id, trustId, userId: a, kind: 'delegate', addedBy: hbe.endorser.userId },
        { caseId: draft.id, trustId, userId: b, kind: 'collaborator', addedBy: by },
      ]);
    await db()
      .insert(notifications)
      .values({ userId: a, trustId, caseId: draft.id, kind: 'coAuthorInvited' });

    // Neither has logged in: the one with the HPR number is kept.
    expect(await match(person)).toEqual({ userId: b });

    const kept = await user(b);
    expect(kept).toMatchObject({
      hprNumber,
      pidHash: pidHash(PID_SECRET, PIDS[0]),
      mergedInto: null,
    });
    expect(await user(a)).toMatchObject({ hprNumber: null, pidHash: null, mergedInto: b });
    expect(JSON.stringify(await user(a))).not.toContain(PIDS[0]);
    expect(await rolesOf(a)).toEqual([]);
    expect(await rolesOf(b)).toEqual(
      [`${hbe.trustAdmin.trustId}:assessor`, `${ous.trustAdmin.trustId}:assessor`].sort(),
    );
    const committee = await db()
      .select({ caseId: caseCommittee.caseId, userId: caseCommittee.userId })
      .from(caseCommittee)
      .where(inArray(caseCommittee.userId, [a, b]));
    expect(committee).toHaveLength(2);
    expect(committee.every((c) => c.userId === b)).toBe(true);
    expect(
      await db()
        .select({ userId: caseCollaborators.userId })
        .from(caseCollaborators)
        .where(eq(caseCollaborators.caseId, draft.id)),
    ).toEqual([{ userId: b }]);
    // Of her two active leader rows on the case, the delegation stays (the other is revoked).
    const leaders = await db()
      .select({
        userId: caseLeaders.userId,
        kind: caseLeaders.kind,
        revokedAt: caseLeaders.revokedAt,
      })
      .from(caseLeaders)
      .where(eq(caseLeaders.caseId, draft.id));
    expect(leaders.every((l) => l.userId === b)).toBe(true);
    expect(leaders.filter((l) => l.revokedAt === null)).toEqual([
      { userId: b, kind: 'delegate', revokedAt: null },
    ]);
    expect(
      await db()
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(eq(notifications.caseId, draft.id)),
    ).toEqual([{ userId: b }]);

    // The dropped user is listed nowhere, and is never matched again; the kept one always is.
    expect((await listTrustPeople(db(), hbe.trustAdmin)).map((p) => p.id)).toContain(b);
    expect((await listTrustPeople(db(), hbe.trustAdmin)).map((p) => p.id)).not.toContain(a);
    expect((await listDemoUsers(db())).map((u) => u.id)).not.toContain(a);
    expect(await match(person)).toEqual({ userId: b });
    expect(await match({ ...person, hprNumber: null })).toEqual({ userId: b });

    // The record, in each trust, on both: naming the other user, never the identity number.
    const hbeKept = await getTrustPerson(db(), hbe.trustAdmin, b);
    expect(hbeKept.history).toContainEqual(
      expect.objectContaining({
        action: 'mergedFrom',
        role: 'assessor',
        actorName: 'Eva Lege (fnr)',
      }),
    );
    expect(hbeKept.person.roles.map((r) => r.role)).toEqual(['assessor']);
    const hbeDropped = await getTrustPerson(db(), hbe.trustAdmin, a);
    expect(hbeDropped.mergedInto).toEqual({ id: b, name: 'Eva Lege (HPR)' });
    expect(hbeDropped.history[0]).toMatchObject({ action: 'mergedInto', role: 'assessor' });
    expect(JSON.stringify([hbeKept, hbeDropped])).not.toContain(PIDS[0]);
    const merged = await inTenant(db(), { trustId, userId: by }, (tx) =>
      tx
        .select({ userId: roleAssignmentEvents.userId, actorId: roleAssignmentEvents.actorId })
        .from(roleAssignmentEvents)
        .where(
          and(
            eq(roleAssignmentEvents.trustId, trustId),
            inArray(roleAssignmentEvents.action, ['mergedFrom', 'mergedInto']),
          ),
        ),
    );
    expect(merged).toEqual(
      expect.arrayContaining([
        { userId: b, actorId: a },
        { userId: a, actorId: b },
      ]),
    );
    // No role is granted to the dropped user again.
    await expect(
      grantRole(db(), hbe.trustAdmin, a, { role: 'decisionMaker', departmentId: null }),
    ).rejects.toBeInstanceOf(CaseError);

    // She signs in with the roles of both trusts.
    const setCookie = await auth().login(b);
    expect(setCookie).not.toBeNull();
  });

  it('keeps the one who has logged in before, in the same trust, and drops a role both held', async () => {
    const { a, b, hprNumber, person } = await twice(
      PIDS[1],
      hbe.trustAdmin,
      hbe.trustAdmin,
      'decisionMaker',
    );
    await grantRole(db(), hbe.trustAdmin, b, { role: 'assessor', departmentId: null });
    // Added by identity number, she has logged in (without an HPR number, say) before.
    expect(await auth().login(a)).not.toBeNull();

    expect(await match(person)).toEqual({ userId: a });
    expect(await user(a)).toMatchObject({
      hprNumber,
      pidHash: pidHash(PID_SECRET, PIDS[1]),
      mergedInto: null,
    });
    expect(await user(b)).toMatchObject({ hprNumber: null, pidHash: null, mergedInto: a });
    expect(await rolesOf(b)).toEqual([]);
    expect(await rolesOf(a)).toEqual(
      [`${hbe.trustAdmin.trustId}:assessor`, `${hbe.trustAdmin.trustId}:decisionMaker`].sort(),
    );
    const listed = await listTrustPeople(db(), hbe.trustAdmin);
    expect(listed.map((p) => p.id)).toContain(a);
    expect(listed.map((p) => p.id)).not.toContain(b);
    const page = await getTrustPerson(db(), hbe.trustAdmin, a);
    expect(page.person).toMatchObject({ hprNumber, hasPid: true });
    expect(
      page.history
        .filter((h) => h.action === 'mergedFrom')
        .map((h) => h.role)
        .sort(),
    ).toEqual(['assessor', 'decisionMaker']);
  });

  it('refuses, and changes nothing, when both have logged in: a refusal of its own for the administrator', async () => {
    const { a, b, person } = await twice(PIDS[2], hbe.trustAdmin, ous.trustAdmin);
    expect(await auth().login(a)).not.toBeNull();
    expect(await auth().login(b)).not.toBeNull();
    const before = await snapshot([a, b]);

    const refused = await match(person);
    expect(refused).toEqual({ userId: null, refusal: 'duplicatePerson', userIds: [b, a] });
    expect(await snapshot([a, b])).toEqual(before);
    expect((await inApp(db(), (tx) => matchPerson(tx, person, PID_SECRET))).userId).toBeNull();

    // What the login records: the refusal on both users, each in their trust.
    if (refused.userId !== null || refused.refusal !== 'duplicatePerson')
      throw new Error('not refused as a duplicate person');
    await recordLoginRefusal(db(), refused.refusal, person.hprNumber, refused.userIds);
    const [inHbe] = await inTenant(
      db(),
      { trustId: hbe.trustAdmin.trustId, userId: hbe.trustAdmin.userId },
      (tx) => listAuthEvents(tx, hbe.trustAdmin.trustId, a),
    );
    expect(inHbe).toMatchObject({ kind: 'loginRefused', refusal: 'duplicatePerson' });
    const [inOus] = await inTenant(
      db(),
      { trustId: ous.trustAdmin.trustId, userId: ous.trustAdmin.userId },
      (tx) => listAuthEvents(tx, ous.trustAdmin.trustId, b),
    );
    expect(inOus).toMatchObject({ kind: 'loginRefused', refusal: 'duplicatePerson' });
  });

  it('refuses, and changes nothing, when the one known by identity number has another HPR number', async () => {
    const { a, b, person } = await twice(PIDS[3], hbe.trustAdmin, ous.trustAdmin);
    const otherHpr = String(hprCounter++);
    await db().update(users).set({ hprNumber: otherHpr }).where(eq(users.id, a));
    const before = await snapshot([a, b]);
    expect(await match(person)).toEqual({ userId: null, refusal: 'unknownUser' });
    expect(await snapshot([a, b])).toEqual(before);
  });

  it('joins nothing when the identifiers do not name two users known by one identifier each', async () => {
    const { a, b, hprNumber, person } = await twice(PIDS[4], hbe.trustAdmin, hbe.trustAdmin);
    const hash = pidHash(PID_SECRET, person.pid);
    // Called for an HPR number whose user has no match by the hash (a mistyped call): refused.
    const call = (hpr: string, pid: string) =>
      inApp(db(), (tx) => tx.execute(sql`select * from merge_person(${hpr}, ${pid})`));
    await expect(call(hprNumber, pidHash(PID_SECRET, '01019012480'))).rejects.toThrow();
    // Two logins of hers at once: one joins, the other waits for it and finds the one user.
    expect(await Promise.all([match(person), match(person)])).toEqual([
      { userId: b },
      { userId: b },
    ]);
    // Joined once, the same identifiers name one user: another call answers with it, changing
    // nothing.
    const before = await snapshot([a, b]);
    const again = await call(hprNumber, hash);
    expect(JSON.stringify(again)).toContain(b);
    expect(await snapshot([a, b])).toEqual(before);
    expect(await user(a)).toMatchObject({ mergedInto: b });
  });
});
