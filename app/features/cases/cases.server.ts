import { and, asc, desc, eq, inArray, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { peopleWithRoles, type Person } from '../auth/people.server';
import { z } from 'zod';
import { executeNamed, inTenant, type Db, type Tx } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import {
  accessLog,
  activeCollaboration,
  activeDelegation,
  attachments,
  caseChanges,
  caseCollaborators,
  caseLeaders,
  caseDecisions,
  caseEvents,
  caseNumberCounters,
  cases,
  departments,
  stageDeadlines,
  trusts,
  users,
} from '../../db/schema';
import { purposeOf, type Purpose } from '../auditlog/domain/purposes';
import { hasRole, isEventRole, type Actor, type CaseRole } from '../auth/domain/roles';
import type { EventRole } from '../auth/domain/roles';
import { isConsultationEvent } from '../consultations/domain/consultation';
import { endConsultationOnWithdrawal, isConsultedCase } from '../consultations/grants.server';
import { diagnosisIndex, mainDiagnosis } from '../diagnoses/diagnoses.server';
import {
  parseDiagnosis,
  parseDiagnosisList,
  toCompact,
  type Diagnosis,
} from '../diagnoses/domain/diagnosis';
import { visibleTo } from '../dialog/domain/visibility';
import { stageDueAt } from '../clocks/domain/clocks';
import { enteredCurrentStatus, openConsultationDeadline } from '../clocks/stage-sql.server';
import { caseDrugIn, festSnapshotIn, resolveDrugChoice, type CaseDrug } from '../fest/fest.server';
import type { FestSnapshot } from '../fest/domain/snapshot';
import { composeDecision, type ComposedDecision } from '../decisions/domain/compose';
import { decisionTextLabels } from '../decisions/labels';
import { treatmentOf } from '../decisions/domain/treatment';
import { notify, notifyForTransition } from '../notifications/notifications.server';
import {
  accessRole,
  canEditApplication,
  caseRoles,
  conflictedRoles,
  seesPatientIdentity,
  transitionRefusal,
  waitingStatuses,
  waitsFor,
} from './domain/access';
import {
  DECISION_OUTCOMES,
  decisionSchema,
  fieldErrors,
  patientIdKind,
  optionalReasonSchema,
  reasonSchema,
  type DecisionOutcome,
  type FieldErrors,
  type PatientIdKind,
  type Scheme,
} from './domain/application';
import { formatCaseNumber, norwegianYear } from './domain/case-number';
import { CaseError } from './domain/errors';
import { historyEvent, outsidePortal, reasonShown, type HistoryEvent } from './domain/history';
import { mergeAnswers, type FieldChange, type FieldChanges } from './domain/merge';
import {
  draftError,
  scopeChangeErrors,
  contextOf,
  inapplicableAnswers,
  QUESTIONS,
  drugAnswer,
  setAnswer,
  startErrors,
  submissionErrors,
  type Answers,
  type AnswerValue,
  type QuestionId,
} from './domain/questionnaire';
import {
  availableEvents,
  checkTransition,
  DECIDED_STATUSES,
  FINAL_STATUSES,
  isStatus,
  type CaseEvent,
  type Status,
} from './domain/workflow';
import { dateInNorway } from './domain/dates';
import { maskedAnswers } from '../privacy/domain/mask';

type CaseRow = typeof cases.$inferSelect;

export const statusOf = (row: CaseRow): Status => {
  if (!isStatus(row.status)) throw new Error(`Unknown status in database: ${row.status}`);
  return row.status;
};

/** The case's scheme (null while a draft has not chosen one): the workflow table depends on it. */
export const schemeOf = (row: CaseRow): Scheme | null => contextOf(row.answers).scheme;
/** The people a case names beyond its applicant: co-authors, its delegate and collaborating leaders. */
interface CaseMembers {
  coAuthorIds: string[];
  delegateId: string | null;
  collaboratorIds: string[];
}

const rolesFor = (
  actor: Actor,
  row: CaseRow,
  members: CaseMembers,
  consultedByActorTrust = false,
) => caseRoles(actor, { ...row, ...members, status: statusOf(row), consultedByActorTrust });

/**
 * A page loader's one read transaction (see `inCasePage`): the case's visibility is checked once
 * and shared by every section, and the access-log records wait to be written in one INSERT.
 */
interface PageReads {
  visible: Map<string, Promise<VisibleCase>>;
  /** A case's audit trail and its decisions, read once for the case view, decisions and clocks. */
  trails: Map<string, Promise<TrailEvent[]>>;
  decisions: Map<string, Promise<StoredDecision[]>>;
  log: LogRecord[];
}

/**
 * One access-log record: the actor's own trust's (a plain insert), or a consulted trust's read of
 * another trust's case, which goes into that trust's log through `log_consulted_access()`.
 */
type LogRecord =
  | { consulted: false; values: typeof accessLog.$inferInsert }
  | { consulted: true; caseId: string; action: string; objectId: string | null };

/**
 * Writes records, each chain's in call order: the trust's own in one multi-row INSERT, consulted
 * reads (each into its case's trust's chain) one by one.
 */
async function writeLog(tx: Tx, records: LogRecord[]): Promise<void> {
  const own = records.flatMap((r) => (r.consulted ? [] : [r.values]));
  if (own.length > 0) await tx.insert(accessLog).values(own);
  for (const r of records) {
    if (r.consulted)
      await tx.execute(sql`select log_consulted_access(${r.caseId}, ${r.action}, ${r.objectId})`);
  }
}
const pageReads = new WeakMap<Tx, PageReads>();

/** `load()` once per case within a page's transaction (see `inCasePage`); elsewhere every time. */
function oncePerPage<T>(
  tx: Tx,
  pick: (reads: PageReads) => Map<string, Promise<T>>,
  caseId: string,
  load: () => Promise<T>,
): Promise<T> {
  const reads = pageReads.get(tx);
  if (!reads) return load();
  const memo = pick(reads);
  const known = memo.get(caseId);
  if (known) return known;
  // A Drizzle query is a lazy thenable that runs again on every await: settle it once.
  const loading = Promise.resolve(load());
  memo.set(caseId, loading);
  return loading;
}

/** What `oncePerPage` would load, when another read already brought it. */
function knownPerPage<T>(
  tx: Tx,
  pick: (reads: PageReads) => Map<string, Promise<T>>,
  caseId: string,
  value: T,
) {
  const reads = pageReads.get(tx);
  if (reads && !pick(reads).has(caseId)) pick(reads).set(caseId, Promise.resolve(value));
}

/** Reads `list` (a JSON array column) in one statement of its own. */
async function readList<T extends z.ZodType>(tx: Tx, list: SQL, item: T): Promise<z.output<T>[]> {
  const [row] = rowsOf(
    await tx.execute(sql`select ${list} as list`),
    z.object({ list: z.array(item) }),
  );
  return row?.list ?? [];
}

/**
 * One audit-trail record of a case, oldest first (the history and the stage clocks). The trail
 * and the decisions are JSON arrays so that the case view reads them with its other details in
 * one statement (`caseDetailsIn`); elsewhere each is a statement of its own.
 */
const trailEvent = z.object({
  event: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  reason: z.string().nullable(),
  at: z.coerce.date(),
});
export type TrailEvent = z.output<typeof trailEvent>;
const actorOf = alias(users, 'trail_actor');
const trailOf = (caseId: string) => sql`coalesce((select json_agg(json_build_object(
    'event', ${caseEvents.event}, 'fromStatus', ${caseEvents.fromStatus},
    'toStatus', ${caseEvents.toStatus}, 'actorName', ${actorOf.name},
    'actorRole', ${caseEvents.actorRole}, 'reason', ${caseEvents.reason},
    'at', ${caseEvents.createdAt}) order by ${caseEvents.id})
  from ${caseEvents} join ${users} "trail_actor" on ${actorOf.id} = ${caseEvents.actorId}
  where ${caseEvents.caseId} = ${caseId}), '[]')`;

/** A case's audit trail, oldest first, read once per page (the case view and the clocks). */
export function caseTrailIn(tx: Tx, caseId: string): Promise<TrailEvent[]> {
  return oncePerPage(
    tx,
    (r) => r.trails,
    caseId,
    () => readList(tx, trailOf(caseId), trailEvent),
  );
}

const storedDecision = z.object({
  version: z.number(),
  outcome: z.string(),
  reason: z.string(),
  conditions: z.string().nullable(),
  evaluationDate: z.string().nullable(),
  prescriptionNote: z.string().nullable(),
  invoicing: z.string().nullable(),
  interregionalCommittee: z.boolean(),
  text: z.string().nullable(),
  decidedByName: z.string(),
  decidedByTitle: z.string(),
  decidedAt: z.coerce.date(),
});
export type StoredDecision = z.output<typeof storedDecision>;
const decider = alias(users, 'decider');
const decisionsOf = (caseId: string) => sql`coalesce((select json_agg(json_build_object(
    'version', ${caseDecisions.version}, 'outcome', ${caseDecisions.outcome},
    'reason', ${caseDecisions.reason}, 'conditions', ${caseDecisions.conditions},
    'evaluationDate', ${caseDecisions.evaluationDate},
    'prescriptionNote', ${caseDecisions.prescriptionNote}, 'invoicing', ${caseDecisions.invoicing},
    'interregionalCommittee', ${caseDecisions.interregionalCommittee},
    'text', ${caseDecisions.text}, 'decidedByName', ${decider.name},
    'decidedByTitle', ${decider.title}, 'decidedAt', ${caseDecisions.decidedAt})
    order by ${caseDecisions.version} desc)
  from ${caseDecisions} join ${users} "decider" on ${decider.id} = ${caseDecisions.decidedBy}
  where ${caseDecisions.caseId} = ${caseId}), '[]')`;

/**
 * Every decision version of a case, newest first, read once per page (the case view, the
 * decision panel and the clocks).
 */
export function caseDecisionsIn(tx: Tx, caseId: string): Promise<StoredDecision[]> {
  return oncePerPage(
    tx,
    (r) => r.decisions,
    caseId,
    () => readList(tx, decisionsOf(caseId), storedDecision),
  );
}

/** A case's newest decision, if any (see `caseDecisionsIn`). */
export async function latestDecisionIn(
  tx: Tx,
  caseId: string,
): Promise<StoredDecision | undefined> {
  return (await caseDecisionsIn(tx, caseId))[0];
}

/**
 * Runs a page's reads in ONE tenant transaction. Within it, `loadVisibleCase` (without lock) is
 * evaluated once per case, and `logAccess` records are buffered and written, in call order, by
 * one multi-row INSERT at the end (the chain trigger links each row to the one before it, also
 * within one statement). For loaders only: nothing in `fn` may change who may see the case.
 */
export function inCasePage<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTenant(db, actor, async (tx) => {
    const reads: PageReads = {
      visible: new Map(),
      trails: new Map(),
      decisions: new Map(),
      log: [],
    };
    pageReads.set(tx, reads);
    const out = await fn(tx);
    pageReads.delete(tx);
    await writeLog(tx, reads.log);
    return out;
  });
}

export type VisibleCase = Awaited<ReturnType<typeof readVisibleCase>>;

/**
 * Loads a case the actor may see, or throws notFound (for another trust, RLS already hides it).
 * `lock` takes the row lock, for read-modify-write of the answers.
 */
export function loadVisibleCase(
  tx: Tx,
  actor: Actor,
  caseId: string,
  lock = false,
): Promise<VisibleCase> {
  if (lock) return readVisibleCase(tx, actor, caseId, true);
  return oncePerPage(
    tx,
    (r) => r.visible,
    caseId,
    () => readVisibleCase(tx, actor, caseId, false),
  );
}

/**
 * The case's id, qualified: in a select list Drizzle names a column without its table, and
 * `case_leaders` has an `id` of its own.
 */
const CASE_ID = sql`${cases}.${sql.identifier('id')}`;

/** The case's co-authors, as a column of its row. */
const coAuthorIdsOf = sql<
  string[]
>`array(select ${caseCollaborators.userId}::text from ${caseCollaborators} where ${caseCollaborators.caseId} = ${CASE_ID})`;

/** The leader the case's endorsement is delegated to (its one active delegation), as a column of its row. */
const delegateIdOf = sql<
  string | null
>`(select ${caseLeaders.userId}::text from ${caseLeaders} where ${caseLeaders.caseId} = ${CASE_ID} and ${activeDelegation})`;

/** The leaders invited to collaborate on the case's endorsement, as a column of its row. */
const collaboratorIdsOf = sql<
  string[]
>`array(select ${caseLeaders.userId}::text from ${caseLeaders} where ${caseLeaders.caseId} = ${CASE_ID} and ${activeCollaboration})`;

async function readVisibleCase(tx: Tx, actor: Actor, caseId: string, lock: boolean) {
  if (!z.uuid().safeParse(caseId).success) throw new CaseError('notFound');
  // The case with its co-authors, delegate and collaborating leaders, in one statement.
  const query = tx
    .select({
      row: cases,
      coAuthorIds: coAuthorIdsOf,
      delegateId: delegateIdOf,
      collaboratorIds: collaboratorIdsOf,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  const [found] = lock
    ? await query.for('update')
    : await query.prepare('sp_case_visible').execute();
  if (!found) throw new CaseError('notFound');
  const { row, ...members } = found;
  // Consultation: another trust's row is visible only through an open grant (features/consultations).
  const consulted = row.trustId !== actor.trustId && (await isConsultedCase(tx, row.id));
  const roles = rolesFor(actor, row, members, consulted);
  if (roles.length === 0) throw new CaseError('notFound');
  return { row, roles, ...members };
}

/**
 * Writes one access-log record (a read or change of personal data) in the caller's transaction.
 * The purpose follows from the role and action unless given; `objectId` names what within the
 * case (an attachment). The database chains the record (seq, prev_hash, hash; ADR 0012). In a
 * page's transaction (`inCasePage`) the record is written with the page's others at its end.
 * A consulted trust's read (`consultant`, the one role on another trust's case) is written into
 * the log of the case's trust, whose patient it is, with the reader's trust (ADR 0025).
 */
export async function logAccess(
  tx: Tx,
  actor: Actor,
  role: CaseRole,
  caseId: string,
  action: string,
  detail: { purpose?: Purpose; objectId?: string } = {},
) {
  const objectId = detail.objectId ?? null;
  const record: LogRecord =
    role === 'consultant'
      ? { consulted: true, caseId, action, objectId }
      : {
          consulted: false,
          values: {
            trustId: actor.trustId,
            userId: actor.userId,
            role,
            caseId,
            action,
            purpose: detail.purpose ?? purposeOf(role, action),
            objectId,
          },
        };
  const reads = pageReads.get(tx);
  if (reads) reads.log.push(record);
  else await writeLog(tx, [record]);
}

export interface CaseListItem {
  id: string;
  caseNumber: string | null;
  status: Status;
  drug: string;
  /**
   * The main diagnosis, code and name: a list holds no free text of the application (it is not
   * a logged read of personal data; ADR 0012).
   */
  diagnosisCode: string | null;
  diagnosisName: string | null;
  updatedAt: Date;
  waitingForMe: boolean;
  urgent: boolean;
  /** When the current stage is due (the trust's deadline, shorter if urgent); null: no deadline. */
  dueAt: Date | null;
  /** The outcome of the case's latest decision (its highest version); null: not decided. */
  outcome: DecisionOutcome | null;
}

/** How many cases "My cases" shows per page of a paged list (newest first, then "show more"). */
export const LIST_PAGE_SIZE = 20;

/**
 * The statuses of the concluded list of "My cases": decided or final. Everything before the
 * decision, and the follow-up (the applicant's outcome report), is active: what waits for the
 * actor and the other active cases, each a page at a time. The partial indexes of migration
 * `lists` (app/db/schema.ts) use the same list.
 */
export const CONCLUDED_STATUSES: readonly Status[] = ['decided', ...FINAL_STATUSES];

/** Where the next page of a list starts: the last row's updated_at (exact, as text) and id. */
export interface ListCursor {
  key: string;
  id: string;
}

export interface MyCases {
  /** One page of the active cases that wait for the actor (`waitsFor`), oldest first. */
  waiting: WaitingPage;
  /** One page of the other active cases the actor sees, most recently changed first. */
  others: ListPage;
  /** One page of concluded cases (CONCLUDED_STATUSES), most recently changed first. */
  finished: ListPage;
}

/** A page of "My cases" and where the next one starts (null: this is the last page). */
export interface ListPage {
  items: CaseListItem[];
  next: ListCursor | null;
}

/** The cases that wait for the actor: one page, and how many wait in all (on every page). */
export interface WaitingPage extends ListPage {
  total: number;
}

/** Where each paged list of "My cases" starts; null or absent: its first page. */
export interface MyCasesPages {
  waiting?: ListCursor | null;
  others?: ListCursor | null;
  finished?: ListCursor | null;
}

/** The concluded statuses as SQL literals, so the partial indexes of migration `lists` match. */
/** Statuses as an SQL list of literals (constants of the workflow table, never user input). */
const statusList = (statuses: readonly Status[]) =>
  sql.raw(statuses.map((s) => `'${s}'`).join(', '));
const CONCLUDED_LIST = statusList(CONCLUDED_STATUSES);
const activeCase = sql`${cases.status} not in (${CONCLUDED_LIST})`;
const concludedCase = sql`${cases.status} in (${CONCLUDED_LIST})`;

/**
 * The outcome of a listed case's latest decision (its highest version), or null. Read only in the
 * statuses that have a decision (DECIDED_STATUSES), each with one probe of the unique index on
 * (case_id, version), read backwards: at most a page's rows per list, whatever the case's history.
 */
const latestOutcome = sql`case when ${cases.status} in (${statusList(DECIDED_STATUSES)}) then (select ${caseDecisions.outcome} from ${caseDecisions}
    where ${caseDecisions.caseId} = ${cases.id}
    order by ${caseDecisions.version} desc limit 1) end`;

/**
 * One way to see a case (the conditions of `caseRoles`, domain/access.ts) and the roles it gives
 * for every case it matches: own applications, co-authored ones, cases of the departments the
 * actor leads or was added to as leader, and every submitted case for the director, the
 * committee and a trust-wide leader.
 */
interface Branch {
  roles: CaseRole[];
  /**
   * Where the branch's roles do not wait although the status says so: the endorser's cases whose
   * endorsement is delegated to another leader (the actor is then their `delegator`).
   */
  away?: SQL;
  from?: 'collaborators' | 'leaders';
  /** The branch's rows of `cases` (with the actor's trust where the rest does not imply it). */
  where: SQL | undefined;
  /** The same way of seeing, as a condition on a row of `cases` alone (no join). */
  sees: SQL;
}

function branchesOf(actor: Actor): Branch[] {
  const inTrust = eq(cases.trustId, actor.trustId);
  const submitted = ne(cases.status, 'draft');
  const branches: Branch[] = [
    {
      roles: ['coAuthor'],
      from: 'collaborators',
      where: and(inTrust, eq(caseCollaborators.userId, actor.userId)),
      sees: sql`exists (select 1 from ${caseCollaborators} where ${caseCollaborators.caseId} = ${cases.id} and ${caseCollaborators.userId} = ${actor.userId})`,
    },
  ];
  if (hasRole(actor, 'applicant')) {
    const own = eq(cases.applicantId, actor.userId);
    branches.push({ roles: ['applicant'], where: and(inTrust, own), sees: own });
  }
  const endorserGrants = actor.grants.filter(
    (g) => g.role === 'endorser' && g.trustId === actor.trustId,
  );
  const trustEndorser = endorserGrants.some((g) => g.departmentId === null);
  const wholeTrust: CaseRole[] = [
    ...(hasRole(actor, 'decisionMaker') ? (['decisionMaker'] as const) : []),
    ...(hasRole(actor, 'assessor') ? (['assessor'] as const) : []),
    ...(trustEndorser ? (['endorser'] as const) : []),
  ];
  // Conflict of interest (`caseRoles`): the judging branches skip the cases the actor wrote, which
  // the applicant and co-author branches show. Only someone who writes applications (applicant or
  // co-author role) can have written one; everyone else gets no extra condition.
  const writer = hasRole(actor, 'applicant') || hasRole(actor, 'coAuthor');
  const authored = writer
    ? or(
        hasRole(actor, 'applicant') ? eq(cases.applicantId, actor.userId) : undefined,
        sql`exists (select 1 from ${caseCollaborators} where ${caseCollaborators.caseId} = ${cases.id} and ${caseCollaborators.userId} = ${actor.userId})`,
      )
    : undefined;
  const judged = authored ? sql`${submitted} and not (${authored})` : submitted;
  if (wholeTrust.length > 0)
    branches.push({
      roles: wholeTrust,
      where: and(inTrust, judged),
      sees: judged,
      away: delegatedAway(actor, wholeTrust),
    });
  // A department leader who is also director or committee: the whole-trust branch already shows
  // these cases, but the endorser role they add decides whether a case waits.
  if (endorserGrants.length > 0 && !trustEndorser) {
    // The cases delegated to the actor, and those they were invited to collaborate on (ADR 0024).
    const leaderBranches: [CaseRole, SQL][] = [
      ['endorser', activeDelegation],
      ['collaborator', activeCollaboration],
    ];
    for (const [role, active] of leaderBranches) {
      branches.push({
        roles: [role],
        from: 'leaders',
        where: and(inTrust, judged, eq(caseLeaders.userId, actor.userId), active),
        sees: sql`${judged} and exists (select 1 from ${caseLeaders} where ${caseLeaders.caseId} = ${cases.id} and ${caseLeaders.userId} = ${actor.userId} and ${active})`,
      });
    }
    // No trust condition: the departments are the actor's trust's (the grants above), and
    // row-level security keeps to that trust too. Repeating it lets a generic plan pick the trust's
    // index and read the department's whole history (docs/performance.md, "Ninth round").
    const departmentIds = endorserGrants.flatMap((g) => (g.departmentId ? [g.departmentId] : []));
    const department = and(judged, inArray(cases.departmentId, departmentIds)) ?? judged;
    branches.push({
      roles: ['endorser'],
      where: department,
      sees: department,
      away: delegatedAway(actor, ['endorser']),
    });
  }
  return branches;
}

/**
 * The cases on which a branch holding `roles` sees the endorser's stage but the endorsement is
 * delegated to another leader (`caseRoles`: the actor is its `delegator`, and does not endorse):
 * in the statuses only the endorser role waits in, with an active delegation to someone else
 * (read through the partial unique index `case_leaders_one_delegate`). Undefined: never.
 */
function delegatedAway(actor: Actor, roles: readonly CaseRole[]): SQL | undefined {
  if (!roles.includes('endorser')) return undefined;
  const otherwise = activeWaiting(roles.filter((r) => r !== 'endorser'));
  const statuses = activeWaiting(roles).filter((s) => !otherwise.includes(s));
  if (statuses.length === 0) return undefined;
  return sql`${inArray(cases.status, statuses)} and exists (select 1 from ${caseLeaders} where ${caseLeaders.caseId} = ${cases.id} and ${activeDelegation} and ${caseLeaders.userId} <> ${actor.userId})`;
}

/** The active statuses in which a case waits for someone holding `roles`. */
const activeWaiting = (roles: readonly CaseRole[]) =>
  waitingStatuses(roles).filter((s) => !CONCLUDED_STATUSES.includes(s));

/** The active cases that wait for the roles of `branch` (`waitsFor`), or null: none can. */
function waitingThrough(branch: Branch): SQL | null {
  const statuses = activeWaiting(branch.roles);
  if (statuses.length === 0) return null;
  return branch.away
    ? sql`${activeCase} and ${inArray(cases.status, statuses)} and not (${branch.away})`
    : sql`${activeCase} and ${inArray(cases.status, statuses)}`;
}

/**
 * The other active cases seen through `branch`: in no status that waits for its roles, and not
 * waiting through another way of seeing them (the applicant who is also director, say), by
 * condition: a case waits for the actor when it waits through any of the branches that see it.
 */
function notWaitingThrough(branch: Branch, branches: readonly Branch[]): SQL {
  const own = activeWaiting(branch.roles);
  const elsewhere = branches.flatMap((other) => {
    const more = activeWaiting(other.roles).filter((s) => !own.includes(s));
    if (other === branch || more.length === 0) return [];
    const waits = other.away ? sql`${other.sees} and not (${other.away})` : other.sees;
    return [sql`not (${inArray(cases.status, more)} and ${waits})`];
  });
  const notOwn = own.length > 0 ? notInArray(cases.status, own) : undefined;
  return (
    and(activeCase, notOwn && branch.away ? or(notOwn, branch.away) : notOwn, ...elsewhere) ??
    activeCase
  );
}

/** A keyset page of one list: at most `limit` rows after the cursor, in `order` of (updated_at, id). */
interface KeysetPage {
  after: ListCursor | null;
  limit: number;
  order: 'newest' | 'oldest';
}

/**
 * The ids of the actor's cases matching `where` in each branch, as a union of one index-backed
 * select per branch. With `page`, each branch reads at most `page.limit` rows after the cursor,
 * so the cost does not grow with the trust's history or working set.
 */
function visibleCaseIds(
  tx: Tx,
  actor: Actor,
  branches: readonly Branch[],
  where: (branch: Branch) => SQL | null,
  page?: KeysetPage,
): SQL | null {
  const key = sql`(${cases.updatedAt}, ${cases.id})`;
  const cursor = page?.after
    ? sql`(${page.after.key}::timestamptz, ${page.after.id}::uuid)`
    : undefined;
  const keyset =
    page && cursor
      ? page.order === 'newest'
        ? sql`${key} < ${cursor}`
        : sql`${key} > ${cursor}`
      : undefined;
  const order = page?.order === 'oldest' ? asc : desc;
  const selects = branches.flatMap((branch) => {
    const condition = where(branch);
    if (!condition) return [];
    const filter = and(condition, branch.where, keyset);
    const base =
      branch.from === 'collaborators'
        ? tx
            .select({ id: cases.id })
            .from(caseCollaborators)
            .innerJoin(cases, eq(cases.id, caseCollaborators.caseId))
            .where(filter)
        : branch.from === 'leaders'
          ? tx
              .select({ id: cases.id })
              .from(caseLeaders)
              .innerJoin(cases, eq(cases.id, caseLeaders.caseId))
              .where(filter)
          : tx.select({ id: cases.id }).from(cases).where(filter);
    return [
      page
        ? sql`(${base.orderBy(order(cases.updatedAt), order(cases.id)).limit(page.limit)})`
        : sql`(${base})`,
    ];
  });
  return selects.length > 0 ? sql.join(selects, sql` union `) : null;
}

/** One case of a list of "My cases" as read (`listPage`), with who it names and its stage clock. */
const listRow = z.object({
  id: z.string(),
  trustId: z.string(),
  departmentId: z.string(),
  applicantId: z.string(),
  coAuthorIds: z.array(z.string()),
  delegateId: z.string().nullable(),
  collaboratorIds: z.array(z.string()),
  caseNumber: z.string().nullable(),
  status: z.string(),
  drug: z.string().nullable(),
  diagnosis: z.string().nullable(),
  updatedAt: z.coerce.date(),
  /** `updated_at` exactly (microseconds), as text: the list's cursor. */
  updatedKey: z.string(),
  urgent: z.boolean(),
  enteredAt: z.coerce.date().nullable(),
  normalDays: z.number().nullable(),
  urgentDays: z.number().nullable(),
  consultationDeadline: z.string().nullable(),
  outcome: z.enum(DECISION_OUTCOMES).nullable(),
});
type ListRow = z.output<typeof listRow>;
const myCasesRow = z.object({
  total: z.number(),
  waiting: z.array(listRow),
  others: z.array(listRow),
  finished: z.array(listRow),
});

/**
 * One page of a list (the cases `ids` selects) as a JSON array of `listRow`, in the list's order
 * of (updated_at, id). Only the fields the list shows are read (the drug's name and the main
 * diagnosis code from the answers, in SQL; no free text) and the outcome of its latest decision
 * (`latestOutcome`). With `clock`, when the case entered its status, the trust's deadline for it
 * and an open consultation's last day (the active lists); without, null.
 */
function listPage(ids: SQL | null, order: KeysetPage['order'], limit: number, clock: boolean) {
  if (!ids) return sql`'[]'::json`;
  const direction = sql.raw(order === 'oldest' ? 'asc' : 'desc');
  const item = sql`json_build_object('id', ${cases.id}, 'trustId', ${cases.trustId},
    'departmentId', ${cases.departmentId}, 'applicantId', ${cases.applicantId},
    'coAuthorIds', ${coAuthorIdsOf}, 'delegateId', ${delegateIdOf},
    'collaboratorIds', ${collaboratorIdsOf},
    'caseNumber', ${cases.caseNumber}, 'status', ${cases.status},
    'drug', ${cases.answers}->'drug'->>'label', 'diagnosis', ${cases.answers}->'diagnoses'->>0,
    'updatedAt', ${cases.updatedAt}, 'updatedKey', ${cases.updatedAt}::text,
    'urgent', ${cases.urgent},
    'enteredAt', ${clock ? enteredCurrentStatus : sql`null`},
    'normalDays', ${clock ? stageDeadlines.normalDays : sql`null`},
    'urgentDays', ${clock ? stageDeadlines.urgentDays : sql`null`},
    'consultationDeadline', ${clock ? openConsultationDeadline : sql`null`},
    'outcome', ${latestOutcome})`;
  const deadline = clock
    ? sql`left join ${stageDeadlines} on ${stageDeadlines.trustId} = ${cases.trustId} and ${stageDeadlines.status} = ${cases.status}`
    : sql``;
  return sql`(select coalesce(json_agg(page.item order by page.at ${direction}, page.id ${direction}), '[]'::json)
    from (select ${item} as item, ${cases.updatedAt} as at, ${cases.id} as id
      from ${cases} ${deadline}
      where ${cases.id} in (${ids})
      order by ${cases.updatedAt} ${direction}, ${cases.id} ${direction}
      limit ${limit}) as page)`;
}

/**
 * "My cases": everything the actor works on in their trust, what waits for them first: the active
 * cases in the statuses in which one of the actor's roles for the case must act, oldest first,
 * with how many wait in all (an index-backed count of those statuses). The other active cases and
 * the concluded ones follow, newest first. Each list comes a page at a time, keyset on
 * (updated_at, id), so the page costs the same whatever the trust's history and working set
 * (issue #7). The count and the three pages are one statement (`listPage`).
 */
export async function listMyCases(
  db: Db,
  actor: Actor,
  pages: MyCasesPages = {},
): Promise<MyCases> {
  const pageSize = LIST_PAGE_SIZE + 1;
  const branches = branchesOf(actor);
  // Only the actor's own applications (as applicant or co-author): one user's cases through an
  // index on the user, the same plan for every user. A director's, leader's or committee member's
  // list is planned on every run: its best plan depends on the trust, department and statuses.
  const ownOnly = branches.every((b) =>
    b.roles.every((r) => r === 'applicant' || r === 'coAuthor'),
  );
  const read = await inTenant(
    db,
    actor,
    async (tx) => {
      const allWaiting = visibleCaseIds(tx, actor, branches, waitingThrough);
      const waitingIds = visibleCaseIds(tx, actor, branches, waitingThrough, {
        after: pages.waiting ?? null,
        limit: pageSize,
        order: 'oldest',
      });
      const otherIds = visibleCaseIds(
        tx,
        actor,
        branches,
        (branch) => notWaitingThrough(branch, branches),
        { after: pages.others ?? null, limit: pageSize, order: 'newest' },
      );
      const finishedIds = visibleCaseIds(tx, actor, branches, () => concludedCase, {
        after: pages.finished ?? null,
        limit: pageSize,
        order: 'newest',
      });
      // The count and the three pages, with each case's co-authors and added leaders, in one
      // statement, named by its text: planning it took longer than running it (4–7 ms at 1,000,000
      // cases). PostgreSQL may then plan an applicant's or co-author's list once for every run
      // (its generic plan after five runs: 8.0 → 1.0 ms at the server); the others' lists are
      // parsed once and planned on each run.
      const total = allWaiting
        ? sql`(select count(*)::int from (${allWaiting}) as waiting)`
        : sql`0`;
      const [row] = rowsOf(
        await executeNamed(
          tx,
          sql`select ${total} as total,
        ${listPage(waitingIds, 'oldest', pageSize, true)} as waiting,
        ${listPage(otherIds, 'newest', pageSize, true)} as others,
        ${listPage(finishedIds, 'newest', pageSize, false)} as finished`,
        ),
        myCasesRow,
      );
      if (!row) throw new Error('My cases: no row');
      return row;
    },
    { customPlans: !ownOnly },
  );
  const toItem = (row: ListRow): CaseListItem | undefined => {
    if (!isStatus(row.status)) throw new Error(`Unknown status in database: ${row.status}`);
    const status = row.status;
    const roles = caseRoles(actor, { ...row, status, consultedByActorTrust: false });
    if (roles.length === 0) return undefined;
    const diagnosis = mainDiagnosis(row.diagnosis);
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      status,
      drug: row.drug ?? '',
      diagnosisCode: diagnosis.code,
      diagnosisName: diagnosis.name,
      updatedAt: row.updatedAt,
      waitingForMe: waitsFor(roles, status),
      urgent: row.urgent,
      outcome: row.outcome,
      // Concluded cases have no stage clock (their entry time is not read: null).
      dueAt: stageDueAt({
        status,
        enteredAt: row.enteredAt,
        urgent: row.urgent,
        deadline:
          row.normalDays === null || row.urgentDays === null
            ? null
            : { normalDays: row.normalDays, urgentDays: row.urgentDays },
        consultationDeadline: row.consultationDeadline,
      }),
    };
  };
  const paged = (list: ListRow[]): ListPage => {
    const page = list.slice(0, LIST_PAGE_SIZE);
    const last = page.at(-1);
    return {
      items: page.flatMap((row) => toItem(row) ?? []),
      next: list.length > LIST_PAGE_SIZE && last ? { key: last.updatedKey, id: last.id } : null,
    };
  };
  return {
    // Oldest first: the case that has waited longest is handled first.
    waiting: { ...paged(read.waiting), total: read.total },
    others: paged(read.others),
    finished: paged(read.finished),
  };
}

export interface HistoryEntry {
  event: HistoryEvent;
  fromStatus: Status | null;
  toStatus: Status;
  actorName: string;
  /** `system`: a background job did it (the follow-up job's beginFollowUp). */
  actorRole: EventRole;
  /** Done outside the portal, before the case was registered after the fact (`outsidePortal`). */
  outsidePortal: boolean;
  reason: string | null;
  /** A reason was given, but it is the caseworkers' own and this reader does not see it. */
  reasonHidden: boolean;
  at: Date;
}

/** Who changed which answer, when (the application's field-level history). */
export interface ChangeEntry {
  questionId: QuestionId;
  actorName: string;
  at: Date;
}

export interface DecisionView {
  version: number;
  outcome: DecisionOutcome;
  reason: string;
  conditions: string | null;
  decidedByName: string;
  decidedAt: Date;
}

export type { Person } from '../auth/people.server';

/** The case with its drug: today's FEST facts, the changes since the snapshot, the scheme warning. */
export interface CaseView extends CaseDrug {
  id: string;
  version: number;
  caseNumber: string | null;
  status: Status;
  answers: Answers;
  trustName: string;
  departmentName: string;
  applicantName: string;
  coAuthors: Person[];
  submittedAt: Date | null;
  createdAt: Date;
  roles: CaseRole[];
  /**
   * The actor works the case in the treating trust (`seesPatientIdentity`): they may unmask the
   * patient id, export the application and get the decision letter; a consulted trust may not.
   */
  seesPatientIdentity: boolean;
  /** The kind of the patient id (fødselsnummer, D-, H-, FH-nummer, …), null without a valid one. */
  patientIdKind: PatientIdKind | null;
  events: CaseEvent[];
  editable: boolean;
  history: HistoryEntry[];
  changes: ChangeEntry[];
  decision: DecisionView | null;
  /** Texts of the chosen diagnoses, by compact code. */
  diagnoses: Partial<Record<string, Diagnosis>>;
  /**
   * The drug's FEST facts when the application was last sent (ADR 0027); null when no FEST
   * product was sent, or the case was sent before snapshots were kept.
   */
  festSnapshot: FestSnapshot | null;
  /** Registered after the fact (features/retrospective). */
  retrospective: boolean;
}

/**
 * The whole case for someone working it. Reading it is a read of personal data (the patient's
 * identity), so every call is written to the access log in the same transaction.
 */
export async function getCase(
  db: Db,
  actor: Actor,
  caseId: string,
  action: 'view' | 'edit' | 'export' | 'fhirExport' = 'view',
): Promise<CaseView> {
  return inTenant(db, actor, (tx) => getCaseIn(tx, actor, caseId, action));
}

const changer = alias(users, 'changer');
const coAuthor = alias(users, 'co_author');
const caseDetails = z.object({
  trust: z.string(),
  department: z.string(),
  applicant: z.string(),
  coAuthors: z.array(z.object({ id: z.string(), name: z.string(), title: z.string() })),
  changes: z.array(
    z.object({ questionId: z.string(), actorName: z.string(), at: z.coerce.date() }),
  ),
  trail: z.array(trailEvent),
  decisions: z.array(storedDecision),
});

/**
 * What the case view shows beside the case row, in one statement: the names of its trust,
 * department and applicant, its co-authors by name, the answers changed after submission
 * (oldest first), its audit trail and its decisions. The lists come as JSON arrays (one row
 * whatever their length). In a page's transaction the trail and the decisions are kept for the
 * other sections (`caseTrailIn`, `caseDecisionsIn`).
 */
async function caseDetailsIn(tx: Tx, row: VisibleCase['row']) {
  const [details] = await tx
    .select({
      trust: trusts.name,
      department: departments.name,
      applicant: users.name,
      coAuthors: sql`coalesce((select json_agg(json_build_object('id', ${coAuthor.id}, 'name', ${coAuthor.name}, 'title', ${coAuthor.title}) order by ${coAuthor.name})
        from ${users} "co_author" where ${coAuthor.id} in (select ${caseCollaborators.userId} from ${caseCollaborators} where ${caseCollaborators.caseId} = ${row.id})), '[]')`,
      changes: sql`coalesce((select json_agg(json_build_object('questionId', ${caseChanges.questionId}, 'actorName', ${changer.name}, 'at', ${caseChanges.createdAt}) order by ${caseChanges.id})
        from ${caseChanges} join ${users} "changer" on ${changer.id} = ${caseChanges.actorId} where ${caseChanges.caseId} = ${row.id}), '[]')`,
      trail: trailOf(row.id),
      decisions: decisionsOf(row.id),
    })
    .from(trusts)
    .innerJoin(departments, eq(departments.id, row.departmentId))
    .innerJoin(users, eq(users.id, row.applicantId))
    .where(eq(trusts.id, row.trustId))
    .prepare('sp_case_details')
    .execute();
  if (!details) throw new Error('A case without its trust, department or applicant');
  const parsed = caseDetails.parse(details);
  knownPerPage(tx, (r) => r.trails, row.id, parsed.trail);
  knownPerPage(tx, (r) => r.decisions, row.id, parsed.decisions);
  return parsed;
}

/** `getCase` in the caller's transaction (the case page reads all its sections in one). */
export async function getCaseIn(
  tx: Tx,
  actor: Actor,
  caseId: string,
  action: 'view' | 'edit' | 'export' | 'fhirExport' = 'view',
): Promise<CaseView> {
  const view = await (async () => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId);
    const status = statusOf(row);
    // Every read but the view (the export, and any other that carries the full patient id) is the
    // treating trust's alone (BRIEF §7).
    if (action !== 'view' && !seesPatientIdentity(roles)) {
      throw new CaseError('patientIdentityHidden');
    }
    const details = await caseDetailsIn(tx, row);
    const [found] = details.decisions;
    const decision = found && {
      version: found.version,
      outcome: found.outcome,
      reason: found.reason,
      conditions: found.conditions,
      decidedByName: found.decidedByName,
      decidedAt: found.decidedAt,
    };
    const role = accessRole(roles, status);
    // Opening for editing a case the actor may not edit shows nothing (the page sends them to the
    // case): not on the log as an edit.
    const shown = action !== 'edit' || canEditApplication(roles, status);
    if (role && shown) await logAccess(tx, actor, role, row.id, action);
    const readsInternalNotes = visibleTo(roles).includes('internal');
    const history = details.trail.flatMap((h) => {
      const event = historyEvent(h.event);
      return event ? [{ ...h, event }] : [];
    });
    const outside = outsidePortal(history);
    return {
      diagnoses: diagnosisNames(row.answers),
      festSnapshot: row.festSnapshot,
      id: row.id,
      version: row.version,
      caseNumber: row.caseNumber,
      status,
      // A consulted trust never gets the patient id, not even its date part, not even into a
      // route (BRIEF §7).
      answers: seesPatientIdentity(roles) ? row.answers : maskedAnswers(row.answers, 'whole'),
      trustName: details.trust,
      departmentName: details.department,
      applicantName: details.applicant,
      coAuthors: details.coAuthors,
      submittedAt: row.submittedAt,
      createdAt: row.createdAt,
      retrospective: row.retrospective,
      roles,
      seesPatientIdentity: seesPatientIdentity(roles),
      // The kind tells a D-nummer or H-nummer from a fødselsnummer: not for a consulted trust either.
      patientIdKind:
        seesPatientIdentity(roles) && typeof row.answers.patientId === 'string'
          ? patientIdKind(row.answers.patientId)
          : null,
      // Consultation events go through features/consultations (they also change the read grant).
      events: availableEvents(status, roles, schemeOf(row)).filter((e) => !isConsultationEvent(e)),
      editable: canEditApplication(roles, status),
      history: history.map((h, i) => {
        const shown = reasonShown(h.event, readsInternalNotes);
        return {
          ...h,
          outsidePortal: outside[i] ?? false,
          fromStatus: h.fromStatus as Status | null,
          toStatus: h.toStatus as Status,
          actorRole: isEventRole(h.actorRole) ? h.actorRole : 'applicant',
          reason: shown ? h.reason : null,
          reasonHidden: !shown && h.reason !== null,
        };
      }),
      changes: details.changes.map((c) => ({ ...c, questionId: c.questionId as QuestionId })),
      decision: decision ? { ...decision, outcome: decision.outcome as DecisionOutcome } : null,
    } satisfies Omit<CaseView, keyof CaseDrug>;
  })();
  // FEST is reference data without row-level security: read in the same transaction.
  return { ...view, ...(await caseDrugIn(tx, view.answers, view.festSnapshot)) };
}

/** The FEST product id of the drug answer, when the drug was picked from FEST. */
function drugIdOf(answers: Answers): string | null {
  return drugAnswer(answers)?.id ?? null;
}

/**
 * Checks answers that refer to registers: diagnosis codes must exist in ICD-10/ICPC-2 (stored in
 * their canonical form), and a FEST product id is kept only while the text is still that
 * product's name (without JavaScript the text can be edited under an old id).
 */
async function checkReferences(db: Db, answers: Answers, errors: FieldErrors): Promise<Answers> {
  let out = answers;
  const codes = answers.diagnoses;
  if (Array.isArray(codes)) {
    const { diagnoses, unknown } = parseDiagnosisList(codes, diagnosisIndex().find);
    if (unknown.length > 0) {
      errors.diagnoses = 'diagnosisFormat';
      out = setAnswer(out, 'diagnoses', null);
    } else {
      out = setAnswer(out, 'diagnoses', diagnoses.map(toCompact));
    }
  }
  const drug = drugAnswer(answers);
  if (drug) {
    // The id follows the text: dropped when the text is no longer its product's name, set when
    // the text is exactly one product's name (typed, or posted without JavaScript).
    const facts = await resolveDrugChoice(db, { id: drug.id ?? '', label: drug.label });
    const id = facts?.id ?? null;
    if (id !== drug.id) out = setAnswer(out, 'drug', { id, label: drug.label });
  }
  return out;
}

/** The chosen diagnoses with their texts, by compact code (for the picker and read views). */
export function diagnosisNames(answers: Answers): Partial<Record<string, Diagnosis>> {
  const codes = Array.isArray(answers.diagnoses) ? answers.diagnoses : [];
  const { diagnoses } = parseDiagnosisList(codes, diagnosisIndex().find);
  return Object.fromEntries(diagnoses.map((d) => [toCompact(d), d]));
}

/**
 * The diagnosis answer as an editor wrote it (a form shown again after a refused save): the
 * texts of the codes found, keyed by the code as written (`D45` as well as `ICD10:D45`), and the
 * codes found in neither ICD-10 nor ICPC-2, as written.
 */
export function writtenDiagnoses(answers: Answers): {
  names: Partial<Record<string, Diagnosis>>;
  unknown: string[];
} {
  const codes = Array.isArray(answers.diagnoses) ? answers.diagnoses : [];
  const names: Partial<Record<string, Diagnosis>> = {};
  const unknown: string[] = [];
  for (const code of codes) {
    const diagnosis = parseDiagnosis(code, diagnosisIndex().find);
    if (diagnosis) names[code] = diagnosis;
    else unknown.push(code);
  }
  return { names, unknown };
}

/** Creates a draft application in the applicant's department, with any answers already given. */
export async function createDraft(
  db: Db,
  actor: Actor,
  given: Answers,
): Promise<{ id: string; version: number }> {
  const referenceErrors: FieldErrors = {};
  const answers = await checkReferences(db, given, referenceErrors);
  return inTenant(db, actor, async (tx) => {
    const grant = actor.grants.find((g) => g.role === 'applicant' && g.trustId === actor.trustId);
    if (!grant) throw new CaseError('forbidden');
    const errors = { ...startErrors(answers), ...referenceErrors };
    if (Object.keys(errors).length > 0) throw new CaseError('invalid', errors);
    const departmentId = grant.departmentId ?? (await firstDepartment(tx, actor.trustId));
    const [created] = await tx
      .insert(cases)
      .values({
        answers,
        trustId: actor.trustId,
        departmentId,
        applicantId: actor.userId,
        status: 'draft',
      })
      .returning({ id: cases.id, version: cases.version });
    if (!created) throw new Error('Insert returned no row');
    await tx.insert(caseEvents).values({
      caseId: created.id,
      trustId: actor.trustId,
      event: 'create',
      fromStatus: null,
      toStatus: 'draft',
      actorId: actor.userId,
      actorRole: 'applicant',
    });
    await recordChanges(tx, actor, created.id, Object.keys(answers) as QuestionId[]);
    await logAccess(tx, actor, 'applicant', created.id, 'create');
    return created;
  });
}

async function recordChanges(tx: Tx, actor: Actor, caseId: string, ids: readonly QuestionId[]) {
  if (ids.length === 0) return;
  await tx.insert(caseChanges).values(
    ids.map((questionId) => ({
      caseId,
      trustId: actor.trustId,
      actorId: actor.userId,
      questionId,
    })),
  );
}

export interface SaveResult {
  version: number;
  /** Changes refused because the value cannot be stored even in a draft (too long, unknown). */
  errors: FieldErrors;
  /** The stored answers after the merge (the editor refreshes fields it is not editing). */
  answers: Answers;
  applied: QuestionId[];
  /** Fields someone else changed meanwhile, with their value: the editor must choose. */
  conflicts: Partial<Record<QuestionId, AnswerValue | null>>;
}

/**
 * Saves an editor's changed answers with a per-field three-way merge (see domain/merge.ts), under
 * the row lock, so two co-authors never silently overwrite each other. Each applied change is
 * recorded as who changed which question.
 */
export async function saveAnswers(
  db: Db,
  actor: Actor,
  caseId: string,
  requested: FieldChanges,
): Promise<SaveResult> {
  const referenceErrors: FieldErrors = {};
  const checked = await checkReferences(
    db,
    Object.fromEntries(
      Object.entries(requested).flatMap(([id, c]) => (c.value === null ? [] : [[id, c.value]])),
    ),
    referenceErrors,
  );
  const changes: FieldChanges = {};
  for (const [id, change] of Object.entries(requested) as [QuestionId, FieldChange][]) {
    if (id in referenceErrors) continue;
    changes[id] = { base: change.base, value: checked[id] ?? change.value };
  }
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId, true);
    const status = statusOf(row);
    if (!roles.includes('applicant') && !roles.includes('coAuthor')) {
      throw new CaseError('forbidden');
    }
    if (!canEditApplication(roles, status)) throw new CaseError('invalidTransition');
    const errors: FieldErrors = { ...referenceErrors };
    const storable: FieldChanges = {};
    for (const [id, change] of Object.entries(changes) as [QuestionId, FieldChange][]) {
      const question = QUESTIONS.get(id);
      const error = question ? draftError(question, change.value) : 'invalidValue';
      if (error) errors[id] = error;
      else storable[id] = change;
    }
    // A group under a scheme for one patient is refused for the scheme and the scope as sent.
    const tried = mergeAnswers(row.answers, storable);
    const scopeErrors = scopeChangeErrors(tried.merged, tried.applied);
    Object.assign(errors, scopeErrors);
    const kept: FieldChanges = Object.fromEntries(
      Object.entries(storable).filter(([id]) => !(id in scopeErrors)),
    );
    const role = roles.includes('applicant') ? 'applicant' : 'coAuthor';
    const { merged, applied, conflicts } = mergeAnswers(row.answers, kept);
    if (applied.length === 0) {
      // Nothing stored, but the stored answers (the patient id among them) go back to the editor,
      // who needs them to show a co-author's changes: a read of personal data.
      await logAccess(tx, actor, role, row.id, 'view');
      return { version: row.version, errors, answers: row.answers, applied, conflicts };
    }
    const [updated] = await tx
      .update(cases)
      .set({ answers: merged, version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cases.id, row.id), eq(cases.version, row.version)))
      .returning({ version: cases.version });
    if (!updated) throw new CaseError('conflict');
    await recordChanges(tx, actor, row.id, applied);
    await logAccess(tx, actor, role, row.id, 'saveAnswers');
    return { version: updated.version, errors, answers: merged, applied, conflicts };
  });
}

/** Invites a colleague of the same trust (a doctor) to co-author the application. */
export async function inviteCoAuthor(db: Db, actor: Actor, caseId: string, userId: string) {
  return inTenant(db, actor, async (tx) => {
    const { row, roles, coAuthorIds } = await loadVisibleCase(tx, actor, caseId, true);
    if (!roles.includes('applicant')) throw new CaseError('forbidden');
    if (!canEditApplication(roles, statusOf(row))) throw new CaseError('invalidTransition');
    const colleagues = await colleaguesIn(tx, actor, [row.applicantId, ...coAuthorIds]);
    const colleague = colleagues.find((c) => c.id === userId);
    if (!colleague) throw new CaseError('invalid', { userId: 'invalidValue' });
    await tx.insert(caseCollaborators).values({
      caseId: row.id,
      trustId: row.trustId,
      userId,
      invitedBy: actor.userId,
    });
    await tx.insert(caseEvents).values({
      caseId: row.id,
      trustId: row.trustId,
      event: 'inviteCoAuthor',
      fromStatus: row.status,
      toStatus: row.status,
      actorId: actor.userId,
      actorRole: 'applicant',
      reason: colleague.name,
    });
    await notify(tx, {
      trustId: row.trustId,
      caseId: row.id,
      kind: 'coAuthorInvited',
      recipientIds: [userId],
      exceptUserId: actor.userId,
    });
  });
}

/**
 * Of these people, those who have written in the case's application: an answer (`case_changes`)
 * or an attachment. They are its authors, whether or not they are still co-authors.
 */
async function wroteIn(tx: Tx, caseId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: caseChanges.actorId })
    .from(caseChanges)
    .where(and(eq(caseChanges.caseId, caseId), inArray(caseChanges.actorId, [...userIds])))
    .union(
      tx
        .select({ id: attachments.uploadedBy })
        .from(attachments)
        .where(and(eq(attachments.caseId, caseId), inArray(attachments.uploadedBy, [...userIds]))),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * The applicant takes a co-author off the application (invited by mistake, or never part of it),
 * while they may still edit it: the invitation is deleted, which ends the co-author's access to
 * the case at once, the history records it, and the colleague is told (`coAuthorRemoved`; their
 * notice does not link to the case, closed to them now). A co-author who has written in it
 * (`wroteIn`) stays (`coAuthorWrote`): an author may not judge the case (`caseRoles`), and that
 * rule reads the co-authors. Someone who is not a co-author (removed a moment ago, by a second
 * click) changes nothing: false.
 */
export async function removeCoAuthor(
  db: Db,
  actor: Actor,
  caseId: string,
  userId: string,
): Promise<boolean> {
  return inTenant(db, actor, async (tx) => {
    const { row, roles, coAuthorIds } = await loadVisibleCase(tx, actor, caseId, true);
    if (!roles.includes('applicant')) throw new CaseError('forbidden');
    if (!canEditApplication(roles, statusOf(row))) throw new CaseError('invalidTransition');
    if (!coAuthorIds.includes(userId)) return false;
    if ((await wroteIn(tx, row.id, [userId])).size > 0) throw new CaseError('coAuthorWrote');
    const [removed] = await tx
      .delete(caseCollaborators)
      .where(and(eq(caseCollaborators.caseId, row.id), eq(caseCollaborators.userId, userId)))
      .returning({ userId: caseCollaborators.userId });
    if (!removed) return false;
    const [colleague] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, userId));
    await tx.insert(caseEvents).values({
      caseId: row.id,
      trustId: row.trustId,
      event: 'removeCoAuthor',
      fromStatus: row.status,
      toStatus: row.status,
      actorId: actor.userId,
      actorRole: 'applicant',
      reason: colleague?.name ?? null,
    });
    await notify(tx, {
      trustId: row.trustId,
      caseId: row.id,
      kind: 'coAuthorRemoved',
      caseNumber: row.caseNumber,
      recipientIds: [userId],
      exceptUserId: actor.userId,
    });
    return true;
  });
}

/** Applicants and co-authors of the actor's trust, other than those given. */
const colleaguesIn = (tx: Tx, actor: Actor, exclude: string[]) =>
  peopleWithRoles(tx, actor.trustId, ['applicant', 'coAuthor'], exclude);

/**
 * The applicant's co-author choices on the edit page, in one read of the case: the colleagues they
 * may invite, and the co-authors who have written in the application (`wroteIn`), who stay on it.
 */
export async function coAuthorChoices(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<{ colleagues: Person[]; wrote: string[] }> {
  return inTenant(db, actor, async (tx) => {
    const { row, coAuthorIds } = await loadVisibleCase(tx, actor, caseId);
    return {
      colleagues: await colleaguesIn(tx, actor, [row.applicantId, ...coAuthorIds]),
      wrote: [...(await wroteIn(tx, row.id, coAuthorIds))],
    };
  });
}

async function firstDepartment(tx: Tx, trustId: string): Promise<string> {
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.trustId, trustId))
    .orderBy(asc(departments.name))
    .limit(1);
  if (!department) throw new CaseError('forbidden');
  return department.id;
}

export interface TransitionInput {
  caseId: string;
  /** The version the actor saw; a change in between is a conflict (409). */
  version: number;
  event: CaseEvent;
  reason?: string;
  /** For decide and reviseDecision (where `reason` is the decision's justification). */
  outcome?: string;
  conditions?: string;
  evaluationDate?: string;
  prescriptionNote?: string;
  invoicing?: string;
  /** For reviseDecision: why the decision is revised (the event's reason). */
  revisionReason?: string;
}

/**
 * Fires one workflow event: checks the transition table, validates the payload, then changes the
 * status with a compare-and-set on status and version, in the same transaction as the audit
 * record (and, at first submission, the løpenummer; at a decision, the frozen decision record).
 */
export async function transition(
  db: Db,
  actor: Actor,
  input: TransitionInput,
): Promise<TransitionResult> {
  // Consultation events also open or close a read grant: only features/consultations fires them.
  if (isConsultationEvent(input.event)) throw new CaseError('invalidTransition');
  // The outcome is recorded with its form (followup.server.ts recordOutcome), the committee's
  // recommendation with its own (assessment.server.ts recommend), the leader's endorsement or
  // refusal with its own and the assessment against the criteria (assessment.server.ts
  // endorseCase), the answer to a request for information with the files its form listed
  // (attachments.server.ts sendAnswer), never bare.
  if (
    input.event === 'recordOutcome' ||
    input.event === 'provideInformation' ||
    input.event === 'recommend' ||
    input.event === 'endorse' ||
    input.event === 'notEndorse'
  ) {
    throw new CaseError('invalidTransition');
  }
  return inTenant(db, actor, (tx) => transitionIn(tx, actor, input));
}

export interface TransitionResult {
  version: number;
  caseNumber: string | null;
  /** The role the event was fired in: the one on the case event and the access log. */
  role: CaseRole;
}

/**
 * A transition inside the caller's transaction, for use cases that record more with it (an
 * endorsement's assessment, a consultation grant) atomically.
 */
export async function transitionIn(
  tx: Tx,
  actor: Actor,
  input: TransitionInput,
): Promise<TransitionResult> {
  const { row, roles, ...members } = await loadVisibleCase(tx, actor, input.caseId);
  if (row.version !== input.version) throw new CaseError('conflict');
  const from = statusOf(row);
  const scheme = schemeOf(row);
  const check = checkTransition(from, input.event, roles, scheme);
  if (!check.ok) {
    // Conflict of interest: say so when only the actor's authorship of the case stands in the way.
    const conflicted = conflictedRoles(actor, { ...row, ...members, status: from });
    throw new CaseError(
      transitionRefusal(from, input.event, roles, conflicted, scheme) ?? check.error,
    );
  }

  let reason: string | null = input.reason?.trim() || null;
  let decision: ComposedDecision | null = null;
  let previousDecision: { version: number; interregionalCommittee: boolean } | undefined;
  if (input.event === 'decide' || input.event === 'reviseDecision') {
    [previousDecision] = await tx
      .select({
        version: caseDecisions.version,
        interregionalCommittee: caseDecisions.interregionalCommittee,
      })
      .from(caseDecisions)
      .where(eq(caseDecisions.caseId, row.id))
      .orderBy(desc(caseDecisions.version))
      .limit(1);
    const parsed = decisionSchema(dateInNorway(new Date()), row.caseNumber ?? '').safeParse({
      outcome: input.outcome ?? '',
      reason: input.reason ?? '',
      conditions: input.conditions ?? '',
      evaluationDate: input.evaluationDate ?? '',
      prescriptionNote: input.prescriptionNote ?? '',
      invoicing: input.invoicing ?? '',
    });
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (input.event === 'reviseDecision') {
      const why = reasonSchema.safeParse({ reason: input.revisionReason ?? '' });
      if (why.success) reason = why.data.reason;
      else errors.revisionReason = fieldErrors(why.error).reason;
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      throw new CaseError('invalid', errors);
    }
    // Tilgangsordningen: recorded from the committee's status, the decision is the committee's;
    // a revision keeps whose decision it is.
    const interregional =
      input.event === 'decide'
        ? from === 'atInterregionalCommittee'
        : (previousDecision?.interregionalCommittee ?? false);
    decision = composeDecision(parsed.data, decisionTextLabels, {
      caseNumber: row.caseNumber ?? '',
      treatment: treatmentOf(row.answers, row.festSnapshot),
      interregionalCommittee: interregional,
    });
    if (input.event === 'decide') reason = decision.reason;
  } else {
    const schema = check.transition.reasonRequired ? reasonSchema : optionalReasonSchema;
    const parsed = schema.safeParse({ reason: input.reason ?? '' });
    if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
    reason = parsed.data.reason || null;
  }
  let answers = row.answers;
  const now = new Date();
  // What the drug was in FEST when sent, kept in the same update as the status (ADR 0027).
  const sending = input.event === 'submit' || input.event === 'resubmit';
  let festSnapshot: FestSnapshot | null = null;
  if (sending) {
    const missing = submissionErrors(answers);
    if (Object.keys(missing).length > 0) throw new CaseError('invalid', missing);
    // Answers to questions that no longer apply (a patient id on a group application) go.
    const stale = inapplicableAnswers(answers);
    answers = Object.fromEntries(
      Object.entries(answers).filter(([id]) => !stale.includes(id as QuestionId)),
    );
    const drugId = drugIdOf(answers);
    if (drugId) festSnapshot = await festSnapshotIn(tx, drugId, now);
  }

  const [updated] = await tx
    .update(cases)
    .set({
      status: check.transition.to,
      version: sql`${cases.version} + 1`,
      updatedAt: now,
      answers,
      ...(input.event === 'submit' ? { submittedAt: now } : {}),
      ...(sending ? { festSnapshot } : {}),
    })
    .where(and(eq(cases.id, row.id), eq(cases.status, from), eq(cases.version, input.version)))
    .returning({ version: cases.version, caseNumber: cases.caseNumber });
  if (!updated) throw new CaseError('conflict');
  // Leaving consultation other than by its answer or revocation (the applicant withdraws): the
  // consulted trust's grant ends with it, and the people asked there are told.
  if (from === 'inConsultation' && check.transition.to !== 'inConsultation') {
    await endConsultationOnWithdrawal(tx, row, actor.userId, now);
  }

  let caseNumber = updated.caseNumber;
  if (input.event === 'submit' && caseNumber === null) {
    caseNumber = await assignCaseNumber(tx, row, now);
  }
  if (decision) {
    await tx.insert(caseDecisions).values({
      caseId: row.id,
      trustId: row.trustId,
      version: (previousDecision?.version ?? 0) + 1,
      outcome: decision.outcome,
      reason: decision.reason,
      conditions: decision.conditions,
      evaluationDate: decision.evaluationDate,
      prescriptionNote: decision.prescriptionNote,
      invoicing: decision.invoicing,
      interregionalCommittee: decision.interregionalCommittee,
      text: decision.text,
      decidedBy: actor.userId,
    });
  }
  await tx.insert(caseEvents).values({
    caseId: row.id,
    trustId: row.trustId,
    event: input.event,
    fromStatus: from,
    toStatus: check.transition.to,
    actorId: actor.userId,
    actorRole: check.role,
    reason,
    // The end of a wait for information (the answer, or a withdrawal) is timed now, after the
    // compare-and-set took the row lock, not when the transaction began: after every attachment
    // added to the answer under that lock (attachments.server.ts `waitOf`).
    ...(from === 'awaitingInformation' ? { createdAt: sql`clock_timestamp()` } : {}),
  });
  // A change of the case (and, at a decision, of its contents): on the access log too.
  await logAccess(tx, actor, check.role, row.id, input.event);
  // The members read with the case: the co-author and collaborator groups need no query.
  await notifyForTransition(tx, {
    ...row,
    ...members,
    caseId: row.id,
    event: input.event,
    from,
    actorId: actor.userId,
  });
  return { version: updated.version, caseNumber, role: check.role };
}

/**
 * The next løpenummer for the case's trust and year. The counter row is locked by the upsert until
 * the submitting transaction ends, so concurrent submissions queue and a rolled-back submission
 * leaves no gap.
 */
async function assignCaseNumber(tx: Tx, row: CaseRow, at: Date): Promise<string> {
  const caseNumber = await nextCaseNumber(tx, row.trustId, at);
  await tx.update(cases).set({ caseNumber }).where(eq(cases.id, row.id));
  return caseNumber;
}

/**
 * Takes the next number from the trust's gap-free counter for the year (Norwegian time) of `at`,
 * inside the caller's transaction. Also used by etterregistrering, with the original submission date.
 */
export async function nextCaseNumber(tx: Tx, trustId: string, at: Date): Promise<string> {
  const year = norwegianYear(at);
  const [counter] = await tx
    .insert(caseNumberCounters)
    .values({ trustId, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.trustId, caseNumberCounters.year],
      set: { lastValue: sql`${caseNumberCounters.lastValue} + 1` },
    })
    .returning({ value: caseNumberCounters.lastValue });
  const [trust] = await tx.select({ code: trusts.code }).from(trusts).where(eq(trusts.id, trustId));
  if (!counter || !trust) throw new Error('Case number: counter or trust missing');
  return formatCaseNumber(trust.code, year, counter.value);
}
