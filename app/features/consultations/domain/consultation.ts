import { z } from 'zod';
import { LIMITS, parseCalendarDate } from '../../cases/domain/application';
import type { CaseEvent } from '../../cases/domain/workflow';
import { addDays } from '../../cases/domain/dates';

/**
 * The workflow events this module owns: each also opens, answers or revokes the read grant in the
 * same transaction, so the generic transition path must never fire them.
 */
export const CONSULTATION_EVENTS = [
  'requestConsultation',
  'answerConsultation',
  'cancelConsultation',
] as const satisfies readonly CaseEvent[];

export function isConsultationEvent(event: CaseEvent): boolean {
  return (CONSULTATION_EVENTS as readonly CaseEvent[]).includes(event);
}

/** The longest deadline a director may give (days from today). */
export const MAX_DEADLINE_DAYS = 90;

export const CONSULTATION_ERRORS = [
  'trustRequired',
  'questionRequired',
  'answerRequired',
  'tooLong',
  'deadlineRequired',
  'deadlinePast',
  'deadlineTooFar',
] as const;
export type ConsultationError = (typeof CONSULTATION_ERRORS)[number];
export type ConsultationFieldErrors = Partial<Record<string, ConsultationError>>;

export interface ConsultationRequest {
  consultedTrustId: string;
  question: string;
  deadline: string;
}

/**
 * Checks a director's request: a trust from the offered list, a question, and a deadline from today
 * up to MAX_DEADLINE_DAYS ahead (the grant lasts through the deadline day).
 */
export function checkRequest(
  input: ConsultationRequest,
  today: string,
  offeredTrustIds: readonly string[],
): { ok: true; value: ConsultationRequest } | { ok: false; errors: ConsultationFieldErrors } {
  const errors: ConsultationFieldErrors = {};
  if (!offeredTrustIds.includes(input.consultedTrustId)) errors.consultedTrustId = 'trustRequired';
  const question = input.question.trim();
  if (question === '') errors.question = 'questionRequired';
  else if (question.length > LIMITS.long) errors.question = 'tooLong';
  // A date field sends YYYY-MM-DD; typed without a picker, dd.mm.åååå is read too.
  const deadline = parseCalendarDate(input.deadline) ?? '';
  if (deadline === '') errors.deadline = 'deadlineRequired';
  else if (deadline < today) errors.deadline = 'deadlinePast';
  else if (deadline > addDays(today, MAX_DEADLINE_DAYS)) errors.deadline = 'deadlineTooFar';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { consultedTrustId: input.consultedTrustId, question, deadline } };
}

const answerSchema = z
  .string()
  .trim()
  .min(1, { error: 'answerRequired' })
  .max(LIMITS.long, { error: 'tooLong' });

export function checkAnswer(
  answer: string,
): { ok: true; value: string } | { ok: false; errors: ConsultationFieldErrors } {
  const parsed = answerSchema.safeParse(answer);
  if (parsed.success) return { ok: true, value: parsed.data };
  const code = parsed.error.issues[0]?.message;
  return { ok: false, errors: { answer: code === 'tooLong' ? 'tooLong' : 'answerRequired' } };
}

/**
 * `revoked`: the home trust's director took the question back; `withdrawn`: the applicant withdrew
 * the case while it was in consultation, which ended the grant.
 */
export type ConsultationState = 'open' | 'expired' | 'answered' | 'revoked' | 'withdrawn';

export interface GrantDates {
  deadline: string;
  revokedAt: Date | string | null;
  answeredAt: Date | string | null;
  /**
   * Who closed the grant (with `revokedAt`): the director who revoked it, or the case's applicant,
   * whose withdrawal ended it (`endConsultationOnWithdrawal` in the withdrawal's transaction). A director
   * never withdraws, nor revokes on a case they applied for (no judging role there, ADR 0021).
   */
  revokedBy?: string | null;
}

/**
 * Where a grant stands. Only an `open` grant lets the consulted trust read the case (the database's
 * `consulted_case_ids()` is the same rule): not revoked, not answered, deadline day not passed.
 * A grant closed by the case's applicant (`applicantId`) ended with the case's withdrawal.
 */
export function consultationState(
  grant: GrantDates,
  today: string,
  applicantId?: string,
): ConsultationState {
  if (grant.answeredAt) return 'answered';
  if (grant.revokedAt) {
    return applicantId !== undefined && grant.revokedBy === applicantId ? 'withdrawn' : 'revoked';
  }
  return grant.deadline >= today ? 'open' : 'expired';
}

/** Still holding the case in consultation (open or expired, not yet revoked or answered). */
export function isPending(grant: GrantDates): boolean {
  return !grant.answeredAt && !grant.revokedAt;
}
