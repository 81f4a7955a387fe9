import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database, type TenantScope } from '../../db/database.server';
import { caseInquiries, caseInquiryEvents, notifications } from '../../db/schema';
import { demoActors, signIn } from '../../test/actors';
import { prepareCase, type TrustActors } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { refusal, sqlState } from '../../test/refusals';
import { grantRole } from '../admin/trust-admin.server';
import type { Actor } from '../auth/domain/roles';
import { getCase } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { INQUIRY_LIMITS } from './domain/inquiry';
import {
  answerInquiry,
  askInquiry,
  openInquiriesToUs,
  getInquiry,
  InquiryError,
  InquiryInputError,
  listInquiries,
  nationalCasePage,
  withdrawInquiry,
} from './inquiries.server';
import { loader as nationalCaseLoader } from '../../routes/national-case';
import { loaderArgs } from '../../test/routes';

const QUESTION = 'Hvilken dose ble innvilget, og ble det satt krav om evaluering?';
const ANSWER = 'Standarddose etter preparatomtalen, evaluering etter tre måneder.';

const rowsOf = (result: unknown): unknown[] =>
  Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;

const refuse = (promise: Promise<unknown>) => refusal(promise, InquiryError);

/** The field errors of an `InquiryInputError` the promise rejects with. */
async function inputErrors(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InquiryInputError) return error.fieldErrors;
    throw error;
  }
  throw new Error('Expected an input error');
}

describe.each(TEST_DATABASES)('inquiries about national cases on %s', (kind) => {
  let database: Database;
  let hbe: TrustActors;
  let ous: TrustActors;
  let hst: TrustActors;
  /** A second medical director of HBE (the committee member Randi Sæther, made director). */
  let hbeDirector2: Actor;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    hbe = await demoActors(db, 'HBE');
    ous = await demoActors(db, 'OUS');
    hst = await demoActors(db, 'HST');
    const randi = (await signIn(db, 'HBE', 'assessor2')).actor;
    expect(
      await grantRole(db, hbe.trustAdmin, randi.userId, {
        role: 'decisionMaker',
        departmentId: null,
      }),
    ).toEqual({ ok: true });
    hbeDirector2 = (await signIn(db, 'HBE', 'assessor2')).actor;
  });
  afterAll(() => database.close());

  const db = () => database.db;

  /** A submitted HBE case: its løpenummer (it is in the national summary from submission). */
  const hbeCase = async () => (await prepareCase(db(), hbe, 'submitted')).caseNumber;

  /** Everything stored about the inquiries of a case, as the table owner sees it. */
  async function stored(caseNumber: string) {
    const inquiries = await db()
      .select()
      .from(caseInquiries)
      .where(
        sql`${caseInquiries.caseId} = (select case_id from case_summaries where case_number = ${caseNumber})`,
      )
      .orderBy(asc(caseInquiries.askedAt));
    const ids = inquiries.map((i) => i.id);
    const events =
      ids.length === 0
        ? []
        : await db()
            .select()
            .from(caseInquiryEvents)
            .where(inArray(caseInquiryEvents.inquiryId, ids))
            .orderBy(asc(caseInquiryEvents.id));
    return { inquiries, events };
  }

  /** The notifications of one kind that kept this case number, by recipient. */
  async function noticesOf(kind: string, caseNumber: string) {
    return db()
      .select({
        userId: notifications.userId,
        caseId: notifications.caseId,
        trustId: notifications.trustId,
      })
      .from(notifications)
      .where(and(eq(notifications.kind, kind), eq(notifications.caseNumber, caseNumber)));
  }

  it("a national reader asks the case's trust: stored with its audit entry, its directors told", async () => {
    const caseNumber = await hbeCase();
    const { id } = await askInquiry(db(), ous.nationalReader, caseNumber, `  ${QUESTION}  `);
    const { inquiries, events } = await stored(caseNumber);
    expect(inquiries).toEqual([
      expect.objectContaining({
        id,
        trustId: hbe.decisionMaker.trustId,
        askerTrustId: ous.nationalReader.trustId,
        askedBy: ous.nationalReader.userId,
        question: QUESTION,
        status: 'open',
        version: 1,
        answer: null,
      }),
    ]);
    expect(events).toEqual([
      expect.objectContaining({ inquiryId: id, event: 'ask', actorId: ous.nationalReader.userId }),
    ]);
    // Both HBE directors, by the number only (no case link: the notice opens the inquiries).
    const notices = await noticesOf('inquiryReceived', caseNumber);
    expect(notices.map((n) => n.userId).sort()).toEqual(
      [hbe.decisionMaker.userId, hbeDirector2.userId].sort(),
    );
    expect(notices.every((n) => n.caseId === null && n.trustId === hbe.decisionMaker.trustId)).toBe(
      true,
    );

    // The asker sees it on the case's summary and in their sent list; the director in theirs.
    const page = await nationalCasePage(db(), ous.nationalReader, caseNumber);
    expect(page.summary.caseNumber).toBe(caseNumber);
    expect(page.inquiries).toEqual({
      refusal: null,
      mine: [expect.objectContaining({ id, question: QUESTION, status: 'open' })],
    });
    const asker = await listInquiries(db(), ous.nationalReader);
    expect(asker.received).toBeNull();
    expect(asker.sent?.map((i) => i.id)).toContain(id);
    const director = await listInquiries(db(), hbe.decisionMaker);
    expect(director.received?.find((i) => i.id === id)).toMatchObject({
      caseNumber,
      askerName: ous.nationalReader.name,
      askerTrustName: ous.nationalReader.trustName,
      status: 'open',
    });
    // The director asks too (about other trusts' cases), but has sent nothing.
    expect(director.sent).toEqual([]);
  });

  it('lets directors and committee members of other trusts ask, and no one of the case’s trust', async () => {
    const caseNumber = await hbeCase();
    for (const who of [hst.decisionMaker, hst.assessor, ous.assessor]) {
      await askInquiry(db(), who, caseNumber, QUESTION);
    }
    for (const who of [hbe.nationalReader, hbe.decisionMaker, hbe.assessor]) {
      expect(await refuse(askInquiry(db(), who, caseNumber, QUESTION))).toBe('ownTrust');
      expect((await nationalCasePage(db(), who, caseNumber)).inquiries).toEqual({
        refusal: 'ownTrust',
        mine: [],
      });
    }
    for (const who of [ous.applicant, ous.coAuthor, ous.endorser, ous.trustAdmin]) {
      expect(await refuse(askInquiry(db(), who, caseNumber, QUESTION))).toBe('forbidden');
      expect((await nationalCasePage(db(), who, caseNumber)).inquiries.refusal).toBe('notAsker');
      expect(await refuse(listInquiries(db(), who))).toBe('forbidden');
    }
    expect((await stored(caseNumber)).inquiries).toHaveLength(3);
  });

  it('refuses bad questions, unknown cases and a second open question, writing nothing', async () => {
    const caseNumber = await hbeCase();
    expect(await inputErrors(askInquiry(db(), ous.nationalReader, caseNumber, ' \n '))).toEqual({
      question: 'questionRequired',
    });
    expect(
      await inputErrors(
        askInquiry(db(), ous.nationalReader, caseNumber, 'x'.repeat(INQUIRY_LIMITS.question + 1)),
      ),
    ).toEqual({ question: 'questionTooLong' });
    expect(await refuse(askInquiry(db(), ous.nationalReader, 'HBE-1999-99999', QUESTION))).toBe(
      'notFound',
    );
    expect((await stored(caseNumber)).inquiries).toEqual([]);

    await askInquiry(db(), ous.nationalReader, caseNumber, QUESTION);
    expect(await refuse(askInquiry(db(), ous.nationalReader, caseNumber, 'Igjen?'))).toBe(
      'alreadyOpen',
    );
    const { inquiries, events } = await stored(caseNumber);
    expect(inquiries.map((i) => i.question)).toEqual([QUESTION]);
    expect(events).toHaveLength(1);
    // A colleague in the same trust asks on their own.
    await askInquiry(db(), ous.decisionMaker, caseNumber, 'Og vi?');
    expect((await stored(caseNumber)).inquiries).toHaveLength(2);
  });

  it('the director answers: compare-and-set with its audit entry; the asker is told and reads it', async () => {
    const caseNumber = await hbeCase();
    const { id } = await askInquiry(db(), ous.nationalReader, caseNumber, QUESTION);
    const before = await getInquiry(db(), hbe.decisionMaker, id);
    expect(before.canAnswer).toBe(true);
    // Open, it waits on the start page of the case trust's directors (and no one else's).
    for (const director of [hbe.decisionMaker, hbeDirector2]) {
      expect((await openInquiriesToUs(db(), director)).map((i) => i.id)).toContain(id);
    }
    for (const other of [hbe.assessor, hbe.applicant, ous.decisionMaker, ous.nationalReader]) {
      expect((await openInquiriesToUs(db(), other)).map((i) => i.id)).not.toContain(id);
    }
    await answerInquiry(db(), hbe.decisionMaker, id, { version: '1', answer: ` ${ANSWER} ` });
    expect((await openInquiriesToUs(db(), hbeDirector2)).map((i) => i.id)).not.toContain(id);
    const { inquiries, events } = await stored(caseNumber);
    expect(inquiries[0]).toMatchObject({
      status: 'answered',
      version: 2,
      answer: ANSWER,
      answeredBy: hbe.decisionMaker.userId,
    });
    expect(events.map((e) => [e.event, e.actorId])).toEqual([
      ['ask', ous.nationalReader.userId],
      ['answer', hbe.decisionMaker.userId],
    ]);
    expect(await noticesOf('inquiryAnswered', caseNumber)).toEqual([
      { userId: ous.nationalReader.userId, caseId: null, trustId: hbe.decisionMaker.trustId },
    ]);
    const read = await getInquiry(db(), ous.nationalReader, id);
    expect(read.canAnswer).toBe(false);
    expect(read.inquiry).toMatchObject({
      answer: ANSWER,
      answeredByName: hbe.decisionMaker.name,
      status: 'answered',
    });
    const page = await nationalCasePage(db(), ous.nationalReader, caseNumber);
    expect(page.inquiries.mine[0]).toMatchObject({ answer: ANSWER });
    // Answered once: a second answer is refused and changes nothing.
    expect(
      await refuse(answerInquiry(db(), hbeDirector2, id, { version: '2', answer: 'Annet svar' })),
    ).toBe('conflict');
    expect((await getInquiry(db(), hbe.decisionMaker, id)).canAnswer).toBe(false);
    expect((await stored(caseNumber)).inquiries[0]?.answer).toBe(ANSWER);
  });

  it('lets exactly one of two directors answering at once through; the other gets a conflict', async () => {
    const caseNumber = await hbeCase();
    const { id } = await askInquiry(db(), ous.nationalReader, caseNumber, QUESTION);
    const results = await Promise.allSettled([
      answerInquiry(db(), hbe.decisionMaker, id, { version: '1', answer: 'Per svarer.' }),
      answerInquiry(db(), hbeDirector2, id, { version: '1', answer: 'Randi svarer.' }),
    ]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(InquiryError);
    expect((lost?.reason as InquiryError).code).toBe('conflict');
    const { inquiries, events } = await stored(caseNumber);
    expect(inquiries[0]?.answer).toBe(won === 0 ? 'Per svarer.' : 'Randi svarer.');
    expect(inquiries[0]?.version).toBe(2);
    expect(events.filter((e) => e.event === 'answer')).toHaveLength(1);
    expect(await noticesOf('inquiryAnswered', caseNumber)).toHaveLength(1);
  });

  it('refuses everyone but the case’s directors, bad answers and stale forms, changing nothing', async () => {
    const caseNumber = await hbeCase();
    const { id } = await askInquiry(db(), ous.nationalReader, caseNumber, QUESTION);
    const answer = (who: Actor, version = '1', text = ANSWER) =>
      refuse(answerInquiry(db(), who, id, { version, answer: text }));
    // Not theirs to read: 404, as for an inquiry that does not exist.
    for (const who of [hbe.assessor, hbe.applicant, ous.decisionMaker, hst.decisionMaker]) {
      expect(await answer(who)).toBe('notFound');
      expect(await refuse(getInquiry(db(), who, id))).toBe('notFound');
    }
    // The asker reads it but does not answer their own question.
    expect(await answer(ous.nationalReader)).toBe('forbidden');
    expect(await refuse(getInquiry(db(), hbe.decisionMaker, 'not-a-uuid'))).toBe('notFound');
    expect(await answer(hbe.decisionMaker, 'x')).toBe('invalid');
    expect(await answer(hbe.decisionMaker, '7')).toBe('conflict');
    expect(
      await inputErrors(answerInquiry(db(), hbe.decisionMaker, id, { version: '1', answer: '' })),
    ).toEqual({ answer: 'answerRequired' });
    expect(
      await inputErrors(
        answerInquiry(db(), hbe.decisionMaker, id, {
          version: '1',
          answer: 'y'.repeat(INQUIRY_LIMITS.answer + 1),
        }),
      ),
    ).toEqual({ answer: 'answerTooLong' });
    const { inquiries, events } = await stored(caseNumber);
    expect(inquiries[0]).toMatchObject({ status: 'open', version: 1, answer: null });
    expect(events).toHaveLength(1);
  });

  it('the asker withdraws: compare-and-set with its audit entry; the directors told; asked again', async () => {
    const caseNumber = await hbeCase();
    const { id } = await askInquiry(db(), ous.nationalReader, caseNumber, QUESTION);
    const before = await getInquiry(db(), ous.nationalReader, id);
    expect([before.canWithdraw, before.canAnswer]).toEqual([true, false]);
    expect((await getInquiry(db(), hbe.decisionMaker, id)).canWithdraw).toBe(false);

    await withdrawInquiry(db(), ous.nationalReader, id, { version: '1' });
    const { inquiries, events } = await stored(caseNumber);
    expect(inquiries[0]).toMatchObject({
      status: 'withdrawn',
      version: 2,
      answer: null,
      answeredBy: null,
    });
    expect(inquiries[0]?.withdrawnAt).toBeInstanceOf(Date);
    expect(events.map((e) => [e.event, e.actorId])).toEqual([
      ['ask', ous.nationalReader.userId],
      ['withdraw', ous.nationalReader.userId],
    ]);
    // Both HBE directors, by the number only (the notice opens the inquiries).
    const notices = await noticesOf('inquiryWithdrawn', caseNumber);
    expect(notices.map((n) => n.userId).sort()).toEqual(
      [hbe.decisionMaker.userId, hbeDirector2.userId].sort(),
    );
    expect(notices.every((n) => n.caseId === null && n.trustId === hbe.decisionMaker.trustId)).toBe(
      true,
    );

    // The directors' list shows it as withdrawn; it can no longer be answered, whatever version.
    const received = (await listInquiries(db(), hbe.decisionMaker)).received;
    expect(received?.find((i) => i.id === id)).toMatchObject({ status: 'withdrawn' });
    const read = await getInquiry(db(), hbe.decisionMaker, id);
    expect([read.canAnswer, read.canWithdraw]).toEqual([false, false]);
    expect(read.inquiry.withdrawnAt).toBeInstanceOf(Date);
    for (const version of ['1', '2']) {
      expect(
        await refuse(answerInquiry(db(), hbe.decisionMaker, id, { version, answer: ANSWER })),
      ).toBe('withdrawn');
    }
    // Withdrawn once: a second withdrawal (another tab) changes nothing.
    expect(await refuse(withdrawInquiry(db(), ous.nationalReader, id, { version: '1' }))).toBe(
      'notOpen',
    );
    expect(await refuse(withdrawInquiry(db(), ous.nationalReader, id, { version: '2' }))).toBe(
      'notOpen',
    );
    expect(await stored(caseNumber)).toEqual({ inquiries, events });
    expect(await noticesOf('inquiryWithdrawn', caseNumber)).toHaveLength(2);

    // The one open question per person and case is free again.
    const again = await askInquiry(db(), ous.nationalReader, caseNumber, 'Et nytt spørsmål.');
    const page = await nationalCasePage(db(), ous.nationalReader, caseNumber);
    expect(page.inquiries.mine.map((i) => [i.id, i.status])).toEqual([
      [again.id, 'open'],
      [id, 'withdrawn'],
    ]);
  });

  it('refuses a withdrawal by anyone but the asker, of an answered question, or from a stale page', async () => {
    const caseNumber = await hbeCase();
    const { id } = await askInquiry(db(), ous.nationalReader, caseNumber, QUESTION);
    const withdraw = (who: Actor, version = '1') =>
      refuse(withdrawInquiry(db(), who, id, { version }));
    // Not theirs to read (a colleague of the asker's, a third trust, the case's committee): 404.
    for (const who of [ous.decisionMaker, hst.decisionMaker, hst.nationalReader, hbe.assessor]) {
      expect(await withdraw(who)).toBe('notFound');
    }
    // The case's director reads it, but the question is not theirs to withdraw.
    expect(await withdraw(hbe.decisionMaker)).toBe('forbidden');
    expect(await refuse(withdrawInquiry(db(), ous.nationalReader, 'x', { version: '1' }))).toBe(
      'notFound',
    );
    expect(await withdraw(ous.nationalReader, 'x')).toBe('invalid');
    expect(await withdraw(ous.nationalReader, '7')).toBe('notOpen');
    expect((await stored(caseNumber)).inquiries[0]).toMatchObject({ status: 'open', version: 1 });

    // Answered before the asker withdrew (the page they withdrew from was loaded before it).
    await answerInquiry(db(), hbe.decisionMaker, id, { version: '1', answer: ANSWER });
    expect(await withdraw(ous.nationalReader)).toBe('notOpen');
    expect((await getInquiry(db(), ous.nationalReader, id)).canWithdraw).toBe(false);
    const { inquiries, events } = await stored(caseNumber);
    expect(inquiries[0]).toMatchObject({ status: 'answered', version: 2, withdrawnAt: null });
    expect(events.map((e) => e.event)).toEqual(['ask', 'answer']);
    expect(await noticesOf('inquiryWithdrawn', caseNumber)).toEqual([]);
  });

  it('lets exactly one of a withdrawal and an answer sent at once through', async () => {
    const caseNumber = await hbeCase();
    const { id } = await askInquiry(db(), ous.nationalReader, caseNumber, QUESTION);
    const [withdrawal, answer] = await Promise.allSettled([
      withdrawInquiry(db(), ous.nationalReader, id, { version: '1' }),
      answerInquiry(db(), hbe.decisionMaker, id, { version: '1', answer: ANSWER }),
    ]);
    const code = (r: PromiseSettledResult<void> | undefined) =>
      r?.status === 'rejected' && r.reason instanceof InquiryError ? r.reason.code : r?.status;
    const { inquiries, events } = await stored(caseNumber);
    const status = inquiries[0]?.status;
    // The loser is told why: the answer that the question was withdrawn, the withdrawal that it
    // is no longer open.
    expect([code(withdrawal), code(answer)]).toEqual(
      status === 'withdrawn' ? ['fulfilled', 'withdrawn'] : ['notOpen', 'fulfilled'],
    );
    expect(events.map((e) => e.event)).toEqual([
      'ask',
      status === 'withdrawn' ? 'withdraw' : 'answer',
    ]);
    expect(inquiries[0]?.version).toBe(2);
  });

  it('sends the national summary page by løpenummer only: no internal id of the case', async () => {
    const prepared = await prepareCase(db(), hbe, 'submitted');
    const { cookie } = await signIn(db(), 'OUS', 'nationalReader');
    await askInquiry(db(), ous.nationalReader, prepared.caseNumber, QUESTION);
    const path = `/nasjonalt/saker/${prepared.caseNumber}`;
    const page = await nationalCaseLoader(
      loaderArgs(database, path, cookie, '/nasjonalt/saker/:caseNumber', {
        caseNumber: prepared.caseNumber,
      }),
    );
    const sent = JSON.stringify(page);
    // The page is there (its number, the asker's question), without the case's or trust's id.
    expect(sent).toContain(prepared.caseNumber);
    expect(sent).toContain(QUESTION);
    expect(sent).not.toContain(prepared.caseId);
    expect(sent).not.toContain(hbe.decisionMaker.trustId);
  });

  it('reveals no more of the case than its summary: the asker still cannot read the case', async () => {
    const prepared = await prepareCase(db(), hbe, 'submitted');
    await askInquiry(db(), ous.nationalReader, prepared.caseNumber, QUESTION);
    expect(await refusal(getCase(db(), ous.nationalReader, prepared.caseId), CaseError)).toBe(
      'notFound',
    );
  });

  describe('row-level security', () => {
    const scope = (actor: Actor): TenantScope => ({
      trustId: actor.trustId,
      userId: actor.userId,
    });
    const run = (as: Actor, statement: ReturnType<typeof sql>) =>
      inTenant(db(), scope(as), async (tx) => rowsOf(await tx.execute(statement)));
    /** `who` answering inquiry `id` in SQL, past the use case. */
    const answering = (who: Actor, id: string) =>
      sql`update case_inquiries set status = 'answered', answer = 'x', answered_by = ${who.userId}, answered_at = now(), version = version + 1 where id = ${id} returning id`;

    it('shows an inquiry and its audit trail to the two trusts only', async () => {
      const caseNumber = await hbeCase();
      const { id } = await askInquiry(db(), ous.nationalReader, caseNumber, QUESTION);
      await answerInquiry(db(), hbe.decisionMaker, id, { version: '1', answer: ANSWER });
      const seen = async (as: Actor) => ({
        inquiries: (await run(as, sql`select id from case_inquiries where id = ${id}`)).length,
        events: (await run(as, sql`select id from case_inquiry_events where inquiry_id = ${id}`))
          .length,
      });
      // The asking trust (any of its users: the application narrows it to the asker).
      expect(await seen(ous.applicant)).toEqual({ inquiries: 1, events: 2 });
      // The case's trust.
      expect(await seen(hbe.applicant)).toEqual({ inquiries: 1, events: 2 });
      // A third trust sees nothing, not even through its director.
      expect(await seen(hst.decisionMaker)).toEqual({ inquiries: 0, events: 0 });
    });

    it('lets no one change or delete an inquiry but the answer and the withdrawal, and no one forge one', async () => {
      const prepared = await prepareCase(db(), hbe, 'submitted');
      const { id } = await askInquiry(db(), ous.nationalReader, prepared.caseNumber, QUESTION);
      // The asker's colleague and a third trust find no row to answer; the asker's own row may
      // only be withdrawn, never answered.
      for (const who of [ous.decisionMaker, hst.decisionMaker]) {
        expect(await run(who, answering(who, id))).toEqual([]);
      }
      expect(await sqlState(run(ous.nationalReader, answering(ous.nationalReader, id)))).toBe(
        '42501',
      );
      // The question is never changed, nor the row deleted, by anyone.
      for (const who of [ous.nationalReader, hbe.decisionMaker]) {
        expect(
          await sqlState(run(who, sql`update case_inquiries set question = 'x' where id = ${id}`)),
        ).toBe('42501');
        expect(await sqlState(run(who, sql`delete from case_inquiries where id = ${id}`))).toBe(
          '42501',
        );
        expect(
          await sqlState(run(who, sql`delete from case_inquiry_events where inquiry_id = ${id}`)),
        ).toBe('42501');
      }
      // Asked in another's name, from another trust, or of a trust the case does not belong to.
      const forged = (as: Actor, askerTrust: string, askedBy: string, caseTrust: string) =>
        sqlState(
          run(
            as,
            sql`insert into case_inquiries (case_id, trust_id, asker_trust_id, asked_by, question)
                values (${prepared.caseId}, ${caseTrust}, ${askerTrust}, ${askedBy}, 'Falsk')`,
          ),
        );
      const hbeTrust = hbe.decisionMaker.trustId;
      const ousTrust = ous.decisionMaker.trustId;
      const hstTrust = hst.decisionMaker.trustId;
      expect(await forged(ous.nationalReader, ousTrust, ous.decisionMaker.userId, hbeTrust)).toBe(
        '42501',
      );
      expect(await forged(hbe.decisionMaker, ousTrust, hbe.decisionMaker.userId, hbeTrust)).toBe(
        '42501',
      );
      expect(await forged(ous.decisionMaker, ousTrust, ous.decisionMaker.userId, hstTrust)).toBe(
        '42501',
      );
      // An audit entry in another's name, or claiming the other trust's act.
      const event = (as: Actor, name: string, actorId: string) =>
        sqlState(
          run(
            as,
            sql`insert into case_inquiry_events (inquiry_id, trust_id, asker_trust_id, event, actor_id)
                values (${id}, ${hbeTrust}, ${ousTrust}, ${name}, ${actorId})`,
          ),
        );
      expect(await event(ous.nationalReader, 'answer', ous.nationalReader.userId)).toBe('42501');
      expect(await event(hbe.decisionMaker, 'ask', hbe.decisionMaker.userId)).toBe('42501');
      expect(await event(hbe.decisionMaker, 'answer', ous.nationalReader.userId)).toBe('42501');
      expect(await event(hbe.decisionMaker, 'withdraw', hbe.decisionMaker.userId)).toBe('42501');
      expect(await event(hst.decisionMaker, 'withdraw', hst.decisionMaker.userId)).toBe('42501');
      expect((await stored(prepared.caseNumber)).inquiries).toHaveLength(1);
    });

    it('lets only the asker withdraw, only while open, and write nothing of an answer with it', async () => {
      const prepared = await prepareCase(db(), hbe, 'submitted');
      const { id } = await askInquiry(db(), ous.nationalReader, prepared.caseNumber, QUESTION);
      const withdrawing = sql`update case_inquiries set status = 'withdrawn', withdrawn_at = now(), version = version + 1 where id = ${id} returning id`;
      // A third trust and the asker's colleague see no row to withdraw; the case's trust may
      // change the row only to answer it.
      for (const who of [hst.decisionMaker, hst.nationalReader, ous.decisionMaker]) {
        expect(await run(who, withdrawing)).toEqual([]);
      }
      expect(await sqlState(run(hbe.decisionMaker, withdrawing))).toBe('42501');
      expect(
        await sqlState(
          run(
            hbe.decisionMaker,
            sql`update case_inquiries set status = 'withdrawn', withdrawn_at = now(), answered_by = ${hbe.decisionMaker.userId} where id = ${id}`,
          ),
        ),
      ).toBe('42501');
      // Withdrawn with an answer written in: refused.
      expect(
        await sqlState(
          run(
            ous.nationalReader,
            sql`update case_inquiries set status = 'withdrawn', withdrawn_at = now(), answer = 'x' where id = ${id}`,
          ),
        ),
      ).toBe('42501');
      // A third trust cannot see it withdrawn either.
      await withdrawInquiry(db(), ous.nationalReader, id, { version: '1' });
      expect(
        await run(hst.decisionMaker, sql`select id from case_inquiries where id = ${id}`),
      ).toEqual([]);
      expect(
        await run(
          hst.decisionMaker,
          sql`select id from case_inquiry_events where inquiry_id = ${id}`,
        ),
      ).toEqual([]);
      // Closed: neither the asker nor the case's trust changes it again.
      expect(await run(ous.nationalReader, withdrawing)).toEqual([]);
      expect(await run(hbe.decisionMaker, answering(hbe.decisionMaker, id))).toEqual([]);
      expect((await stored(prepared.caseNumber)).inquiries[0]).toMatchObject({
        status: 'withdrawn',
        version: 2,
        answer: null,
      });
    });
  });
});
