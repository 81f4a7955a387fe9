import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, inTenant, type Database } from '../../db/database.server';
import { demoHprNumber } from '../../db/seed.server';
import { departments, roleAssignments, users } from '../../db/schema';
import {
  completeAnswers,
  cookiePair,
  demoActors,
  requestWithCookie,
  TEST_SECRETS,
} from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { refusal, sqlState } from '../../test/refusals';
import { createAuth, listDemoUsers } from '../auth/auth.server';
import { hasRole, type Actor } from '../auth/domain/roles';
import { matchPerson, pidHash } from '../auth/oidc.server';
import { createDraft } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import type { PersonInput } from './domain/people';
import {
  addPerson,
  createDepartment,
  getTrustPerson,
  grantRole,
  listDepartments,
  listTrustPeople,
  removeDepartment,
  renameDepartment,
  revokeRole,
} from './trust-admin.server';

/** What keys identity number hashes here, and in HelseID's login below. */
const PID_SECRET = 'test-pid-secret-0123456789abcdef0123';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];

describe.each(TEST_DATABASES)('trust administration on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  let hprCounter = 5_500_000;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  const db = () => database.db;
  const auth = () => createAuth(db(), { secrets: TEST_SECRETS, secure: false });
  const nextHpr = () => String(hprCounter++);
  const hpr = (hprNumber: string) => ({ kind: 'hpr', hprNumber }) as const;

  async function newDepartment(admin: Actor, name: string): Promise<string> {
    const created = await createDepartment(db(), admin, { name });
    if (!created.ok) throw new Error(`Department not created: ${JSON.stringify(created.errors)}`);
    return created.id;
  }

  async function newPerson(
    admin: Actor,
    { hprNumber = nextHpr(), ...input }: Partial<PersonInput> & { hprNumber?: string } = {},
  ) {
    const added = await addPerson(
      db(),
      admin,
      {
        name: 'Kari Nordmann',
        title: 'Overlege',
        email: `kari.${hprNumber}@example.test`,
        identity: hpr(hprNumber),
        role: 'assessor',
        departmentId: null,
        ...input,
      },
      PID_SECRET,
    );
    if (!added.ok) throw new Error(`Person not added: ${JSON.stringify(added.errors)}`);
    return added;
  }

  /** Signs the user in through the real session code: the cookie, and the actor it reads. */
  async function session(userId: string) {
    const a = auth();
    const setCookie = await a.login(userId);
    const cookie = cookiePair(setCookie);
    const read = () => a.getActor(requestWithCookie(cookie));
    return { loggedIn: setCookie !== null, read };
  }

  it('adds a person with a department role who can log in at once and start an application', async () => {
    const departmentId = await newDepartment(hbe.trustAdmin, 'Revmatologisk avdeling');
    const hprNumber = nextHpr();
    const added = await newPerson(hbe.trustAdmin, {
      name: 'Siri Vestbø',
      email: 'siri.vestbo@example.test',
      hprNumber,
      role: 'applicant',
      departmentId,
    });
    expect(added.existing).toBe(false);
    const [stored] = await db().select().from(users).where(eq(users.id, added.userId));
    expect(stored).toMatchObject({ name: 'Siri Vestbø', email: 'siri.vestbo@example.test' });

    const people = await listTrustPeople(db(), hbe.trustAdmin);
    expect(people.find((p) => p.id === added.userId)?.roles).toEqual([
      expect.objectContaining({
        role: 'applicant',
        departmentId,
        departmentName: 'Revmatologisk avdeling',
      }),
    ]);
    // The development login lists them; HelseID finds them by the HPR number.
    expect((await listDemoUsers(db())).some((u) => u.id === added.userId)).toBe(true);
    const matched = await inApp(db(), (tx) =>
      matchPerson(tx, { name: 'Siri Vestbø', pid: '15838510075', hprNumber }, PID_SECRET),
    );
    expect(matched.userId).toBe(added.userId);

    const { loggedIn, read } = await session(added.userId);
    expect(loggedIn).toBe(true);
    const actor = await read();
    expect(actor?.trustId).toBe(hbe.trustAdmin.trustId);
    expect(actor?.grants).toEqual([
      { role: 'applicant', trustId: hbe.trustAdmin.trustId, departmentId },
    ]);
    if (!actor) throw new Error('No actor');
    const draft = await createDraft(db(), actor, completeAnswers);
    const [own] = await db()
      .execute(sql`select department_id from cases where id = ${draft.id}`)
      .then(rowsOf);
    expect(own?.department_id).toBe(departmentId);

    const page = await getTrustPerson(db(), hbe.trustAdmin, added.userId);
    expect(page.history).toEqual([
      expect.objectContaining({
        action: 'granted',
        role: 'applicant',
        departmentName: 'Revmatologisk avdeling',
        actorName: hbe.trustAdmin.name,
      }),
    ]);
  });

  it('refuses a taken e-mail for a new HPR number, and reuses the user of a known HPR number', async () => {
    const taken = await addPerson(
      db(),
      hbe.trustAdmin,
      {
        name: 'Ny Person',
        title: '',
        email: 'siri.vestbo@example.test',
        identity: hpr(nextHpr()),
        role: 'assessor',
        departmentId: null,
      },
      PID_SECRET,
    );
    expect(taken).toEqual({ ok: false, errors: { email: 'emailTaken' } });

    // OUS adds HBE's applicant by their HPR number: the same user gets a role in OUS.
    const before = (await db().select({ id: users.id }).from(users)).length;
    const reused = await addPerson(
      db(),
      ous.trustAdmin,
      {
        name: 'Et annet navn',
        title: '',
        email: 'annen.adresse@example.test',
        identity: hpr(demoHprNumber('HBE', 0)),
        role: 'assessor',
        departmentId: null,
      },
      PID_SECRET,
    );
    expect(reused).toEqual({ ok: true, userId: hbe.applicant.userId, existing: true });
    expect((await db().select({ id: users.id }).from(users)).length).toBe(before);
    const [kept] = await db().select().from(users).where(eq(users.id, hbe.applicant.userId));
    expect(kept?.name).toBe(hbe.applicant.name);
    // Each trust sees only its own roles of the shared person.
    const inOus = await getTrustPerson(db(), ous.trustAdmin, hbe.applicant.userId);
    expect(inOus.person.roles.map((r) => r.role)).toEqual(['assessor']);
    const inHbe = await getTrustPerson(db(), hbe.trustAdmin, hbe.applicant.userId);
    expect(inHbe.person.roles.map((r) => r.role)).toEqual(['applicant']);
    expect(inHbe.history).toEqual([]);

    // Adding the same HPR number again with the same role: already held, nothing changes.
    const again = await addPerson(
      db(),
      ous.trustAdmin,
      {
        name: 'x',
        title: '',
        email: 'x@example.test',
        identity: hpr(demoHprNumber('HBE', 0)),
        role: 'assessor',
        departmentId: null,
      },
      PID_SECRET,
    );
    expect(again).toEqual({ ok: false, errors: { role: 'alreadyHeld' } });
  });

  it('adds someone without an HPR number by identity number: only its hash is kept, and HelseID knows them by it', async () => {
    const pid = '15038510190';
    const byPid = (admin: Actor, email: string) =>
      addPerson(
        db(),
        admin,
        {
          name: 'Eva Økonom',
          title: 'Økonom',
          email,
          identity: { kind: 'pid', pid },
          role: 'assessor',
          departmentId: null,
        },
        PID_SECRET,
      );
    const added = await byPid(hbe.trustAdmin, 'eva.okonom@example.test');
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    expect(added.existing).toBe(false);
    const [stored] = await db().select().from(users).where(eq(users.id, added.userId));
    expect(stored).toMatchObject({ hprNumber: null, pidHash: pidHash(PID_SECRET, pid) });
    // The number itself is nowhere in the row, nor in the role history.
    expect(JSON.stringify(stored)).not.toContain(pid);
    const page = await getTrustPerson(db(), hbe.trustAdmin, added.userId);
    expect(JSON.stringify(page)).not.toContain(pid);
    expect(page.person).toMatchObject({ hprNumber: null, hasPid: true });

    // HelseID sends no HPR number for her; the login finds her by the hash of the identity number.
    const login = { name: 'Eva Økonom', pid, hprNumber: null };
    expect((await inApp(db(), (tx) => matchPerson(tx, login, PID_SECRET))).userId).toBe(
      added.userId,
    );

    // Another trust adding the same identity number reaches the same person, not a second one.
    const before = (await db().select({ id: users.id }).from(users)).length;
    const reused = await byPid(ous.trustAdmin, 'annen.adresse.eva@example.test');
    expect(reused).toEqual({ ok: true, userId: added.userId, existing: true });
    expect((await db().select({ id: users.id }).from(users)).length).toBe(before);

    // A person known by HPR number who has logged in is found by their identity number too.
    const doctor = await newPerson(hbe.trustAdmin, { role: 'assessor' });
    const doctorPid = '01019012480';
    const [doctorRow] = await db().select().from(users).where(eq(users.id, doctor.userId));
    expect(
      (
        await inApp(db(), (tx) =>
          matchPerson(
            tx,
            { name: 'Kari', pid: doctorPid, hprNumber: doctorRow?.hprNumber ?? null },
            PID_SECRET,
          ),
        )
      ).userId,
    ).toBe(doctor.userId);
    const doctorByPid = await addPerson(
      db(),
      ous.trustAdmin,
      {
        name: 'x',
        title: '',
        email: 'x.doctor@example.test',
        identity: { kind: 'pid', pid: doctorPid },
        role: 'assessor',
        departmentId: null,
      },
      PID_SECRET,
    );
    expect(doctorByPid).toEqual({ ok: true, userId: doctor.userId, existing: true });
    const listed = await listTrustPeople(db(), hbe.trustAdmin);
    expect(listed.find((p) => p.id === doctor.userId)).toMatchObject({ hasPid: true });
    expect(listed.find((p) => p.id === hbe.applicant.userId)).toMatchObject({ hasPid: false });
  });

  it('grants and revokes; a revoked role stops working at the next request', async () => {
    const person = await newPerson(hbe.trustAdmin, { role: 'assessor' });
    const { read } = await session(person.userId);
    expect(hasRole((await read()) as Actor, 'assessor')).toBe(true);

    expect(
      await grantRole(db(), hbe.trustAdmin, person.userId, {
        role: 'decisionMaker',
        departmentId: null,
      }),
    ).toEqual({ ok: true });
    expect(
      await grantRole(db(), hbe.trustAdmin, person.userId, {
        role: 'decisionMaker',
        departmentId: null,
      }),
    ).toEqual({ ok: false, errors: { role: 'alreadyHeld' } });
    const ousDepartment = (await listDepartments(db(), ous.trustAdmin))[0]?.id ?? '';
    expect(
      await grantRole(db(), hbe.trustAdmin, person.userId, {
        role: 'endorser',
        departmentId: ousDepartment,
      }),
    ).toEqual({ ok: false, errors: { departmentId: 'departmentUnknown' } });
    expect(hasRole((await read()) as Actor, 'decisionMaker')).toBe(true);

    const page = await getTrustPerson(db(), hbe.trustAdmin, person.userId);
    const assessor = page.person.roles.find((r) => r.role === 'assessor');
    expect(await revokeRole(db(), hbe.trustAdmin, person.userId, assessor?.id ?? '')).toEqual({
      ok: true,
    });
    const after = await read();
    expect(after && hasRole(after, 'assessor')).toBe(false);
    expect(after && hasRole(after, 'decisionMaker')).toBe(true);

    const history = (await getTrustPerson(db(), hbe.trustAdmin, person.userId)).history;
    expect(history.map((h) => `${h.action} ${h.role}`)).toEqual([
      'revoked assessor',
      'granted decisionMaker',
      'granted assessor',
    ]);
    // Revoking the same assignment again: it is gone.
    expect(await refuse(revokeRole(db(), hbe.trustAdmin, person.userId, assessor?.id ?? ''))).toBe(
      'notFound',
    );

    // A person whose every role was revoked keeps their page (the history) in this trust.
    const dm = (await getTrustPerson(db(), hbe.trustAdmin, person.userId)).person.roles[0];
    await revokeRole(db(), hbe.trustAdmin, person.userId, dm?.id ?? '');
    const emptied = await getTrustPerson(db(), hbe.trustAdmin, person.userId);
    expect(emptied.person.roles).toEqual([]);
    expect(emptied.history).toHaveLength(4);
    expect((await listTrustPeople(db(), hbe.trustAdmin)).some((p) => p.id === person.userId)).toBe(
      false,
    );
  });

  it("refuses to revoke the trust's last administrator role", async () => {
    const admin = hbe.trustAdmin;
    const own = (await getTrustPerson(db(), admin, admin.userId)).person.roles.find(
      (r) => r.role === 'trustAdmin',
    );
    expect(await revokeRole(db(), admin, admin.userId, own?.id ?? '')).toEqual({
      ok: false,
      errors: { role: 'lastAdmin' },
    });
    const second = await newPerson(admin, { role: 'trustAdmin' });
    const theirs = (await getTrustPerson(db(), admin, second.userId)).person.roles[0];
    expect(theirs?.role).toBe('trustAdmin');
    // With two, one may go (here: the new one); then the last one stays again.
    expect(await revokeRole(db(), admin, second.userId, theirs?.id ?? '')).toEqual({ ok: true });
    expect(await revokeRole(db(), admin, admin.userId, own?.id ?? '')).toEqual({
      ok: false,
      errors: { role: 'lastAdmin' },
    });
    const [count] = await db()
      .execute(
        sql`select count(*)::int as n from role_assignments where trust_id = ${admin.trustId} and role = 'trustAdmin'`,
      )
      .then(rowsOf);
    expect(count?.n).toBe(1);
  });

  it('manages departments: unique names, rename, remove only when empty', async () => {
    const admin = hbe.trustAdmin;
    const id = await newDepartment(admin, 'Lungeavdelingen');
    expect(await createDepartment(db(), admin, { name: 'LUNGEAVDELINGEN' })).toEqual({
      ok: false,
      errors: { name: 'departmentNameTaken' },
    });
    // Another trust may have a department of the same name.
    expect((await createDepartment(db(), ous.trustAdmin, { name: 'Lungeavdelingen' })).ok).toBe(
      true,
    );
    const other = await newDepartment(admin, 'Hjerteavdelingen');
    expect(
      await renameDepartment(db(), admin, other, { name: 'lungeavdelingen', version: 1 }),
    ).toEqual({
      ok: false,
      errors: { name: 'departmentNameTaken' },
    });
    expect(
      await renameDepartment(db(), admin, other, { name: 'Hjerteklinikken', version: 1 }),
    ).toEqual({
      ok: true,
    });
    const listed = await listDepartments(db(), admin);
    expect(listed.map((d) => d.name)).toContain('Hjerteklinikken');

    // In use: a role assignment in it.
    const person = await newPerson(admin, { role: 'endorser', departmentId: id });
    expect(await removeDepartment(db(), admin, id, 1)).toEqual({
      ok: false,
      errors: { name: 'departmentInUse' },
    });
    // In use: the demo department with cases.
    const withCases = listed.find((d) => d.cases > 0 || d.roles > 0);
    if (withCases) {
      expect((await removeDepartment(db(), admin, withCases.id, withCases.version)).ok).toBe(false);
    }
    const role = (await getTrustPerson(db(), admin, person.userId)).person.roles[0];
    await revokeRole(db(), admin, person.userId, role?.id ?? '');
    expect(await removeDepartment(db(), admin, id, 1)).toEqual({ ok: true });
    expect(await removeDepartment(db(), admin, other, 2)).toEqual({ ok: true });
    expect((await listDepartments(db(), admin)).some((d) => d.id === id)).toBe(false);
    // The history keeps the department's name.
    const history = (await getTrustPerson(db(), admin, person.userId)).history;
    expect(history.map((h) => h.departmentName)).toEqual(['Lungeavdelingen', 'Lungeavdelingen']);
  });

  it('two at once (a double click, two administrators): one department, one person, a role or a removal; never a database error', async () => {
    const admin = hbe.trustAdmin;
    const [first, second] = await Promise.all([
      createDepartment(db(), admin, { name: 'Øyeavdelingen' }),
      createDepartment(db(), admin, { name: 'øyeavdelingen' }),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toEqual({
      ok: false,
      errors: { name: 'departmentNameTaken' },
    });
    const named = (await listDepartments(db(), admin)).filter(
      (d) => d.name.toLowerCase() === 'øyeavdelingen',
    );
    expect(named).toHaveLength(1);

    const hprNumber = nextHpr();
    const person: PersonInput = {
      name: 'Per Dobbel',
      title: 'Overlege',
      email: `per.${hprNumber}@example.test`,
      identity: hpr(hprNumber),
      role: 'assessor',
      departmentId: null,
    };
    const added = await Promise.all([
      addPerson(db(), admin, person, PID_SECRET),
      addPerson(db(), admin, person, PID_SECRET),
    ]);
    // The second finds the first one's user, who holds the role already.
    expect(added.map((a) => a.ok).sort()).toEqual([false, true]);
    expect(added.find((a) => !a.ok)).toEqual({ ok: false, errors: { role: 'alreadyHeld' } });
    const [row] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.hprNumber, hprNumber));
    expect(row?.n).toBe(1);

    // A role in a department granted while the department is removed: one of them is refused.
    const department = named[0];
    if (!department) throw new Error('No department');
    const userId = added.find((a) => a.ok && 'userId' in a)?.userId ?? '';
    const [granted, removed] = await Promise.all([
      grantRole(db(), admin, userId, { role: 'endorser', departmentId: department.id }),
      removeDepartment(db(), admin, department.id, department.version),
    ]);
    expect([granted.ok, removed.ok].sort()).toEqual([false, true]);
    if (granted.ok) expect(removed).toEqual({ ok: false, errors: { name: 'departmentInUse' } });
    else expect(granted).toEqual({ ok: false, errors: { departmentId: 'departmentUnknown' } });
  });

  it('renames and removes a department as a compare-and-set: a stale form changes nothing', async () => {
    const admin = hbe.trustAdmin;
    const id = await newDepartment(admin, 'Avdeling for samtidighet');
    const stored = async () => (await listDepartments(db(), admin)).find((d) => d.id === id);
    expect(await stored()).toMatchObject({ name: 'Avdeling for samtidighet', version: 1 });
    // Two tabs rename the department from the same form (version 1): the first wins.
    expect(await renameDepartment(db(), admin, id, { name: 'Samtidighet A', version: 1 })).toEqual({
      ok: true,
    });
    expect(await renameDepartment(db(), admin, id, { name: 'Samtidighet B', version: 1 })).toEqual({
      ok: false,
      errors: { name: 'departmentChanged' },
    });
    // A form without a version is refused the same way.
    expect(
      await renameDepartment(db(), admin, id, { name: 'Samtidighet B', version: null }),
    ).toEqual({ ok: false, errors: { name: 'departmentChanged' } });
    // Stale and with a name that is taken: the conflict is what the person must see first.
    await newDepartment(admin, 'Samtidighet C');
    expect(await renameDepartment(db(), admin, id, { name: 'Samtidighet C', version: 1 })).toEqual({
      ok: false,
      errors: { name: 'departmentChanged' },
    });
    expect(await stored()).toMatchObject({ name: 'Samtidighet A', version: 2 });
    // A stale removal leaves the renamed department; from the stored version it goes.
    expect(await removeDepartment(db(), admin, id, 1)).toEqual({
      ok: false,
      errors: { name: 'departmentChangedNotRemoved' },
    });
    expect(await removeDepartment(db(), admin, id, null)).toEqual({
      ok: false,
      errors: { name: 'departmentChangedNotRemoved' },
    });
    expect(await stored()).toMatchObject({ name: 'Samtidighet A', version: 2 });
    // Renamed again against the stored version, the second tab's name is kept.
    expect(await renameDepartment(db(), admin, id, { name: 'Samtidighet B', version: 2 })).toEqual({
      ok: true,
    });
    expect(await stored()).toMatchObject({ name: 'Samtidighet B', version: 3 });
    expect(await removeDepartment(db(), admin, id, 3)).toEqual({ ok: true });
    expect(await stored()).toBeUndefined();
  });

  it("refuses everyone but the trust's own administrator", async () => {
    const person = await newPerson(hbe.trustAdmin);
    const role = (await getTrustPerson(db(), hbe.trustAdmin, person.userId)).person.roles[0];
    const hbeDepartment = (await listDepartments(db(), hbe.trustAdmin))[0]?.id ?? '';
    // Another trust's administrator: the person and the department are not found.
    const stranger = ous.trustAdmin;
    expect(await refuse(getTrustPerson(db(), stranger, person.userId))).toBe('notFound');
    expect(
      await refuse(
        grantRole(db(), stranger, person.userId, { role: 'assessor', departmentId: null }),
      ),
    ).toBe('notFound');
    expect(await refuse(revokeRole(db(), stranger, person.userId, role?.id ?? ''))).toBe(
      'notFound',
    );
    expect(
      await refuse(renameDepartment(db(), stranger, hbeDepartment, { name: 'Ny', version: 1 })),
    ).toBe('notFound');
    expect(await refuse(removeDepartment(db(), stranger, hbeDepartment, 1))).toBe('notFound');
    expect((await listTrustPeople(db(), stranger)).some((p) => p.id === person.userId)).toBe(false);
    expect((await listDepartments(db(), stranger)).some((d) => d.id === hbeDepartment)).toBe(false);
    // Anyone else of the trust: forbidden.
    for (const actor of [hbe.decisionMaker, hbe.applicant, hbe.nationalReader]) {
      expect(await refuse(listTrustPeople(db(), actor))).toBe('forbidden');
      expect(await refuse(listDepartments(db(), actor))).toBe('forbidden');
      expect(await refuse(createDepartment(db(), actor, { name: 'X' }))).toBe('forbidden');
      expect(
        await refuse(
          addPerson(
            db(),
            actor,
            {
              name: 'X',
              title: '',
              email: 'x@x.test',
              identity: hpr(nextHpr()),
              role: 'trustAdmin',
              departmentId: null,
            },
            PID_SECRET,
          ),
        ),
      ).toBe('forbidden');
      expect(await refuse(revokeRole(db(), actor, person.userId, role?.id ?? ''))).toBe(
        'forbidden',
      );
    }
    expect((await getTrustPerson(db(), hbe.trustAdmin, person.userId)).person.roles).toHaveLength(
      1,
    );
  });

  it("in SQL as the app role: another trust reads role assignments but changes none of this trust's", async () => {
    const home = hbe.trustAdmin.trustId;
    const stranger = { trustId: ous.trustAdmin.trustId, userId: ous.trustAdmin.userId };
    const run = (statement: string) =>
      inTenant(db(), stranger, async (tx) => rowsOf(await tx.execute(sql.raw(statement))));
    const where = `where trust_id = '${home}'`;
    // Reads stay open: sign-in and case pages read them before or without the trust.
    expect((await run(`select id from role_assignments ${where}`)).length).toBeGreaterThan(0);
    expect((await run(`select id from departments ${where}`)).length).toBeGreaterThan(0);
    for (const table of ['role_assignments', 'departments']) {
      expect(await run(`update ${table} set trust_id = trust_id ${where} returning 1`)).toEqual([]);
      expect(await run(`delete from ${table} ${where} returning 1`)).toEqual([]);
    }
    expect(
      await sqlState(
        run(
          `insert into role_assignments (user_id, trust_id, role) values ('${ous.applicant.userId}', '${home}', 'trustAdmin')`,
        ),
      ),
    ).toBe('42501');
    expect(
      await sqlState(
        run(`insert into departments (trust_id, name) values ('${home}', 'Innbrudd')`),
      ),
    ).toBe('42501');
    // Unbound (no trust): no change at all.
    const unbound = await inApp(db(), (tx) =>
      tx
        .update(roleAssignments)
        .set({ role: 'trustAdmin' })
        .where(eq(roleAssignments.trustId, home))
        .returning({ id: roleAssignments.id }),
    );
    expect(unbound).toEqual([]);
    expect(
      await inApp(db(), (tx) =>
        tx
          .delete(departments)
          .where(eq(departments.trustId, home))
          .returning({ id: departments.id }),
      ),
    ).toEqual([]);
    // The grant history: invisible to another trust, append-only for the home trust.
    expect(await run(`select id from role_assignment_events ${where}`)).toEqual([]);
    const own = { trustId: home, userId: hbe.trustAdmin.userId };
    const asHome = (statement: string) =>
      inTenant(db(), own, async (tx) => rowsOf(await tx.execute(sql.raw(statement))));
    expect((await asHome(`select id from role_assignment_events`)).length).toBeGreaterThan(0);
    expect(await sqlState(asHome(`update role_assignment_events set role = 'x'`))).toBe('42501');
    expect(await sqlState(asHome(`delete from role_assignment_events`))).toBe('42501');
  });
});
