import { isEventRole } from '../features/auth/domain/roles';
import type { Scheme } from '../features/cases/domain/application';
import { checkTransition, isCaseEvent, isStatus } from '../features/cases/domain/workflow';

/** One row of an audit trail as case_events holds it (names as strings, as read back). */
export interface TrailRow {
  event: string;
  from: string | null;
  to: string;
  role: string;
}

/**
 * Replays an audit trail through the workflow table (workflow.ts) for a case of `scheme`: it must
 * start with the draft's creation, and every later row must leave the status the one before it
 * reached, by an event the table allows there for that scheme, to the status the table names, in
 * a role the table gives that event. Returns why the first illegal row is illegal, or null.
 */
export function illegalStep(scheme: Scheme, trail: readonly TrailRow[]): string | null {
  const [first, ...rest] = trail;
  if (!first || first.event !== 'create' || first.from !== null || first.to !== 'draft') {
    return `trail must start with create → draft, not ${JSON.stringify(first)}`;
  }
  let status: string = first.to;
  for (const [i, row] of rest.entries()) {
    const where = `row ${i + 2} (${row.event} ${row.from ?? '∅'} → ${row.to} as ${row.role})`;
    if (row.from !== status) return `${where}: the case was ${status}`;
    if (!isStatus(status) || !isCaseEvent(row.event) || !isEventRole(row.role)) {
      return `${where}: unknown status, event or role`;
    }
    const check = checkTransition(status, row.event, [row.role], scheme);
    if (!check.ok) return `${where}: ${check.error} for ${scheme}`;
    if (check.transition.to !== row.to)
      return `${where}: the table leads to ${check.transition.to}`;
    status = row.to;
  }
  return null;
}
