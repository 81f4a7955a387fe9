import { z } from 'zod';
import { STATUSES, type Status } from '../../cases/domain/workflow';
import {
  cursorKeyValid,
  decodeCursor,
  encodeCursor,
  oneOf,
  parseFreeText,
  parsePeriod,
  singleValues,
  type Cursor,
  type ParseResult,
} from './overview';

/**
 * The local registers (BRIEF §4.9): the applications of one's own, one's department's and one's
 * trust's, each a tab. Which tabs an actor has follows the case access rules (cases/domain/access.ts).
 */
export const REGISTER_TABS = ['mine', 'avdeling', 'foretak'] as const;
export type RegisterTab = (typeof REGISTER_TABS)[number];
export const REGISTER_PAGE_SIZE = 50;
export const REGISTER_KEYS = ['fane', 'status', 'avdeling', 'fra', 'til', 'sok', 'etter'] as const;

export interface RegisterFilter {
  tab: RegisterTab;
  status?: Status;
  /**
   * A department's id: the cases applied for from it. Only its shape is checked here; that it is
   * one of the actor's trust's departments is checked with them (register.server.ts).
   */
  department?: string;
  from?: string;
  to?: string;
  freeText?: string;
}

/** The tabs for an actor's roles: own cases for everyone; the department's for leaders; the trust's for the director and committee. */
export function registerTabs(roles: {
  endorser: boolean;
  decisionMaker: boolean;
  assessor: boolean;
}): RegisterTab[] {
  const tabs: RegisterTab[] = ['mine'];
  if (roles.endorser) tabs.push('avdeling');
  if (roles.decisionMaker || roles.assessor) tabs.push('foretak');
  return tabs;
}

export function parseRegisterQuery(
  entries: Iterable<[string, string]>,
  defaultTab: RegisterTab = 'mine',
): ParseResult<RegisterFilter> {
  const { values, errors } = singleValues(entries, REGISTER_KEYS);
  const v = (key: (typeof REGISTER_KEYS)[number]) => {
    const raw = values[key]?.trim();
    return raw === '' ? undefined : raw;
  };
  const filter: RegisterFilter = { tab: defaultTab };
  const tab = v('fane');
  if (tab !== undefined) {
    if (oneOf(REGISTER_TABS, tab)) filter.tab = tab;
    else errors.fane = 'tab';
  }
  const status = v('status');
  if (status !== undefined) {
    if (oneOf(STATUSES, status)) filter.status = status;
    else errors.status = 'status';
  }
  const department = v('avdeling');
  if (department !== undefined) {
    if (z.uuid().safeParse(department).success) filter.department = department.toLowerCase();
    else errors.avdeling = 'department';
  }
  parsePeriod(v, filter, errors);
  parseFreeText(v, filter, errors);
  let cursor: Cursor | null = null;
  const after = v('etter');
  if (after !== undefined) {
    const decoded = decodeCursor(after, `register:${filter.tab}`);
    if (decoded && cursorKeyValid('timestamp', decoded.key)) cursor = decoded;
    else errors.etter = 'cursor';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: filter, cursor };
}

export function registerQueryString(filter: RegisterFilter, cursor?: Cursor): string {
  const params = new URLSearchParams({ fane: filter.tab });
  if (filter.status) params.set('status', filter.status);
  if (filter.department) params.set('avdeling', filter.department);
  if (filter.from) params.set('fra', filter.from);
  if (filter.to) params.set('til', filter.to);
  if (filter.freeText) params.set('sok', filter.freeText);
  if (cursor) params.set('etter', encodeCursor(cursor));
  return params.toString();
}
