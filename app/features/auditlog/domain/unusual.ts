import type { RoleHistoryAction } from '../../admin/domain/people';
import type { Role } from '../../auth/domain/roles';
import { hourInNorway } from '../../cases/domain/dates';

/**
 * Which access-log entries the log controller should look at by hand. Nothing here is proof of
 * misuse; each finding is a prompt for manual follow-up.
 */
export interface LoggedAccess {
  id: number;
  userId: string;
  role: string;
  caseId: string | null;
  at: Date;
  /** The case's department (null: no case). */
  caseDepartmentId: string | null;
  /**
   * The departments the reader holds this role in; null when the role is trust-wide (or not
   * department-bound), so no department rule applies.
   */
  readerDepartmentIds: readonly string[] | null;
}

export interface UnusualRules {
  /** Odd hours in Norwegian time: from this hour (inclusive)… */
  oddFromHour: number;
  /** …to this hour (exclusive), across midnight. */
  oddToHour: number;
  /** More than this many distinct cases by one user… */
  manyCases: number;
  /** …within this many minutes. */
  windowMinutes: number;
}

export const UNUSUAL_RULES: UnusualRules = {
  oddFromHour: 22,
  oddToHour: 6,
  manyCases: 15,
  windowMinutes: 60,
};

/** One row of the trust's role grant history (`role_assignment_events`). */
export interface RoleGrantEvent {
  id: number;
  /** Who got (or lost) the role. */
  userId: string;
  /** Who granted (or revoked) it; null for a first administrator granted by the operator. */
  actorId: string | null;
  action: RoleHistoryAction;
  role: Role;
  at: Date;
}

export type Finding =
  | { kind: 'outsideDepartment'; entryId: number; userId: string; caseId: string; at: Date }
  | { kind: 'oddHours'; entryId: number; userId: string; caseId: string | null; at: Date }
  | { kind: 'manyCases'; userId: string; cases: number; from: Date; to: Date }
  | { kind: 'selfGranted'; grantId: number; userId: string; role: Role; at: Date };

export function isOddHour(at: Date, rules: UnusualRules = UNUSUAL_RULES): boolean {
  const hour = hourInNorway(at);
  return rules.oddFromHour > rules.oddToHour
    ? hour >= rules.oddFromHour || hour < rules.oddToHour
    : hour >= rules.oddFromHour && hour < rules.oddToHour;
}

/** A case read by someone whose role binds them to other departments. */
export function isOutsideDepartment(entry: LoggedAccess): boolean {
  return (
    entry.readerDepartmentIds !== null &&
    entry.caseDepartmentId !== null &&
    !entry.readerDepartmentIds.includes(entry.caseDepartmentId)
  );
}

/**
 * Bursts: for each user, the first window of `windowMinutes` in which they touched more than
 * `manyCases` distinct cases (one finding per user and burst; the window then starts anew).
 */
export function manyCaseBursts(
  entries: readonly LoggedAccess[],
  rules: UnusualRules = UNUSUAL_RULES,
): Extract<Finding, { kind: 'manyCases' }>[] {
  const byUser = new Map<string, LoggedAccess[]>();
  for (const e of entries) {
    if (e.caseId === null) continue;
    byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e]);
  }
  const findings: Extract<Finding, { kind: 'manyCases' }>[] = [];
  const windowMs = rules.windowMinutes * 60_000;
  for (const [userId, list] of byUser) {
    const sorted = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
    let start = 0;
    for (let end = 0; end < sorted.length; end++) {
      const last = sorted[end];
      if (!last) continue;
      while ((sorted[start]?.at.getTime() ?? 0) < last.at.getTime() - windowMs) start++;
      const window = sorted.slice(start, end + 1);
      const cases = new Set(window.map((e) => e.caseId));
      if (cases.size > rules.manyCases) {
        findings.push({
          kind: 'manyCases',
          userId,
          cases: cases.size,
          from: window[0]?.at ?? last.at,
          to: last.at,
        });
        start = end + 1;
      }
    }
  }
  return findings;
}

/**
 * Roles an administrator gave themselves: the grant history keeps them, and the log controller
 * should see them, since a role such as medical director opens the trust's cases to its holder.
 */
export function selfGrants(
  grants: readonly RoleGrantEvent[],
): Extract<Finding, { kind: 'selfGranted' }>[] {
  return grants
    .filter((g) => g.action === 'granted' && g.userId === g.actorId)
    .map((g) => ({ kind: 'selfGranted', grantId: g.id, userId: g.userId, role: g.role, at: g.at }));
}

/** Every finding in a stretch of the log and of the role grant history, newest first. */
export function unusualAccess(
  entries: readonly LoggedAccess[],
  grants: readonly RoleGrantEvent[] = [],
  rules: UnusualRules = UNUSUAL_RULES,
): Finding[] {
  const findings: Finding[] = [...selfGrants(grants)];
  for (const e of entries) {
    if (e.caseId !== null && isOutsideDepartment(e)) {
      findings.push({
        kind: 'outsideDepartment',
        entryId: e.id,
        userId: e.userId,
        caseId: e.caseId,
        at: e.at,
      });
    }
    if (isOddHour(e.at, rules)) {
      findings.push({
        kind: 'oddHours',
        entryId: e.id,
        userId: e.userId,
        caseId: e.caseId,
        at: e.at,
      });
    }
  }
  findings.push(...manyCaseBursts(entries, rules));
  const when = (f: Finding) => (f.kind === 'manyCases' ? f.to : f.at).getTime();
  return findings.sort((a, b) => when(b) - when(a));
}
