import { z } from 'zod';
import { addDays, startOfNorwegianDay } from '../../cases/domain/dates';
import { outsidePortal } from '../../cases/domain/history';
import type { Status } from '../../cases/domain/workflow';
import type { RecipientGroup } from '../../notifications/domain/recipients';

/** The stages that run against a deadline: someone other than the writer must act. */
export const CLOCKED_STATUSES = [
  'submitted',
  'endorsed',
  'underAssessment',
  'recommended',
  'awaitingInformation',
  'inConsultation',
  'atInterregionalCommittee',
] as const satisfies readonly Status[];
export type ClockedStatus = (typeof CLOCKED_STATUSES)[number];

export function isClocked(status: string): status is ClockedStatus {
  return (CLOCKED_STATUSES as readonly string[]).includes(status);
}

/** How many calendar days a stage may take, for ordinary and for urgent cases. */
export interface StageDeadline {
  normalDays: number;
  urgentDays: number;
}
export type DeadlineTable = Record<ClockedStatus, StageDeadline>;

/** The deadlines a trust has until its administrator sets its own. */
export const DEFAULT_DEADLINES: DeadlineTable = {
  submitted: { normalDays: 7, urgentDays: 2 },
  endorsed: { normalDays: 7, urgentDays: 2 },
  underAssessment: { normalDays: 21, urgentDays: 5 },
  // The medical director decides after the committee's recommendation.
  recommended: { normalDays: 7, urgentDays: 2 },
  awaitingInformation: { normalDays: 14, urgentDays: 5 },
  inConsultation: { normalDays: 14, urgentDays: 3 },
  // Tilgangsordningen: the interregional committee meets about monthly.
  atInterregionalCommittee: { normalDays: 30, urgentDays: 7 },
};

/** A trust's own deadlines (rows of stage_deadlines) over the defaults. */
export function deadlineTable(
  rows: readonly ({ status: string } & StageDeadline)[],
): DeadlineTable {
  const table: DeadlineTable = { ...DEFAULT_DEADLINES };
  for (const row of rows) {
    if (isClocked(row.status)) {
      table[row.status] = { normalDays: row.normalDays, urgentDays: row.urgentDays };
    }
  }
  return table;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The days a stage may take for this case: the urgent deadline for an urgent case. */
export function deadlineDays(deadline: StageDeadline, urgent: boolean): number {
  return urgent ? deadline.urgentDays : deadline.normalDays;
}

/** When a stage entered at `enteredAt` is due (whole days of 24 hours). */
export function dueAt(enteredAt: Date, days: number): Date {
  return new Date(enteredAt.getTime() + days * DAY_MS);
}

/**
 * The due date of a case's current stage, or null when the stage has no deadline. A consultation
 * has the deadline its medical director set (`consultationDeadline`, the open consultation's last
 * day): the stage is due when that day ends in Norway, as the consulted trust's access does
 * (features/consultations), whatever the trust's deadline for the stage.
 */
export function stageDueAt(input: {
  status: string;
  enteredAt: Date | null;
  urgent: boolean;
  deadline: StageDeadline | null;
  consultationDeadline?: string | null;
}): Date | null {
  if (!isClocked(input.status) || !input.enteredAt) return null;
  if (input.status === 'inConsultation' && input.consultationDeadline) {
    return startOfNorwegianDay(addDays(input.consultationDeadline, 1));
  }
  const deadline = input.deadline ?? DEFAULT_DEADLINES[input.status];
  return dueAt(input.enteredAt, deadlineDays(deadline, input.urgent));
}

export function isOverdue(due: Date | null, now: Date): boolean {
  return due !== null && due.getTime() <= now.getTime();
}

/** Items with an overdue stage first, each group in its given order. */
export function overdueFirst<T extends { dueAt: Date | null }>(
  items: readonly T[],
  now: Date,
): T[] {
  return [
    ...items.filter((i) => isOverdue(i.dueAt, now)),
    ...items.filter((i) => !isOverdue(i.dueAt, now)),
  ];
}

/** One status change from the audit trail (case_events). */
export interface StatusEvent {
  /** The trail's event name; only `registerRetrospective` matters here (`outsidePortal`). */
  event?: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
}

/** Time spent in one status over all its visits; `current` while the case is still in it. */
export interface StageTime {
  status: string;
  visits: number;
  ms: number;
  current: boolean;
}

/**
 * Time spent in each status, from the audit trail in order. Events that do not change the
 * status (an invitation, a note) are ignored; the current status runs until `now`. Statuses are
 * listed in the order the case first entered them. A final status (`finalStatuses`: closed,
 * withdrawn) ends the case rather than being a stage of it, so it is not listed. A stage that
 * ended at a step taken outside the portal (`outsidePortal`: before a case was registered after
 * the fact, written with the original dates only) is unknown, not counted.
 */
export function stageTimes(
  events: readonly StatusEvent[],
  now: Date,
  finalStatuses: readonly string[] = [],
): StageTime[] {
  const outside = outsidePortal(events);
  const out = new Map<string, StageTime>();
  let current: { status: string; since: Date } | null = null;
  // Stages close in the order they were entered, so the map keeps the order of first entry.
  const close = (until: Date) => {
    if (!current) return;
    const entry = out.get(current.status) ?? {
      status: current.status,
      visits: 0,
      ms: 0,
      current: false,
    };
    entry.visits += 1;
    entry.ms += Math.max(0, until.getTime() - current.since.getTime());
    out.set(current.status, entry);
  };
  for (const [i, event] of events.entries()) {
    if (current && event.toStatus === current.status) continue;
    if (!outside[i]) close(event.at);
    current = { status: event.toStatus, since: event.at };
  }
  close(now);
  const last = current;
  return [...out.values()]
    .filter((e) => !finalStatuses.includes(e.status))
    .map((e) => ({ ...e, current: e.status === last?.status }));
}

/** When the case entered its current status (the last status-changing event), or null. */
export function enteredCurrentAt(events: readonly StatusEvent[]): Date | null {
  let entered: Date | null = null;
  let status: string | null = null;
  for (const event of events) {
    if (event.toStatus === status) continue;
    status = event.toStatus;
    entered = event.at;
  }
  return entered;
}

/** A duration as whole days, hours and minutes (rounded down to the minute). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}

export const ALERT_KINDS = ['reminder', 'escalation'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** After the reminder, how many more days pass before the medical director is told. */
export const ESCALATION_AFTER_DAYS = { normal: 3, urgent: 1 } as const;

/**
 * Which alert, if any, is due now for a stage visit that is due at `due`: the reminder once the
 * deadline has passed; the escalation once a further period has passed *and* the reminder went
 * out (so the one who must act is always told first). At most one alert per run.
 */
export function dueAlert(input: {
  due: Date;
  urgent: boolean;
  sent: readonly AlertKind[];
  now: Date;
}): AlertKind | null {
  const { due, urgent, sent, now } = input;
  if (now.getTime() < due.getTime()) return null;
  if (!sent.includes('reminder')) return 'reminder';
  if (sent.includes('escalation')) return null;
  const escalateAt = dueAt(
    due,
    urgent ? ESCALATION_AFTER_DAYS.urgent : ESCALATION_AFTER_DAYS.normal,
  );
  return now.getTime() >= escalateAt.getTime() ? 'escalation' : null;
}

/** Who must act in a stage: they get the reminder. */
export type ResponsibleGroup = 'endorsers' | 'assessment' | 'decisionMakers' | 'applicant';
export const RESPONSIBLE: Record<ClockedStatus, ResponsibleGroup> = {
  submitted: 'endorsers',
  endorsed: 'assessment',
  underAssessment: 'assessment',
  // The committee has recommended: only the medical director acts now.
  recommended: 'decisionMakers',
  awaitingInformation: 'applicant',
  inConsultation: 'decisionMakers',
  // The medical director records the committee's decision.
  atInterregionalCommittee: 'decisionMakers',
};

/**
 * The notification recipient groups (features/notifications) an alert goes to: the escalation to
 * the medical directors; the reminder to whoever must act in the stage. The endorsement is whoever
 * endorses the case now, as told at its submission (`currentEndorsers`: the delegate while it is
 * delegated, else the department's leaders who did not write it; ADR 0024); the assessment is the
 * medical directors' and the case's committee's (its assigned members, else the trust's assessors
 * once the case has been under assessment; ADR 0009), resolved as for a transition.
 */
export function alertGroups(kind: AlertKind, group: ResponsibleGroup): readonly RecipientGroup[] {
  if (kind === 'escalation') return ['decisionMakers'];
  switch (group) {
    case 'endorsers':
      return ['currentEndorsers'];
    case 'assessment':
      return ['decisionMakers', 'committee'];
    case 'decisionMakers':
      return ['decisionMakers'];
    case 'applicant':
      return ['applicant'];
  }
}

export const MAX_DEADLINE_DAYS = 365;

/** Validation failures on the deadline form; the catalogue gives the Norwegian text. */
export const DEADLINE_ERRORS = ['daysRequired', 'daysInvalid', 'urgentLonger'] as const;
export type DeadlineError = (typeof DEADLINE_ERRORS)[number];

const daysField = z
  .string()
  .trim()
  .min(1, { error: 'daysRequired' })
  .regex(/^\d+$/, { error: 'daysInvalid' })
  .transform(Number)
  .refine((n) => n <= MAX_DEADLINE_DAYS, { error: 'daysInvalid' });

/** The form's field name for one stage's days, e.g. `submitted.urgentDays`. */
export const deadlineField = (status: ClockedStatus, which: keyof StageDeadline) =>
  `${status}.${which}`;

export type DeadlineFieldErrors = Partial<Record<string, DeadlineError>>;

const DEADLINE_KINDS = ['normalDays', 'urgentDays'] as const satisfies (keyof StageDeadline)[];

/** Every field of the deadline form, stage by stage. */
export const DEADLINE_FIELDS = CLOCKED_STATUSES.flatMap((status) =>
  DEADLINE_KINDS.map((which) => deadlineField(status, which)),
);

/** The hidden field that holds the value a deadline field was shown with, e.g. `base.submitted.urgentDays`. */
export const deadlineBaseField = (name: string) => `base.${name}`;

/**
 * The value each field of the deadline form was shown with, by field name: what the person's
 * changes are measured against. A field the form says nothing (sensible) about is missing.
 */
export type DeadlineBase = Partial<Record<string, number>>;

/** Fields someone else saved since the form was shown, with the value stored now. */
export type DeadlineConflicts = Partial<Record<string, number>>;

/** A deadline table by form field name: what the form shows, and measures changes against. */
export function deadlineBase(table: DeadlineTable): DeadlineBase {
  return Object.fromEntries(
    CLOCKED_STATUSES.flatMap((status) =>
      DEADLINE_KINDS.map((which) => [deadlineField(status, which), table[status][which]]),
    ),
  );
}

/** Reads the form's hidden `base.` fields. */
export function parseDeadlineBase(values: Readonly<Record<string, string>>): DeadlineBase {
  const base: DeadlineBase = {};
  for (const name of DEADLINE_FIELDS) {
    const parsed = daysField.safeParse(values[deadlineBaseField(name)] ?? '');
    if (parsed.success) base[name] = parsed.data;
  }
  return base;
}

/**
 * Per-field three-way merge of the deadline form, as for the application (ADR 6): a field the
 * person changed (`wanted` differs from what they were shown) is written when the stored value is
 * still the one they were shown, and is nothing to do when it already equals what they want;
 * otherwise someone else changed it meanwhile, a conflict. Fields they did not change keep what is
 * stored, so a stale form never puts an old value back. A stage whose merged deadlines would break
 * the rule that the urgent one is not longer conflicts on the fields someone else changed there.
 */
export function mergeDeadlines(
  stored: DeadlineTable,
  base: DeadlineBase,
  wanted: DeadlineTable,
): { merged: DeadlineTable; changed: ClockedStatus[]; conflicts: DeadlineConflicts } {
  const merged: DeadlineTable = { ...stored };
  const changed: ClockedStatus[] = [];
  const conflicts: DeadlineConflicts = {};
  for (const status of CLOCKED_STATUSES) {
    const row = { ...stored[status] };
    for (const which of DEADLINE_KINDS) {
      const name = deadlineField(status, which);
      const value = wanted[status][which];
      if (value === stored[status][which] || value === base[name]) continue;
      if (stored[status][which] !== base[name]) conflicts[name] = stored[status][which];
      else row[which] = value;
    }
    if (row.urgentDays > row.normalDays) {
      for (const which of DEADLINE_KINDS) {
        const name = deadlineField(status, which);
        if (stored[status][which] !== base[name]) conflicts[name] = stored[status][which];
      }
    }
    if (
      row.normalDays !== stored[status].normalDays ||
      row.urgentDays !== stored[status].urgentDays
    ) {
      merged[status] = row;
      changed.push(status);
    }
  }
  return { merged, changed, conflicts };
}

/**
 * The deadline form shown again after a conflict, against what is stored now: the fields the
 * person changed keep what they typed; every other field shows the stored value, so saving again
 * changes only what they meant to change.
 */
export function rebaseDeadlineForm(
  values: Readonly<Record<string, string>>,
  base: DeadlineBase,
  stored: DeadlineTable,
): Record<string, string> {
  const form: Record<string, string> = {};
  for (const status of CLOCKED_STATUSES) {
    for (const which of DEADLINE_KINDS) {
      const name = deadlineField(status, which);
      const typed = values[name] ?? '';
      const unchanged = base[name] !== undefined && daysField.safeParse(typed).data === base[name];
      form[name] = unchanged ? String(stored[status][which]) : typed;
      form[deadlineBaseField(name)] = String(stored[status][which]);
    }
  }
  return form;
}

/** Reads the deadline form (text per field); every stage must have both numbers. */
export function parseDeadlineForm(
  values: Readonly<Record<string, string>>,
): { ok: true; table: DeadlineTable } | { ok: false; errors: DeadlineFieldErrors } {
  const table: DeadlineTable = { ...DEFAULT_DEADLINES };
  const errors: DeadlineFieldErrors = {};
  for (const status of CLOCKED_STATUSES) {
    const read = (which: keyof StageDeadline): number | null => {
      const name = deadlineField(status, which);
      const parsed = daysField.safeParse(values[name] ?? '');
      if (parsed.success) return parsed.data;
      const code = parsed.error.issues[0]?.message ?? '';
      errors[name] = (DEADLINE_ERRORS as readonly string[]).includes(code)
        ? (code as DeadlineError)
        : 'daysInvalid';
      return null;
    };
    const normalDays = read('normalDays');
    const urgentDays = read('urgentDays');
    if (normalDays === null || urgentDays === null) continue;
    if (urgentDays > normalDays) errors[deadlineField(status, 'urgentDays')] = 'urgentLonger';
    table[status] = { normalDays, urgentDays };
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, table };
}
