import type { DemoUserInTrust } from './domain/demo-login';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { data, redirect } from 'react-router';
import { inApp, inTenant, type AppReads, type Db, type Tx } from '../../db/database.server';
import { departments, roleAssignments, sessions, trusts, users } from '../../db/schema';
import { isRole, type ActingTrust, type Actor, type RoleGrant } from './domain/roles';
import { checkTrustChoice, grantsIn, trustAtLogin, type TrustChoiceRefusal } from './domain/trusts';
import { sessionRef, sessionTimeout, trustChangeTrusts, type LoginMethod } from './domain/events';
import { grantTrustIds, recordAuthEvent, recordInTrusts, recordSessionEnds } from './events.server';
import { signedCookie } from './signed-cookie.server';
import { loginPath, returnPathOf, withReturnPath } from './domain/return-path';
import { loggedOutEcho } from './posted-form.server';

export interface SessionTimeouts {
  /** A session unused this long ends (sliding). */
  idleMinutes: number;
  /** A session ends this long after login, however busy. */
  absoluteHours: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = { idleMinutes: 30, absoluteHours: 12 };

/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface AuthConfig {
  /** Secrets that sign the session cookie; the first signs, all verify (for rotation). */
  secrets: string[];
  /** Send the cookie over HTTPS only. */
  secure: boolean;
  timeouts?: SessionTimeouts;
  /** The clock (tests inject one). */
  now?: () => Date;
  /**
   * Where the session is read when nothing else shares its unit of work (the database's
   * `readAsApp`: one statement on PostgreSQL). Without it, in an `inApp` transaction.
   */
  readAsApp?: AppReads;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The chooser of the active trust (ADR 0026): where a session without a trust is sent. */
const CHOOSE_TRUST_PATH = '/velg-helseforetak';

/** The page to return to after login or the trust choice (`returnPathOf`). */
const returnPath = (request: Request) =>
  returnPathOf(request.method, new URL(request.url), request.headers.get('Referer'));

/** The trust chooser, asked to send the user on to `returnTo` (when that is a safe path). */
const choosePath = (returnTo: string | null) => withReturnPath(CHOOSE_TRUST_PATH, returnTo);

/** Who a session belongs to, with or without a chosen trust. */
export interface SignedIn {
  userId: string;
  name: string;
  /** Every trust the user holds a role in, by name. */
  trusts: ActingTrust[];
  /** The trust the session acts in; null until a user with several has chosen one. */
  trustId: string | null;
}

/**
 * A session: who is signed in, and the actor in the session's trust (null while a user with roles
 * in several trusts has not chosen one).
 */
interface Session {
  signedIn: SignedIn;
  actor: Actor | null;
}

/** Why choosing a trust failed: no role there, or no live session to choose in. */
export type TrustChoiceFailure = TrustChoiceRefusal | 'signedOut';

/** The result of choosing (or switching) trust: the new session's cookie, or why not. */
export type TrustChoiceResult =
  { ok: true; setCookie: string } | { ok: false; refusal: TrustChoiceFailure };

/** Server-side sessions in a table; the cookie holds only a random token, signed and httpOnly. */
export function createAuth(db: Db, config: AuthConfig) {
  const { idleMinutes, absoluteHours } = config.timeouts ?? DEFAULT_TIMEOUTS;
  const idleMs = idleMinutes * 60_000;
  const absoluteMs = absoluteHours * 3_600_000;
  const now = config.now ?? (() => new Date());
  const reads: AppReads = config.readAsApp ?? ((fn) => inApp(db, fn));
  const cookie = signedCookie('sp_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secure,
    path: '/',
    maxAge: absoluteMs / 1000,
    secrets: config.secrets,
  });

  /** The session token from the request's signed cookie (checked synchronously), or null. */
  function readToken(request: Request): string | null {
    const value = cookie.parse(request.headers.get('Cookie'));
    return typeof value === 'string' && value.length > 0 ? value : null;
  }

  /**
   * The session's row per role grant, built once per database handle and prepared under a name
   * (parsed and planned once per connection): the app role's pool that `readAsApp` hands out is
   * the same handle on every request; a transaction is a new one each time.
   */
  const sessionReads = new WeakMap<Db, ReturnType<typeof buildSessionRead>>();
  function sessionRead(q: Db) {
    const known = sessionReads.get(q);
    if (known) return known;
    const built = buildSessionRead(q);
    sessionReads.set(q, built);
    return built;
  }

  /** Whether a session is past its absolute end or idle too long at `at`. */
  const ended = (row: { expiresAt: Date; lastSeenAt: Date }, at: Date) =>
    sessionTimeout(row, idleMs).at <= at;

  /** The sessions past their absolute end or idle too long at `at` (as `ended`, in SQL). */
  const timedOut = (at: Date) =>
    or(lte(sessions.expiresAt, at), lte(sessions.lastSeenAt, new Date(at.getTime() - idleMs)));

  /**
   * Deletes the sessions `where` picks and records each one's end in `auth_events`
   * (`sessionEnded`: idle, absolute, or replaced if it was still live at `at`), in `tx`.
   */
  async function endSessions(tx: Db | Tx, where: SQL | undefined, at: Date): Promise<void> {
    const gone = await tx.delete(sessions).where(where).returning({
      id: sessions.id,
      userId: sessions.userId,
      trustId: sessions.trustId,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    });
    await recordSessionEnds(tx, gone, at, idleMs);
  }

  /**
   * The session read through `tx` (a transaction, or the app role's connections), or null. A
   * session past its absolute end or idle too long is ended, its end recorded in `auth_events`
   * in the same transaction; an active one has `last_seen_at` moved forward (at most once a
   * minute). The session, its user, trust and role grants come in one query (one row per grant).
   * The actor carries only the grants of the session's trust; a session without a trust (not
   * chosen yet, ADR 0026) has no actor.
   */
  async function sessionIn(tx: Db, token: string): Promise<Session | null> {
    const id = hashToken(token);
    const at = now();
    const rows = await sessionRead(tx).execute({ id });
    const [row] = rows;
    if (!row) return null;
    const { userId, trustId, trustName, name } = row;
    if (ended(row, at)) {
      await tx.transaction((t) => endSessions(t, and(eq(sessions.id, id), timedOut(at)), at));
      return null;
    }
    if (at.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    }
    const allGrants: RoleGrant[] = [];
    const trustNames = new Map<string, string>();
    for (const r of rows) {
      if (r.role === null || r.grantTrustId === null || !isRole(r.role)) continue;
      allGrants.push({ role: r.role, trustId: r.grantTrustId, departmentId: r.departmentId });
      trustNames.set(r.grantTrustId, r.grantTrustName ?? '');
    }
    const trusts = [...trustNames].map(([tid, tname]) => ({ id: tid, name: tname }));
    trusts.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    const signedIn: SignedIn = { userId, name, trusts, trustId };
    if (trustId === null || trustName === null) return { actor: null, signedIn };
    const grants = grantsIn(allGrants, trustId);
    return { actor: { userId, trustId, trustName, name, grants, trusts }, signedIn };
  }

  /**
   * The functions below for one memo of actors: `forRequest()` gives each HTTP request its own,
   * the plain functions memoise per `Request` object.
   */
  const withMemo = (actors: ActorMemo) => {
    /**
     * The signed-in actor (`actor`, see `getActor`), and `then(tx, actor)` run after it in a
     * transaction bound to the actor's trust (`value`, null when nobody is signed in): the
     * header's unread count. The session is read on its own (one statement on PostgreSQL), so a
     * page loader waiting for the actor waits for neither the count nor a begin before the read.
     */
    function readActorWith<T>(
      request: Request,
      then: (tx: Tx, actor: Actor) => Promise<T>,
    ): { actor: Promise<Actor | null>; value: Promise<T | null> } {
      const actor = getActor(request);
      const value = actor.then((found) =>
        found ? inTenant(db, found, (tx) => then(tx, found)) : null,
      );
      return { actor, value };
    }

    /** The request's session, read once per memo (see `withMemo`). */
    function reading(request: Request): SessionReading {
      const known = actors.get(request);
      if (known) return known;
      const token = readToken(request);
      const read: SessionReading = {
        session: token ? reads((q) => sessionIn(q, token)) : Promise.resolve(null),
        actor: null,
      };
      actors.set(request, read);
      return read;
    }

    /**
     * The signed-in actor; null when nobody is signed in or the trust is not chosen yet. Derived
     * from the session on first use (so a failed read rejects only where it is awaited), then
     * the same promise for the memo's life.
     */
    function getActor(request: Request): Promise<Actor | null> {
      const read = reading(request);
      read.actor ??= read.session.then((s) => s?.actor ?? null);
      return read.actor;
    }

    /** Who is signed in, with or without a chosen trust (the chooser and the header). */
    async function getSignedIn(request: Request): Promise<SignedIn | null> {
      return (await reading(request).session)?.signedIn ?? null;
    }

    /**
     * The signed-in actor, or a redirect: to the login page when nobody is signed in, to the
     * chooser when the user has roles in several trusts and has not chosen one yet; either is
     * asked to come back to the page the request came from. A resource route that only takes posts names the
     * page to come back to (`returnTo`), since a GET of its own address shows nothing.
     *
     * A form posted to a page with text typed in it (or a file chosen) is not redirected, which
     * would lose the text: it is answered 401 with the post's own fields (`LoggedOutPost`), which
     * the root error boundary shows with a login link and «Send på nytt» (ADR 0036). Nothing is
     * read for it but the request's body. A resource route (`returnTo`) has no page to show it.
     */
    async function requireActor(
      request: Request,
      options: { returnTo?: string } = {},
    ): Promise<Actor> {
      const session = await reading(request).session;
      if (session?.actor) return session.actor;
      const back = options.returnTo ?? returnPath(request);
      const signIn = session ? choosePath(back) : loginPath(back);
      if (options.returnTo === undefined) {
        const echo = await loggedOutEcho(request, { signIn, chooseTrust: session !== null });
        if (echo) throw data(echo, { status: 401 });
      }
      throw redirect(signIn);
    }

    /** Who is signed in (trust chosen or not), or a redirect to the login page. */
    async function requireSignedIn(request: Request): Promise<SignedIn> {
      const signedIn = await getSignedIn(request);
      if (!signedIn) throw redirect(loginPath(returnPath(request)));
      return signedIn;
    }

    /**
     * `fn` for the signed-in actor as the app role with no trust bound (`readAsApp`: statements of
     * their own on PostgreSQL), or a redirect to the login page: for a search.
     */
    async function requireActorWith<T>(
      request: Request,
      fn: (db: Db, actor: Actor) => Promise<T>,
    ): Promise<T> {
      const actor = await requireActor(request);
      return reads((q) => fn(q, actor));
    }

    /**
     * Starts a session for a user; returns the Set-Cookie header value (null: no such user, or
     * no roles). With roles in one trust the session acts there; with roles in several it has no
     * trust until the user chooses one (`chooseTrust`, ADR 0026). The session id is always new: a
     * session the login request still carries is ended first, so a planted or old id never
     * becomes a signed-in one (session fixation). The login is recorded in `auth_events` with its
     * method, in the session's trust (or each of the user's trusts until one is chosen), in the
     * same transaction, as is the end of every session deleted here: the one the request carried
     * (replaced, or timed out) and every timed-out one (of any user) the login sweeps away.
     * `method` is how the person was identified: HelseID passes `helseid`; the development login
     * (and the tests) the default.
     */
    async function login(
      userId: string,
      request?: Request,
      method: LoginMethod = 'development',
    ): Promise<string | null> {
      const previous = request ? readToken(request) : null;
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const created = await inApp(db, async (tx) => {
        if (previous) await endSessions(tx, eq(sessions.id, hashToken(previous)), at);
        const grants = await tx
          .select({ trustId: roleAssignments.trustId })
          .from(roleAssignments)
          .where(eq(roleAssignments.userId, userId));
        if (grants.length === 0) return false;
        await endSessions(tx, timedOut(at), at);
        const id = hashToken(token);
        const trustId = trustAtLogin(grants);
        await tx.insert(sessions).values({
          id,
          userId,
          trustId,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(at.getTime() + absoluteMs),
        });
        await recordInTrusts(
          tx,
          { kind: 'login', userId, method, sessionRef: sessionRef(id) },
          trustId,
          grants.map((g) => g.trustId),
        );
        return true;
      });
      return created ? cookie.serialize(token) : null;
    }

    /**
     * Chooses (or switches) the trust the signed-in user acts in, to one they hold a role in:
     * the session is rotated, a new id with the trust replacing the old one (ended, and recorded
     * as `sessionEnded` for its reference, in the trusts its login was recorded in), which keeps
     * its absolute end. The new row records the choice: `trust_chosen_at` and, on a switch,
     * `previous_trust_id` (ADR 0026). A refused choice changes nothing. Two choices racing on one
     * session: only the first ends it (compare-and-set on the delete); the other is signed out.
     * The change (from → to) is recorded in `auth_events` in the new trust and the one left.
     */
    async function chooseTrust(request: Request, trustId: string): Promise<TrustChoiceResult> {
      const token = readToken(request);
      if (!token) return { ok: false, refusal: 'signedOut' };
      const id = hashToken(token);
      const next = randomBytes(32).toString('base64url');
      const at = now();
      const refusal = await inApp(db, async (tx): Promise<TrustChoiceFailure | null> => {
        const [current] = await tx
          .select({
            userId: sessions.userId,
            trustId: sessions.trustId,
            expiresAt: sessions.expiresAt,
            lastSeenAt: sessions.lastSeenAt,
          })
          .from(sessions)
          .where(eq(sessions.id, id));
        if (!current || ended(current, at)) return 'signedOut';
        const grants = await tx
          .select({ trustId: roleAssignments.trustId })
          .from(roleAssignments)
          .where(eq(roleAssignments.userId, current.userId));
        const check = checkTrustChoice(grants, trustId);
        if (!check.ok) return check.refusal;
        const gone = await tx
          .delete(sessions)
          .where(eq(sessions.id, id))
          .returning({ id: sessions.id });
        if (gone.length === 0) return 'signedOut';
        await recordSessionEnds(tx, [{ id, ...current }], at, idleMs, 'trustChanged');
        const nextId = hashToken(next);
        await tx.insert(sessions).values({
          id: nextId,
          userId: current.userId,
          trustId: check.trustId,
          trustChosenAt: at,
          previousTrustId: current.trustId,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: current.expiresAt,
        });
        for (const trustId of trustChangeTrusts(current.trustId, check.trustId)) {
          await recordAuthEvent(tx, {
            kind: 'trustChanged',
            userId: current.userId,
            trustId,
            fromTrustId: current.trustId,
            toTrustId: check.trustId,
            sessionRef: sessionRef(nextId),
          });
        }
        return null;
      });
      return refusal ? { ok: false, refusal } : { ok: true, setCookie: cookie.serialize(next) };
    }

    /**
     * Ends the session; returns the Set-Cookie header value that clears the cookie. A session that
     * was still there is recorded as a logout in `auth_events` (its trust, or each of the user's
     * trusts when none was chosen), in the transaction that ends it.
     */
    async function logout(request: Request): Promise<string> {
      const token = readToken(request);
      if (token) {
        await inApp(db, async (tx) => {
          const gone = await tx
            .delete(sessions)
            .where(eq(sessions.id, hashToken(token)))
            .returning({ id: sessions.id, userId: sessions.userId, trustId: sessions.trustId });
          for (const session of gone) {
            const grants = session.trustId === null ? await grantTrustIds(tx, session.userId) : [];
            await recordInTrusts(
              tx,
              { kind: 'logout', userId: session.userId, sessionRef: sessionRef(session.id) },
              session.trustId,
              grants,
            );
          }
        });
      }
      return cookie.serialize('', { maxAge: 0 });
    }

    return {
      getActor,
      getSignedIn,
      readActorWith,
      requireActor,
      requireSignedIn,
      requireActorWith,
      login,
      chooseTrust,
      logout,
    };
  };

  return {
    ...withMemo(perRequestObject()),
    /**
     * The same functions with one actor memo for a whole HTTP request: React Router hands each
     * loader its own copy of the Request (so a memo per Request object never hits), while the
     * load context is built once per HTTP request. Only for a request that changes nothing (GET,
     * HEAD): after an action, its loaders read the session again.
     */
    forRequest: () => withMemo(oneRequest()),
  };
}

const grantTrusts = alias(trusts, 'grant_trusts');

/**
 * The session, its user and trust (none until chosen), and all the user's role grants with their
 * trust's name (one row per grant).
 */
function buildSessionRead(q: Db) {
  return q
    .select({
      userId: sessions.userId,
      trustId: sessions.trustId,
      trustName: trusts.name,
      name: users.name,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      role: roleAssignments.role,
      grantTrustId: roleAssignments.trustId,
      grantTrustName: grantTrusts.name,
      departmentId: roleAssignments.departmentId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(trusts, eq(trusts.id, sessions.trustId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, sessions.userId))
    .leftJoin(grantTrusts, eq(grantTrusts.id, roleAssignments.trustId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('sp_session_actor');
}

/** A request's session being read, and its actor once asked for (see `getActor`). */
interface SessionReading {
  session: Promise<Session | null>;
  actor: Promise<Actor | null> | null;
}

/** Where a request's session is kept once read (see `createAuth`). */
interface ActorMemo {
  get(request: Request): SessionReading | undefined;
  set(request: Request, reading: SessionReading): void;
}

/** One memo entry per Request object. */
function perRequestObject(): ActorMemo {
  const actors = new WeakMap<Request, SessionReading>();
  return {
    get: (request) => actors.get(request),
    set: (request, reading) => actors.set(request, reading),
  };
}

/** One memo for every Request copy of one HTTP request (they all carry its Cookie header). */
function oneRequest(): ActorMemo {
  let memo: { cookie: string | null; reading: SessionReading } | null = null;
  return {
    get: (request) =>
      memo && memo.cookie === request.headers.get('Cookie') ? memo.reading : undefined,
    set: (request, reading) => {
      memo = { cookie: request.headers.get('Cookie'), reading };
    },
  };
}

export type Auth = Omit<ReturnType<typeof createAuth>, 'forRequest'>;

/**
 * Every user with their roles in each of their trusts, for the development login page (which
 * groups them, `demoLoginGroups`): a user with roles in several trusts comes once per trust.
 */
export async function listDemoUsers(db: Db): Promise<DemoUserInTrust[]> {
  const rows = await inApp(db, (tx) =>
    tx
      .select({
        id: users.id,
        name: users.name,
        title: users.title,
        trustName: trusts.name,
        role: roleAssignments.role,
        department: departments.name,
      })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .innerJoin(trusts, eq(trusts.id, roleAssignments.trustId))
      .leftJoin(departments, eq(departments.id, roleAssignments.departmentId))
      .orderBy(asc(trusts.name), asc(users.email)),
  );
  const byId = new Map<string, DemoUserInTrust>();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const key = `${row.id} ${row.trustName}`;
    const user = byId.get(key) ?? {
      id: row.id,
      name: row.name,
      title: row.title,
      trustName: row.trustName,
      roles: [],
    };
    user.roles.push({ role: row.role, department: row.department });
    byId.set(key, user);
  }
  return [...byId.values()];
}
