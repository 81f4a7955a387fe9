import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import { caseInquiries, caseInquiryEvents, caseSummaries, trusts, users } from '../../db/schema';
import type { Actor } from '../auth/domain/roles';
import { formVersion } from '../../lib/form';
import { notify, usersWithRole } from '../notifications/notifications.server';
import { getNationalSummaryIn, type NationalSummary } from '../precedents/precedents.server';
import {
  answersInquiries,
  askRefusal,
  asksInquiries,
  checkAnswer,
  checkQuestion,
  isAsker,
  mayAnswer,
  mayRead,
  mayWithdraw,
  nextStatus,
  type InquiryEvent,
  type InquiryFieldErrors,
  type InquiryProblem,
  type InquiryStatus,
} from './domain/inquiry';

/**
 * A refused inquiry: a problem shown above the form (`InquiryProblem`), `notFound` (no such case
 * or inquiry, or one the actor may not read) or `invalid` (not a form of ours). Bad text is
 * `InquiryInputError`.
 */
export type InquiryErrorCode = InquiryProblem | 'notFound' | 'invalid';

export class InquiryError extends Error {
  constructor(readonly code: InquiryErrorCode) {
    super(code);
    this.name = 'InquiryError';
  }
}

/** A question or answer with bad text: nothing was changed; the form shows these per field. */
export class InquiryInputError extends Error {
  constructor(readonly fieldErrors: InquiryFieldErrors) {
    super('invalid inquiry input');
    this.name = 'InquiryInputError';
  }
}

/** An inquiry as its two parties see it: the texts, who wrote them, and the case's number. */
export interface InquiryView {
  id: string;
  caseNumber: string;
  caseTrustName: string;
  askerName: string;
  askerTrustName: string;
  question: string;
  askedAt: Date;
  status: InquiryStatus;
  version: number;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  withdrawnAt: Date | null;
}

/** The most inquiries one list shows. */
const LIST_LIMIT = 200;

/** The inquiries matching `where` (row-level security first keeps them to the two trusts). */
async function inquiriesWhere(tx: Tx, where: SQL | undefined, order: SQL[]) {
  const caseTrust = alias(trusts, 'case_trust');
  const askerTrust = alias(trusts, 'asker_trust');
  const asker = alias(users, 'asker');
  const answerer = alias(users, 'answerer');
  return tx
    .select({
      id: caseInquiries.id,
      trustId: caseInquiries.trustId,
      askerTrustId: caseInquiries.askerTrustId,
      askedBy: caseInquiries.askedBy,
      caseNumber: caseSummaries.caseNumber,
      caseTrustName: caseTrust.name,
      askerName: asker.name,
      askerTrustName: askerTrust.name,
      question: caseInquiries.question,
      askedAt: caseInquiries.askedAt,
      status: caseInquiries.status,
      version: caseInquiries.version,
      answer: caseInquiries.answer,
      answeredByName: answerer.name,
      answeredAt: caseInquiries.answeredAt,
      withdrawnAt: caseInquiries.withdrawnAt,
    })
    .from(caseInquiries)
    .innerJoin(caseSummaries, eq(caseSummaries.caseId, caseInquiries.caseId))
    .innerJoin(caseTrust, eq(caseTrust.id, caseInquiries.trustId))
    .innerJoin(askerTrust, eq(askerTrust.id, caseInquiries.askerTrustId))
    .innerJoin(asker, eq(asker.id, caseInquiries.askedBy))
    .leftJoin(answerer, eq(answerer.id, caseInquiries.answeredBy))
    .where(where)
    .orderBy(...order)
    .limit(LIST_LIMIT);
}
type InquiryRow = Awaited<ReturnType<typeof inquiriesWhere>>[number];

/** What the pages get: the row without the ids the access rules read. */
const view = ({ trustId, askerTrustId, askedBy, ...shown }: InquiryRow): InquiryView => shown;

/** What the national summary of one case shows about inquiries, for the actor. */
export interface CaseInquiries {
  /** Null: the actor may ask; else why not (the page then shows no form, or says why). */
  refusal: 'notAsker' | 'ownTrust' | null;
  /** The actor's own inquiries about the case, newest first. */
  mine: InquiryView[];
}

/**
 * The national summary as the page gets it: the case named by its løpenummer only, without its
 * internal id or its trust's (the page goes to readers of every trust; ids stay on the server).
 */
export type NationalCaseSummary = Omit<NationalSummary, 'caseId' | 'trustId'>;

/**
 * The national summary of one case (no personal data) and the actor's inquiries about it, in one
 * transaction. Unknown number: `CaseError('notFound')`, as `getNationalSummary`.
 */
export function nationalCasePage(
  db: Db,
  actor: Actor,
  caseNumber: string,
): Promise<{ summary: NationalCaseSummary; inquiries: CaseInquiries }> {
  return inTenant(db, actor, async (tx) => {
    const { caseId, trustId, ...summary } = await getNationalSummaryIn(tx, caseNumber);
    const refusal = askRefusal(actor, trustId);
    const mine =
      refusal !== null
        ? []
        : await inquiriesWhere(
            tx,
            and(
              eq(caseInquiries.caseId, caseId),
              eq(caseInquiries.askedBy, actor.userId),
              eq(caseInquiries.askerTrustId, actor.trustId),
            ),
            [desc(caseInquiries.askedAt)],
          );
    return { summary, inquiries: { refusal, mine: mine.map(view) } };
  });
}

/** Writes one entry of the audit trail, in the change's transaction. */
async function audit(
  tx: Tx,
  inquiry: { id: string; trustId: string; askerTrustId: string },
  event: InquiryEvent,
  actor: Actor,
) {
  await tx.insert(caseInquiryEvents).values({
    inquiryId: inquiry.id,
    trustId: inquiry.trustId,
    askerTrustId: inquiry.askerTrustId,
    event,
    actorId: actor.userId,
  });
}

/**
 * Asks the trust of the case with this løpenummer a question (seed 001: «anmodning om
 * tilleggsopplysninger»): the inquiry and its audit entry in one transaction, and the case's
 * trust's medical directors notified (in the app and by e-mail, naming only the løpenummer).
 */
export async function askInquiry(
  db: Db,
  actor: Actor,
  caseNumber: string,
  question: string,
): Promise<{ id: string }> {
  if (!asksInquiries(actor)) throw new InquiryError('forbidden');
  return inTenant(db, actor, async (tx) => {
    const [target] = await tx
      .select({ caseId: caseSummaries.caseId, trustId: caseSummaries.trustId })
      .from(caseSummaries)
      .where(eq(caseSummaries.caseNumber, caseNumber));
    if (!target) throw new InquiryError('notFound');
    const refusal = askRefusal(actor, target.trustId);
    if (refusal === 'ownTrust') throw new InquiryError('ownTrust');
    if (refusal) throw new InquiryError('forbidden');
    const checked = checkQuestion(question);
    if (!checked.ok) throw new InquiryInputError(checked.errors);
    const [asked] = await tx
      .insert(caseInquiries)
      .values({
        caseId: target.caseId,
        trustId: target.trustId,
        askerTrustId: actor.trustId,
        askedBy: actor.userId,
        question: checked.value,
      })
      // Only the one-open-question index can conflict (the id is new).
      .onConflictDoNothing()
      .returning({
        id: caseInquiries.id,
        trustId: caseInquiries.trustId,
        askerTrustId: caseInquiries.askerTrustId,
      });
    if (!asked) throw new InquiryError('alreadyOpen');
    await audit(tx, asked, 'ask', actor);
    await notify(tx, {
      trustId: target.trustId,
      caseId: null,
      kind: 'inquiryReceived',
      recipientIds: await usersWithRole(tx, target.trustId, 'decisionMaker'),
      exceptUserId: actor.userId,
      caseNumber,
    });
    return { id: asked.id };
  });
}

/**
 * The start page's block: the open inquiries to the actor's trust, oldest first, for its medical
 * directors (who answer them); empty for anyone else. The notice of a question is read once; the
 * question waits here until it is answered or withdrawn.
 */
export async function openInquiriesToUs(db: Db, actor: Actor): Promise<InquiryView[]> {
  if (!answersInquiries(actor)) return [];
  return inTenant(db, actor, async (tx) =>
    (
      await inquiriesWhere(
        tx,
        and(eq(caseInquiries.trustId, actor.trustId), eq(caseInquiries.status, 'open')),
        [asc(caseInquiries.askedAt)],
      )
    ).map(view),
  );
}

/** The inquiries page: those to the actor's trust (its directors), and those the actor sent. */
export interface InquiryLists {
  /** Null: the actor does not answer for their trust. Open ones first, then the newest. */
  received: InquiryView[] | null;
  /** Null: the actor's roles do not ask. Newest first. */
  sent: InquiryView[] | null;
}

export async function listInquiries(db: Db, actor: Actor): Promise<InquiryLists> {
  const answers = answersInquiries(actor);
  const asks = asksInquiries(actor);
  if (!answers && !asks) throw new InquiryError('forbidden');
  return inTenant(db, actor, async (tx) => ({
    received: answers
      ? (
          await inquiriesWhere(tx, eq(caseInquiries.trustId, actor.trustId), [
            desc(sql`${caseInquiries.status} = 'open'`),
            desc(caseInquiries.askedAt),
          ])
        ).map(view)
      : null,
    sent: asks
      ? (
          await inquiriesWhere(
            tx,
            and(
              eq(caseInquiries.askedBy, actor.userId),
              eq(caseInquiries.askerTrustId, actor.trustId),
            ),
            [desc(caseInquiries.askedAt)],
          )
        ).map(view)
      : null,
  }));
}

/** An inquiry id from the URL: anything but a UUID names no inquiry. */
function requireId(id: string) {
  if (!z.uuid().safeParse(id).success) throw new InquiryError('notFound');
}

/** One inquiry the actor may read (`mayRead`), else notFound; read in the caller's transaction. */
async function readable(tx: Tx, actor: Actor, id: string): Promise<InquiryRow> {
  const [row] = await inquiriesWhere(tx, eq(caseInquiries.id, id), [asc(caseInquiries.askedAt)]);
  if (!row || !mayRead(actor, row)) throw new InquiryError('notFound');
  return row;
}

/** One inquiry, and whether the actor may answer it, or withdraw it, now. */
export async function getInquiry(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ inquiry: InquiryView; canAnswer: boolean; canWithdraw: boolean }> {
  requireId(id);
  return inTenant(db, actor, async (tx) => {
    const row = await readable(tx, actor, id);
    return {
      inquiry: view(row),
      canAnswer: mayAnswer(actor, row),
      canWithdraw: mayWithdraw(actor, row),
    };
  });
}

/** The compare-and-set of an answer or a withdrawal: the inquiry still open, at the version read. */
const stillOpen = (id: string, version: number) =>
  and(
    eq(caseInquiries.id, id),
    eq(caseInquiries.status, 'open'),
    eq(caseInquiries.version, version),
  );

/**
 * Why a compare-and-set on an inquiry changed nothing: its status as committed now (read again
 * in the transaction: PostgreSQL's next statement sees what a concurrent one committed).
 */
async function statusNow(tx: Tx, id: string): Promise<InquiryStatus | null> {
  const [row] = await tx
    .select({ status: caseInquiries.status })
    .from(caseInquiries)
    .where(eq(caseInquiries.id, id));
  return row?.status ?? null;
}

/**
 * A medical director of the case's trust answers: a compare-and-set on the inquiry's version while
 * it is open, with its audit entry, in one transaction; the asker is notified. Two directors
 * answering at once: one wins, the other's answer is refused as `conflict` and changes nothing.
 */
export async function answerInquiry(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: string; answer: string },
): Promise<void> {
  requireId(id);
  const version = formVersion(input.version);
  if (version === null) throw new InquiryError('invalid');
  await inTenant(db, actor, async (tx) => {
    const row = await readable(tx, actor, id);
    if (actor.trustId !== row.trustId || !answersInquiries(actor)) {
      throw new InquiryError('forbidden');
    }
    if (row.status === 'withdrawn') throw new InquiryError('withdrawn');
    if (nextStatus(row.status, 'answer') === null || row.version !== version) {
      throw new InquiryError('conflict');
    }
    const checked = checkAnswer(input.answer);
    if (!checked.ok) throw new InquiryInputError(checked.errors);
    const [answered] = await tx
      .update(caseInquiries)
      .set({
        status: 'answered',
        answer: checked.value,
        answeredBy: actor.userId,
        answeredAt: sql`now()`,
        version: sql`${caseInquiries.version} + 1`,
      })
      .where(stillOpen(row.id, version))
      .returning({ id: caseInquiries.id });
    if (!answered) {
      // Withdrawn meanwhile: say so (the answer is not sent); else a colleague answered first.
      const now = await statusNow(tx, row.id);
      throw new InquiryError(now === 'withdrawn' ? 'withdrawn' : 'conflict');
    }
    await audit(tx, row, 'answer', actor);
    await notify(tx, {
      trustId: row.trustId,
      caseId: null,
      kind: 'inquiryAnswered',
      recipientIds: [row.askedBy],
      caseNumber: row.caseNumber,
    });
  });
}

/**
 * The person who asked withdraws the question while it is open: a compare-and-set on the
 * inquiry's status and version, with its audit entry, in one transaction; the case's trust's
 * medical directors are told (in the app and by e-mail, naming only the løpenummer). A withdrawn
 * question can no longer be answered, and the asker may ask about the case again. Answered or
 * withdrawn meanwhile (or a stale page): `notOpen`, nothing changed.
 */
export async function withdrawInquiry(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: string },
): Promise<void> {
  requireId(id);
  const version = formVersion(input.version);
  if (version === null) throw new InquiryError('invalid');
  await inTenant(db, actor, async (tx) => {
    const row = await readable(tx, actor, id);
    if (!isAsker(actor, row)) throw new InquiryError('forbidden');
    if (nextStatus(row.status, 'withdraw') === null || row.version !== version) {
      throw new InquiryError('notOpen');
    }
    const [withdrawn] = await tx
      .update(caseInquiries)
      .set({
        status: 'withdrawn',
        withdrawnAt: sql`now()`,
        version: sql`${caseInquiries.version} + 1`,
      })
      .where(stillOpen(row.id, version))
      .returning({ id: caseInquiries.id });
    if (!withdrawn) throw new InquiryError('notOpen');
    await audit(tx, row, 'withdraw', actor);
    await notify(tx, {
      trustId: row.trustId,
      caseId: null,
      kind: 'inquiryWithdrawn',
      recipientIds: await usersWithRole(tx, row.trustId, 'decisionMaker'),
      exceptUserId: actor.userId,
      caseNumber: row.caseNumber,
    });
  });
}
