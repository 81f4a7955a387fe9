import { z } from 'zod';
import { hasRole, type Actor, type Role } from '../../auth/domain/roles';

/**
 * A request for more information about one case of the national overview (BRIEF §3, §4.9; seed
 * 001: «anmodning om tilleggsopplysninger fra helseforetaket med behandlings- og
 * vurderingsansvar»): someone of another trust asks the case's trust a question by its
 * løpenummer, and the trust's medical director answers in text. The inquiry holds only the two
 * texts and who wrote them; it never opens the case to the asker.
 */

/** The longest question and answer (characters); the database checks the same. */
export const INQUIRY_LIMITS = { question: 2000, answer: 4000 } as const;

export const INQUIRY_STATUSES = ['open', 'answered', 'withdrawn'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/**
 * What the audit trail records of an inquiry: it was asked, answered (by the case's trust), or
 * withdrawn (by the person who asked, while it was open).
 */
export const INQUIRY_EVENTS = ['ask', 'answer', 'withdraw'] as const;
export type InquiryEvent = (typeof INQUIRY_EVENTS)[number];

/**
 * The inquiry's lifecycle: asking makes it open; an open one is answered or withdrawn, and then
 * stays as it is. Each row: the event, the status it needs, the status it leaves.
 */
export const INQUIRY_TRANSITIONS = [
  { event: 'answer', from: 'open', to: 'answered' },
  { event: 'withdraw', from: 'open', to: 'withdrawn' },
] as const satisfies readonly {
  event: Exclude<InquiryEvent, 'ask'>;
  from: InquiryStatus;
  to: InquiryStatus;
}[];

/** The status `event` leaves an inquiry of `status` in, or null when it does not apply there. */
export function nextStatus(
  status: InquiryStatus,
  event: Exclude<InquiryEvent, 'ask'>,
): InquiryStatus | null {
  return INQUIRY_TRANSITIONS.find((t) => t.event === event && t.from === status)?.to ?? null;
}

/**
 * Who may ask: those who read the national overview for their work (the national reader) and the
 * medical directors and committee members, who judge similar cases in their own trust.
 */
export const ASKING_ROLES = [
  'nationalReader',
  'decisionMaker',
  'assessor',
] as const satisfies readonly Role[];

/** Whether the actor holds a role that asks, in their active trust. */
export const asksInquiries = (actor: Actor) => ASKING_ROLES.some((role) => hasRole(actor, role));

/** Whether the actor answers the inquiries to their active trust: its medical director. */
export const answersInquiries = (actor: Actor) => hasRole(actor, 'decisionMaker');

/**
 * Why the actor may not ask about a case of `caseTrustId`, or null when they may. `ownTrust`: the
 * case belongs to a trust the actor works in (active or not): they ask in their own trust.
 */
export function askRefusal(actor: Actor, caseTrustId: string): 'notAsker' | 'ownTrust' | null {
  if (!asksInquiries(actor)) return 'notAsker';
  if (actor.trustId === caseTrustId || actor.trusts.some((t) => t.id === caseTrustId)) {
    return 'ownTrust';
  }
  return null;
}

/** The parts of an inquiry the access rules look at. */
export interface InquiryParties {
  /** The case's trust, which answers. */
  trustId: string;
  askerTrustId: string;
  askedBy: string;
  status: InquiryStatus;
}

/**
 * Who reads an inquiry: the case's trust's medical directors, and the person who asked (in the
 * trust they asked from) while they still hold a role that asks. The database lets both trusts
 * read the row; the application narrows it.
 */
export function mayRead(actor: Actor, inquiry: InquiryParties): boolean {
  if (actor.trustId === inquiry.trustId) return answersInquiries(actor);
  return asksInquiries(actor) && isAsker(actor, inquiry);
}

/** Whether the actor may answer now: a medical director of the case's trust, while it is open. */
export function mayAnswer(actor: Actor, inquiry: InquiryParties): boolean {
  return (
    actor.trustId === inquiry.trustId &&
    answersInquiries(actor) &&
    nextStatus(inquiry.status, 'answer') !== null
  );
}

/** Whether the actor is the person who asked, acting in the trust they asked from. */
export const isAsker = (actor: Actor, inquiry: InquiryParties) =>
  actor.trustId === inquiry.askerTrustId && actor.userId === inquiry.askedBy;

/**
 * Whether the actor may withdraw the question now: the person who asked (in the trust they asked
 * from), while it is open. Withdrawn, it can no longer be answered, and the asker may ask again.
 */
export function mayWithdraw(actor: Actor, inquiry: InquiryParties): boolean {
  return isAsker(actor, inquiry) && nextStatus(inquiry.status, 'withdraw') !== null;
}

/**
 * A refusal shown above the form: `forbidden` (the role neither asks nor answers), `ownTrust` (a
 * case of a trust the actor works in), `alreadyOpen` (an unanswered question of theirs on the
 * case), `conflict` (an answer to one answered meanwhile, or changed since the form was loaded),
 * `withdrawn` (an answer to one its asker has withdrawn), `notOpen` (a withdrawal of one answered
 * or withdrawn since the page was loaded).
 */
export const INQUIRY_PROBLEMS = [
  'forbidden',
  'ownTrust',
  'alreadyOpen',
  'conflict',
  'withdrawn',
  'notOpen',
] as const;
export type InquiryProblem = (typeof INQUIRY_PROBLEMS)[number];

export const INQUIRY_ERRORS = [
  'questionRequired',
  'questionTooLong',
  'answerRequired',
  'answerTooLong',
] as const;
export type InquiryFieldError = (typeof INQUIRY_ERRORS)[number];
export type InquiryFieldErrors = Partial<Record<'question' | 'answer', InquiryFieldError>>;

export type Checked = { ok: true; value: string } | { ok: false; errors: InquiryFieldErrors };

const textSchema = (max: number, required: InquiryFieldError, tooLong: InquiryFieldError) =>
  z.string().trim().min(1, { error: required }).max(max, { error: tooLong });

const questionSchema = textSchema(INQUIRY_LIMITS.question, 'questionRequired', 'questionTooLong');
const answerSchema = textSchema(INQUIRY_LIMITS.answer, 'answerRequired', 'answerTooLong');

function check(
  schema: z.ZodString,
  field: 'question' | 'answer',
  text: string,
  fallback: InquiryFieldError,
): Checked {
  const parsed = schema.safeParse(text);
  if (parsed.success) return { ok: true, value: parsed.data };
  const code = INQUIRY_ERRORS.find((e) => e === parsed.error.issues[0]?.message) ?? fallback;
  return { ok: false, errors: { [field]: code } };
}

/** The question as it is stored (trimmed), or why not: empty, or over the limit. */
export const checkQuestion = (text: string): Checked =>
  check(questionSchema, 'question', text, 'questionRequired');

/** The answer as it is stored (trimmed), or why not: empty, or over the limit. */
export const checkAnswer = (text: string): Checked =>
  check(answerSchema, 'answer', text, 'answerRequired');

/** How much of a question a list shows. */
export const EXCERPT_LENGTH = 120;

/**
 * The start of a text for a list: whole when short, else cut at the last space within `max`
 * characters (or at `max`, for one long word), with «…».
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
