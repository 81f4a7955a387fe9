import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { notifications, users } from '../../db/schema';
import { completeAnswers, demoActors, signIn, TEST_PATIENT_IDS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink';
import type { Actor } from '../auth/domain/roles';
import {
  assignCommitteeMember,
  delegateEndorsement,
  inviteCollaborator,
  recommend,
} from '../assessment/assessment.server';
import { sendAnswer } from '../attachments/attachments.server';
import { createDraft, inviteCoAuthor, transition } from '../cases/cases.server';
import { createMailer, readMailbox, type MailConfig } from './mail.server';
import { countUnread, listNotifications, markRead, notify } from './notifications.server';
import { deliverOutbox } from './outbox.server';
import { endorseWithRatings } from '../../test/case-states';
import { APPROVAL_TERMS } from '../../test/decisions';

const PUBLIC_URL = 'https://soknad.test';

describe.each(TEST_DATABASES)('notifications on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let smtp: SmtpSink;
  /** Helse Bergen's second committee member (Randi Sæther) and a leader of another department. */
  let assessor2: Actor;
  let endorser2: Actor;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    assessor2 = (await signIn(database.db, 'HBE', 'assessor2')).actor;
    endorser2 = (await signIn(database.db, 'HBE', 'endorser2')).actor;
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  const db = () => database.db;
  const smtpConfig = (): MailConfig => ({
    smtpUrl: smtp.url,
    from: 'Søknadsportal <ikke-svar@soknad.test>',
    publicUrl: PUBLIC_URL,
    mailboxDir: null,
  });

  async function submittedCase() {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    return { id: draft.id, ...submitted };
  }

  /** Who was told what about a case, as the owner sees it. */
  async function notices(caseId: string) {
    const rows = await db()
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.caseId, caseId))
      .orderBy(notifications.id);
    return rows.map((r) => [r.kind, r.userId]);
  }

  /** Who was told of one kind about a case, sorted (the order of a group's members is not kept). */
  async function noticesOf(caseId: string, kind: string) {
    return (await notices(caseId))
      .filter(([k]) => k === kind)
      .map(([, userId]) => userId)
      .sort();
  }
  const sorted = (actors: readonly Actor[]) => actors.map((a) => a.userId).sort();

  /** A submitted case endorsed by `endorser` and taken to the committee's assessment. */
  async function endorseAndAssess(c: { id: string; version: number }, endorser: Actor) {
    const endorsed = await endorseWithRatings(db(), endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Godt begrunnet.',
    });
    const assessing = await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
    });
    return { id: c.id, version: assessing.version };
  }

  /** A submitted case taken to the committee's assessment (no member assigned yet). */
  const assessedCase = async () => endorseAndAssess(await submittedCase(), hbe.endorser);

  /** `asker` asks the applicant, who answers; the last notice the question gave. */
  async function askAndAnswer(c: { id: string; version: number }, asker: Actor) {
    const asked = await transition(db(), asker, {
      caseId: c.id,
      version: c.version,
      event: 'requestInformation',
      reason: 'Hva er forventet varighet?',
    });
    const requested = (await notices(c.id)).at(-1);
    await sendAnswer(db(), hbe.applicant, {
      caseId: c.id,
      version: asked.version,
      reason: 'Seks måneder.',
      shownIds: [],
    });
    return requested;
  }

  /** Empties the outbox, so a test sees only the e-mail it causes. */
  const flushOutbox = () =>
    db()
      .update(notifications)
      .set({ emailedAt: new Date() })
      .where(isNull(notifications.emailedAt));

  it('tells whom the recipient table says at each step, never the actor', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: draft.id,
      version: submitted.version,
      reason: 'Godt begrunnet.',
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: draft.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approved',
      reason: 'Innvilget.',
      ...APPROVAL_TERMS,
    });
    expect(await notices(draft.id)).toEqual([
      ['coAuthorInvited', hbe.coAuthor.userId],
      ['caseSubmitted', hbe.endorser.userId],
      ['caseEndorsed', hbe.decisionMaker.userId],
      ['caseEndorsed', hbe.applicant.userId],
      ['caseDecided', hbe.applicant.userId],
      ['caseDecided', hbe.coAuthor.userId],
      ['caseDecided', hbe.endorser.userId],
    ]);
  });

  it('tells the applicant and the leader when the decision is revised (a new version)', async () => {
    const c = await submittedCase();
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Godt begrunnet.',
    });
    const decided = await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approved',
      reason: 'Innvilget.',
      ...APPROVAL_TERMS,
    });
    const before = (await notices(c.id)).length;
    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: decided.version,
      event: 'reviseDecision',
      outcome: 'rejected',
      reason: 'Ny informasjon om effekt.',
      revisionReason: 'Feil i grunnlaget.',
    });
    expect((await notices(c.id)).slice(before)).toEqual([
      ['decisionRevised', hbe.applicant.userId],
      ['decisionRevised', hbe.endorser.userId],
    ]);
  });

  it('tells the applicant of a return and a question, the leader of a resubmission, the director of an answer', async () => {
    const c = await submittedCase();
    const returned = await transition(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      event: 'returnToApplicant',
      reason: 'Mangler dokumentasjon.',
    });
    expect((await notices(c.id)).at(-1)).toEqual(['caseReturned', hbe.applicant.userId]);
    const resubmitted = await transition(db(), hbe.applicant, {
      caseId: c.id,
      version: returned.version,
      event: 'resubmit',
    });
    expect((await notices(c.id)).at(-1)).toEqual(['caseSubmitted', hbe.endorser.userId]);
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: resubmitted.version,
      reason: 'Ok.',
    });
    const assessing = await transition(db(), hbe.assessor, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
    });
    expect(await askAndAnswer({ id: c.id, version: assessing.version }, hbe.assessor)).toEqual([
      'informationRequested',
      hbe.applicant.userId,
    ]);
    // The committee asked; with no one assigned, it is every assessor of the trust.
    expect(await noticesOf(c.id, 'informationProvided')).toEqual(
      sorted([hbe.decisionMaker, hbe.assessor, assessor2]),
    );
  });

  it('tells the committee when the director sends the recommended case back, not the director', async () => {
    const c = await assessedCase();
    await assignCommitteeMember(db(), hbe.decisionMaker, {
      caseId: c.id,
      userId: assessor2.userId,
    });
    const recommended = await recommend(db(), assessor2, {
      caseId: c.id,
      version: c.version,
      outcome: 'approved',
      text: 'Anbefales innvilget.',
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: recommended.version,
      event: 'reopenAssessment',
      reason: 'Vurder effektdataene på nytt.',
    });
    // The assigned member is the committee; Solveig Aase, not assigned, is not told.
    expect(await noticesOf(c.id, 'assessmentReopened')).toEqual([assessor2.userId]);
  });

  it('tells an assigned committee and whoever asked of the answer, the applicant not', async () => {
    const c = await assessedCase();
    await assignCommitteeMember(db(), hbe.decisionMaker, {
      caseId: c.id,
      userId: assessor2.userId,
    });
    // Solveig Aase asks, though not assigned: she is told of the answer with the committee.
    await askAndAnswer(c, hbe.assessor);
    expect(await noticesOf(c.id, 'informationProvided')).toEqual(
      sorted([hbe.decisionMaker, hbe.assessor, assessor2]),
    );
  });

  it('tells the committee and the leader the endorsement was delegated to of the decision', async () => {
    const c = await submittedCase();
    await delegateEndorsement(db(), hbe.endorser, { caseId: c.id, userId: endorser2.userId });
    const assessing = await endorseAndAssess(c, endorser2);
    const recommended = await recommend(db(), hbe.assessor, {
      caseId: c.id,
      version: assessing.version,
      outcome: 'approved',
      text: 'Anbefales innvilget.',
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: recommended.version,
      event: 'decide',
      outcome: 'approved',
      reason: 'Innvilget.',
      ...APPROVAL_TERMS,
    });
    expect(await noticesOf(c.id, 'caseDecided')).toEqual(
      sorted([hbe.applicant, hbe.endorser, endorser2, hbe.assessor, assessor2]),
    );
  });

  it('tells no committee of a decision in the simplified flow', async () => {
    const c = await submittedCase();
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Godt begrunnet.',
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approved',
      reason: 'Innvilget.',
      ...APPROVAL_TERMS,
    });
    expect(await noticesOf(c.id, 'caseDecided')).toEqual(sorted([hbe.applicant, hbe.endorser]));
  });

  it('tells those who have the case in hand when the applicant withdraws it, never the applicant', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: submitted.version,
      event: 'withdraw',
      reason: 'Pasienten ønsker ikke behandlingen.',
    });
    expect(await noticesOf(draft.id, 'caseWithdrawn')).toEqual(
      sorted([hbe.coAuthor, hbe.endorser]),
    );

    const c = await assessedCase();
    await transition(db(), hbe.applicant, {
      caseId: c.id,
      version: c.version,
      event: 'withdraw',
      reason: 'Pasienten er flyttet.',
    });
    expect(await noticesOf(c.id, 'caseWithdrawn')).toEqual(
      sorted([hbe.endorser, hbe.decisionMaker, hbe.assessor, assessor2]),
    );
  });

  it('tells the leader invited to collaborate of a withdrawal awaiting endorsement and of the decision', async () => {
    const withdrawn = await submittedCase();
    await inviteCollaborator(db(), hbe.endorser, {
      caseId: withdrawn.id,
      userId: endorser2.userId,
    });
    await transition(db(), hbe.applicant, {
      caseId: withdrawn.id,
      version: withdrawn.version,
      event: 'withdraw',
      reason: 'Pasienten ønsker ikke behandlingen.',
    });
    expect(await noticesOf(withdrawn.id, 'caseWithdrawn')).toEqual(
      sorted([hbe.endorser, endorser2]),
    );

    const decided = await submittedCase();
    await inviteCollaborator(db(), hbe.endorser, {
      caseId: decided.id,
      userId: endorser2.userId,
    });
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: decided.id,
      version: decided.version,
      reason: 'Godt begrunnet.',
    });
    // The endorsement itself is told to the director and the applicant only, as before.
    expect(await noticesOf(decided.id, 'caseEndorsed')).toEqual(
      sorted([hbe.decisionMaker, hbe.applicant]),
    );
    await transition(db(), hbe.decisionMaker, {
      caseId: decided.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approved',
      reason: 'Innvilget.',
      ...APPROVAL_TERMS,
    });
    expect(await noticesOf(decided.id, 'caseDecided')).toContain(endorser2.userId);
  });

  it('lets a user see and mark only their own notifications (row-level security)', async () => {
    const c = await submittedCase();
    await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Ok.',
    });
    const mine = await listNotifications(db(), hbe.applicant);
    expect(mine[0]).toMatchObject({
      caseId: c.id,
      kind: 'caseEndorsed',
      read: false,
      caseVisible: true,
    });
    expect(mine[0]?.caseNumber).toBe(c.caseNumber);
    const all = await inTenant(db(), hbe.applicant, (tx) => tx.select().from(notifications));
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((n) => n.userId === hbe.applicant.userId)).toBe(true);

    // Someone else's notification: invisible, and neither markable nor changeable.
    const [theirs] = await db()
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(eq(notifications.caseId, c.id), eq(notifications.userId, hbe.decisionMaker.userId)),
      );
    if (!theirs) throw new Error('The director was not notified');
    expect(await markRead(db(), hbe.applicant, [theirs.id])).toBe(0);
    const changed = await inTenant(db(), hbe.applicant, (tx) =>
      tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(eq(notifications.id, theirs.id))
        .returning({ id: notifications.id }),
    );
    expect(changed).toEqual([]);
    const [still] = await db().select().from(notifications).where(eq(notifications.id, theirs.id));
    expect(still?.readAt).toBeNull();

    const before = await countUnread(db(), hbe.applicant);
    expect(before).toBeGreaterThan(0);
    // The header of the case page being opened leaves that case out (opening it reads them).
    expect(await countUnread(db(), hbe.applicant, c.id)).toBe(before - 1);
    const first = mine[0];
    if (!first) throw new Error('No notification');
    expect(await markRead(db(), hbe.applicant, [first.id])).toBe(1);
    expect(await countUnread(db(), hbe.applicant)).toBe(before - 1);
    // «Merk alle som lest» marks up to the newest the page showed: a notice that came after it
    // stays unread.
    const shown = await listNotifications(db(), hbe.applicant);
    const newest = Math.max(...shown.map((n) => n.id));
    await inTenant(db(), hbe.endorser, (tx) =>
      notify(tx, {
        trustId: hbe.endorser.trustId,
        caseId: c.id,
        kind: 'caseReturned',
        recipientIds: [hbe.applicant.userId],
      }),
    );
    expect(await countUnread(db(), hbe.applicant)).toBe(before);
    await markRead(db(), hbe.applicant, { upTo: newest });
    expect(await countUnread(db(), hbe.applicant)).toBe(1);
    await markRead(db(), hbe.applicant, { upTo: Number.MAX_SAFE_INTEGER });
    expect(await countUnread(db(), hbe.applicant)).toBe(0);
    expect(await countUnread(db(), hbe.decisionMaker)).toBeGreaterThan(0);
  });

  it('delivers the outbox once over real SMTP: the case link, no patient data, no drug', async () => {
    await flushOutbox();
    const c = await submittedCase();
    const start = smtp.received.length;
    const mailer = createMailer(smtpConfig());
    expect(await deliverOutbox(db(), mailer, PUBLIC_URL)).toEqual({
      sent: 1,
      failed: 0,
      givenUp: 0,
    });
    expect(await deliverOutbox(db(), mailer, PUBLIC_URL)).toEqual({
      sent: 0,
      failed: 0,
      givenUp: 0,
    });
    const mails = smtp.received.slice(start);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    const [endorser] = await db().select().from(users).where(eq(users.id, hbe.endorser.userId));
    expect(mail?.to).toMatchObject({ value: [{ address: endorser?.email }] });
    expect(mail?.from?.value[0]?.address).toBe('ikke-svar@soknad.test');
    expect(mail?.subject).toBe(`Ny hendelse i sak ${c.caseNumber}`);
    expect(mail?.text).toContain(`${PUBLIC_URL}/saker/${c.id}`);
    expect(mail?.text).toContain(`Det er en ny hendelse i sak ${c.caseNumber}.`);
    const everything = `${mail?.subject ?? ''}\n${mail?.text ?? ''}\n${mail?.html || ''}`;
    expect(everything).not.toContain(TEST_PATIENT_IDS[0]);
    expect(everything).not.toMatch(/rituximab/i);
    expect(everything).not.toContain('Membranøs nefropati');
  });

  /** The outbox columns of a case's notifications, oldest first. */
  const outboxOf = (caseId: string) =>
    db()
      .select({
        emailedAt: notifications.emailedAt,
        attempts: notifications.emailAttempts,
        nextAt: notifications.emailNextAt,
        givenUpAt: notifications.emailGivenUpAt,
      })
      .from(notifications)
      .where(eq(notifications.caseId, caseId))
      .orderBy(notifications.id);
  const inMinutes = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

  it('keeps a mail that could not be sent in the outbox, and tries it again after a back-off', async () => {
    await flushOutbox();
    const c = await submittedCase();
    const down = createMailer({ ...smtpConfig(), smtpUrl: 'smtp://127.0.0.1:1' });
    expect(await deliverOutbox(db(), down, PUBLIC_URL)).toEqual({
      sent: 0,
      failed: 1,
      givenUp: 0,
    });
    const [pending] = await outboxOf(c.id);
    expect(pending).toMatchObject({ emailedAt: null, attempts: 1, givenUpAt: null });
    expect(pending?.nextAt.getTime()).toBeGreaterThan(Date.now());
    const start = smtp.received.length;
    const up = createMailer(smtpConfig());
    // Not before its back-off (a minute after the first failure)…
    expect(await deliverOutbox(db(), up, PUBLIC_URL)).toEqual({ sent: 0, failed: 0, givenUp: 0 });
    // …then sent once.
    expect(await deliverOutbox(db(), up, PUBLIC_URL, inMinutes(2))).toEqual({
      sent: 1,
      failed: 0,
      givenUp: 0,
    });
    expect(smtp.received.slice(start).map((m) => m.subject)).toEqual([
      `Ny hendelse i sak ${c.caseNumber}`,
    ]);
    expect((await outboxOf(c.id))[0]).toMatchObject({ attempts: 2, givenUpAt: null });
    expect((await outboxOf(c.id))[0]?.emailedAt).not.toBeNull();
  });

  it('gives back the rest of a batch untried when the mail server fails, and stops', async () => {
    await flushOutbox();
    const first = await submittedCase();
    const second = await submittedCase();
    const down = createMailer({ ...smtpConfig(), smtpUrl: 'smtp://127.0.0.1:1' });
    expect(await deliverOutbox(db(), down, PUBLIC_URL)).toEqual({
      sent: 0,
      failed: 1,
      givenUp: 0,
    });
    // The second case's mail was not tried: due now, with no attempt counted.
    const [untried] = await outboxOf(second.id);
    expect(untried).toMatchObject({ emailedAt: null, attempts: 0 });
    expect(untried?.nextAt.getTime()).toBeLessThanOrEqual(Date.now());
    const start = smtp.received.length;
    expect(await deliverOutbox(db(), createMailer(smtpConfig()), PUBLIC_URL)).toEqual({
      sent: 1,
      failed: 0,
      givenUp: 0,
    });
    expect(smtp.received.slice(start).map((m) => m.subject)).toEqual([
      `Ny hendelse i sak ${second.caseNumber}`,
    ]);
    expect((await outboxOf(first.id))[0]?.emailedAt).toBeNull();
  });

  it('gives up a mail the server refuses for good, and one that would come too late; the notices stay', async () => {
    await flushOutbox();
    const [endorser] = await db().select().from(users).where(eq(users.id, hbe.endorser.userId));
    const strict = await startSmtpSink({ refuses: (address) => address === endorser?.email });
    try {
      const c = await submittedCase();
      expect(await noticesOf(c.id, 'caseSubmitted')).toEqual([hbe.endorser.userId]);
      const mailer = createMailer({ ...smtpConfig(), smtpUrl: strict.url });
      expect(await deliverOutbox(db(), mailer, PUBLIC_URL)).toEqual({
        sent: 0,
        failed: 0,
        givenUp: 1,
      });
      const [refused] = await outboxOf(c.id);
      expect(refused).toMatchObject({ emailedAt: null, attempts: 1 });
      expect(refused?.givenUpAt).not.toBeNull();
      // Never tried again, however long one waits.
      expect(await deliverOutbox(db(), mailer, PUBLIC_URL, inMinutes(600))).toEqual({
        sent: 0,
        failed: 0,
        givenUp: 0,
      });
      expect(strict.received).toEqual([]);
    } finally {
      await strict.close();
    }
    // A notice three days old whose mail still fails is given up at its next failure.
    const late = await submittedCase();
    await db()
      .update(notifications)
      .set({ createdAt: new Date(Date.now() - 3 * 24 * 3600_000) })
      .where(eq(notifications.caseId, late.id));
    const down = createMailer({ ...smtpConfig(), smtpUrl: 'smtp://127.0.0.1:1' });
    expect(await deliverOutbox(db(), down, PUBLIC_URL)).toEqual({
      sent: 0,
      failed: 0,
      givenUp: 1,
    });
    expect((await outboxOf(late.id))[0]?.givenUpAt).not.toBeNull();
    // The notices themselves are the recipient's as before.
    const list = await listNotifications(db(), hbe.endorser);
    expect(list.map((n) => n.caseId)).toEqual(expect.arrayContaining([late.id]));
  });

  it('a run that stops while sending holds its mail until the lease ends, then another sends it', async () => {
    await flushOutbox();
    const c = await submittedCase();
    // A send that never answers: the run holds the claim as a crashed app instance would.
    let claimedSend: (() => void) | undefined;
    const claimed = new Promise<void>((resolve) => (claimedSend = resolve));
    const stuck = {
      send: () => {
        claimedSend?.();
        return new Promise<void>(() => undefined);
      },
    };
    void deliverOutbox(db(), stuck, PUBLIC_URL);
    await claimed;
    const [held] = await outboxOf(c.id);
    expect(held).toMatchObject({ emailedAt: null, attempts: 1 });
    const start = smtp.received.length;
    const up = createMailer(smtpConfig());
    expect(await deliverOutbox(db(), up, PUBLIC_URL)).toEqual({ sent: 0, failed: 0, givenUp: 0 });
    expect(await deliverOutbox(db(), up, PUBLIC_URL, inMinutes(16))).toEqual({
      sent: 1,
      failed: 0,
      givenUp: 0,
    });
    expect(smtp.received.slice(start).map((m) => m.subject)).toEqual([
      `Ny hendelse i sak ${c.caseNumber}`,
    ]);
  });

  it('never sends a mail twice when runs overlap (claimed with SKIP LOCKED)', async () => {
    await flushOutbox();
    const created = [];
    for (let i = 0; i < 4; i++) created.push(await submittedCase());
    const start = smtp.received.length;
    const mailer = createMailer(smtpConfig());
    const results = await Promise.all([
      deliverOutbox(db(), mailer, PUBLIC_URL),
      deliverOutbox(db(), mailer, PUBLIC_URL),
      deliverOutbox(db(), mailer, PUBLIC_URL),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(4);
    const subjects = smtp.received.slice(start).map((m) => m.subject);
    expect(subjects.sort()).toEqual(created.map((c) => `Ny hendelse i sak ${c.caseNumber}`).sort());
    const [left] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(isNull(notifications.emailedAt));
    expect(left?.n).toBe(0);
  });

  it('catches mail in the development mailbox when there is no SMTP server', async () => {
    await flushOutbox();
    const c = await submittedCase();
    const mailboxDir = mkdtempSync(join(tmpdir(), 'sp-mailbox-'));
    try {
      const mailer = createMailer({ ...smtpConfig(), smtpUrl: null, mailboxDir });
      expect(await deliverOutbox(db(), mailer, PUBLIC_URL)).toEqual({
        sent: 1,
        failed: 0,
        givenUp: 0,
      });
      const caught = await readMailbox(mailboxDir);
      expect(caught).toHaveLength(1);
      expect(caught[0]).toMatchObject({ subject: `Ny hendelse i sak ${c.caseNumber}` });
      expect(caught[0]?.text).toContain(`${PUBLIC_URL}/saker/${c.id}`);
    } finally {
      rmSync(mailboxDir, { recursive: true, force: true });
    }
  });
});
