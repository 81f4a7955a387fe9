import { createHash, randomBytes } from 'node:crypto';
import { asc, eq, lt, or, sql } from 'drizzle-orm';
import { redirect } from 'react-router';
import { inApp, inTenant, type AppReads, type Db, type Tx } from '../../db/database.server';
import { departments, roleAssignments, sessions, trusts, users } from '../../db/schema';
import { isRole, type Actor, type Role, type RoleGrant } from './domain/roles';
import { signedCookie } from './signed-cookie.server';

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

  /**
   * The session's actor read through `tx` (a transaction, or the app role's connections), or
   * null. A session past its absolute end or idle too long is ended; an active one has
   * `last_seen_at` moved forward (at most once a minute). The session, its user, trust and role
   * grants come in one query (one row per grant).
   */
  async function actorIn(tx: Db, token: string): Promise<Actor | null> {
    const id = hashToken(token);
    const at = now();
    const rows = await sessionRead(tx).execute({ id });
    const [row] = rows;
    if (!row) return null;
    const { expiresAt, lastSeenAt, userId, trustId, trustName, name } = row;
    if (expiresAt <= at || lastSeenAt.getTime() + idleMs <= at.getTime()) {
      await tx.delete(sessions).where(eq(sessions.id, id));
      return null;
    }
    if (at.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    }
    const grants: RoleGrant[] = rows.flatMap((r) =>
      r.role !== null && r.grantTrustId !== null && isRole(r.role)
        ? [{ role: r.role, trustId: r.grantTrustId, departmentId: r.departmentId }]
        : [],
    );
    return { userId, trustId, trustName, name, grants };
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

    function getActor(request: Request): Promise<Actor | null> {
      const known = actors.get(request);
      if (known) return known;
      const token = readToken(request);
      const reading = token ? reads((q) => actorIn(q, token)) : Promise.resolve(null);
      actors.set(request, reading);
      return reading;
    }

    /** The signed-in actor, or a redirect to the login page. */
    async function requireActor(request: Request): Promise<Actor> {
      const actor = await getActor(request);
      if (!actor) throw redirect('/logg-inn');
      return actor;
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
     * Starts a session for a user in their (first) trust; returns the Set-Cookie header value. The
     * session id is always new: a session the login request still carries is ended first, so a
     * planted or old id never becomes a signed-in one (session fixation).
     */
    async function login(userId: string, request?: Request): Promise<string | null> {
      const previous = request ? readToken(request) : null;
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const created = await inApp(db, async (tx) => {
        if (previous) await tx.delete(sessions).where(eq(sessions.id, hashToken(previous)));
        const [grant] = await tx
          .select({ trustId: roleAssignments.trustId })
          .from(roleAssignments)
          .where(eq(roleAssignments.userId, userId))
          .orderBy(asc(roleAssignments.trustId))
          .limit(1);
        if (!grant) return false;
        await tx
          .delete(sessions)
          .where(
            or(
              lt(sessions.expiresAt, at),
              lt(sessions.lastSeenAt, new Date(at.getTime() - idleMs)),
            ),
          );
        await tx.insert(sessions).values({
          id: hashToken(token),
          userId,
          trustId: grant.trustId,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(at.getTime() + absoluteMs),
        });
        return true;
      });
      return created ? cookie.serialize(token) : null;
    }

    /** Ends the session; returns the Set-Cookie header value that clears the cookie. */
    async function logout(request: Request): Promise<string> {
      const token = readToken(request);
      if (token) {
        await inApp(db, (tx) => tx.delete(sessions).where(eq(sessions.id, hashToken(token))));
      }
      return cookie.serialize('', { maxAge: 0 });
    }

    return { getActor, readActorWith, requireActor, requireActorWith, login, logout };
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

/** The session, its user and trust, and the user's role grants (one row per grant). */
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
      departmentId: roleAssignments.departmentId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(trusts, eq(trusts.id, sessions.trustId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('sp_session_actor');
}

/** Where a request's actor is kept once read (see `createAuth`). */
interface ActorMemo {
  get(request: Request): Promise<Actor | null> | undefined;
  set(request: Request, actor: Promise<Actor | null>): void;
}

/** One memo entry per Request object. */
function perRequestObject(): ActorMemo {
  const actors = new WeakMap<Request, Promise<Actor | null>>();
  return {
    get: (request) => actors.get(request),
    set: (request, actor) => actors.set(request, actor),
  };
}

/** One memo for every Request copy of one HTTP request (they all carry its Cookie header). */
function oneRequest(): ActorMemo {
  let memo: { cookie: string | null; actor: Promise<Actor | null> } | null = null;
  return {
    get: (request) =>
      memo && memo.cookie === request.headers.get('Cookie') ? memo.actor : undefined,
    set: (request, actor) => {
      memo = { cookie: request.headers.get('Cookie'), actor };
    },
  };
}

export type Auth = Omit<ReturnType<typeof createAuth>, 'forRequest'>;

export interface DemoUser {
  id: string;
  name: string;
  title: string;
  trustName: string;
  roles: { role: Role; department: string | null }[];
}

/** Every user with their roles, grouped for the development login page. */
export async function listDemoUsers(db: Db): Promise<DemoUser[]> {
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
  const byId = new Map<string, DemoUser>();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const user = byId.get(row.id) ?? {
      id: row.id,
      name: row.name,
      title: row.title,
      trustName: row.trustName,
      roles: [],
    };
    user.roles.push({ role: row.role, department: row.department });
    byId.set(row.id, user);
  }
  return [...byId.values()];
}
