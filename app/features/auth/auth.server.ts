import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { createCookie, redirect } from 'react-router';
import { inApp, type Db } from '../../db/database.server';
import { departments, roleAssignments, sessions, trusts, users } from '../../db/schema';
import { isRole, type Actor, type Role, type RoleGrant } from './domain/roles';

const SESSION_DAYS = 1;

export interface AuthConfig {
  /** Secrets that sign the session cookie; the first signs, all verify (for rotation). */
  secrets: string[];
  /** Send the cookie over HTTPS only. */
  secure: boolean;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions in a table; the cookie holds only a random token, signed and httpOnly. */
export function createAuth(db: Db, config: AuthConfig) {
  const cookie = createCookie('sp_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secure,
    path: '/',
    maxAge: SESSION_DAYS * 24 * 60 * 60,
    secrets: config.secrets,
  });

  async function readToken(request: Request): Promise<string | null> {
    const value: unknown = await cookie.parse(request.headers.get('Cookie'));
    return typeof value === 'string' && value.length > 0 ? value : null;
  }

  /** The signed-in actor, or null. */
  async function getActor(request: Request): Promise<Actor | null> {
    const token = await readToken(request);
    if (!token) return null;
    return inApp(db, async (tx) => {
      const [session] = await tx
        .select({
          userId: sessions.userId,
          trustId: sessions.trustId,
          trustName: trusts.name,
          name: users.name,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(trusts, eq(trusts.id, sessions.trustId))
        .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date())));
      if (!session) return null;
      const rows = await tx
        .select({
          role: roleAssignments.role,
          trustId: roleAssignments.trustId,
          departmentId: roleAssignments.departmentId,
        })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, session.userId));
      const grants: RoleGrant[] = rows.flatMap((r) =>
        isRole(r.role) ? [{ role: r.role, trustId: r.trustId, departmentId: r.departmentId }] : [],
      );
      return { ...session, grants };
    });
  }

  /** The signed-in actor, or a redirect to the login page. */
  async function requireActor(request: Request): Promise<Actor> {
    const actor = await getActor(request);
    if (!actor) throw redirect('/logg-inn');
    return actor;
  }

  /** Starts a session for a user in their (first) trust; returns the Set-Cookie header value. */
  async function login(userId: string): Promise<string | null> {
    const token = randomBytes(32).toString('base64url');
    const created = await inApp(db, async (tx) => {
      const [grant] = await tx
        .select({ trustId: roleAssignments.trustId })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, userId))
        .orderBy(asc(roleAssignments.trustId))
        .limit(1);
      if (!grant) return false;
      await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
      await tx.insert(sessions).values({
        id: hashToken(token),
        userId,
        trustId: grant.trustId,
        expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
      });
      return true;
    });
    return created ? cookie.serialize(token) : null;
  }

  /** Ends the session; returns the Set-Cookie header value that clears the cookie. */
  async function logout(request: Request): Promise<string> {
    const token = await readToken(request);
    if (token) {
      await inApp(db, (tx) => tx.delete(sessions).where(eq(sessions.id, hashToken(token))));
    }
    return cookie.serialize('', { maxAge: 0 });
  }

  return { getActor, requireActor, login, logout };
}

export type Auth = ReturnType<typeof createAuth>;

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
