import { z } from 'zod';
import type { CaseRole, Role } from '../../auth/domain/roles';
import type { Status } from '../../cases/domain/workflow';

/** How well the treatment worked, as the applicant judges it at the evaluation date. */
export const EFFECTS = ['good', 'partial', 'none', 'unknown'] as const;
export type Effect = (typeof EFFECTS)[number];

export const CONTINUATIONS = ['continued', 'stopped'] as const;
export type Continuation = (typeof CONTINUATIONS)[number];

export const FOLLOWUP_LIMITS = { text: 10_000 } as const;

/** Validation failures on the follow-up forms; the catalogue gives the Norwegian text. */
export const FOLLOWUP_ERRORS = [
  'effectRequired',
  'continuationRequired',
  'stopReasonRequired',
  'reasonRequired',
  'tooLong',
] as const;
export type FollowUpError = (typeof FOLLOWUP_ERRORS)[number];
export type FollowUpFieldErrors = Partial<Record<string, FollowUpError>>;

const text = z.string().trim().max(FOLLOWUP_LIMITS.text, { error: 'tooLong' });

/** The outcome the applicant records when the treatment is evaluated. */
export const outcomeSchema = z
  .object({
    effect: z.enum(EFFECTS, { error: 'effectRequired' }),
    sideEffects: text,
    continuation: z.enum(CONTINUATIONS, { error: 'continuationRequired' }),
    stopReason: text,
  })
  .refine((v) => v.continuation !== 'stopped' || v.stopReason !== '', {
    error: 'stopReasonRequired',
    path: ['stopReason'],
  });
export type OutcomeInput = z.infer<typeof outcomeSchema>;

/** The justification for marking a case urgent. */
export const urgencySchema = z.object({
  reason: text.min(1, { error: 'reasonRequired' }),
});

/** One error code per field (the first), from a failed parse of the schemas above. */
export function followUpErrors(error: z.ZodError): FollowUpFieldErrors {
  const out: FollowUpFieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    const code = (FOLLOWUP_ERRORS as readonly string[]).includes(issue.message)
      ? (issue.message as FollowUpError)
      : 'tooLong';
    out[field] ??= code;
  }
  return out;
}

/**
 * Cases a new application may be started from: the earlier one has come to an end, or is in
 * follow-up, where a treatment that continues needs an extension linked to it (BRIEF §3).
 */
export const REAPPLY_FROM: readonly Status[] = [
  'decided',
  'followUp',
  'closed',
  'notEndorsed',
  'withdrawn',
];

export function canReapply(roles: readonly CaseRole[], status: Status): boolean {
  return roles.includes('applicant') && REAPPLY_FROM.includes(status);
}

/** Statuses in which the case is still being handled (after submission). */
const HANDLING: readonly Status[] = [
  'submitted',
  'endorsed',
  'underAssessment',
  'recommended',
  'awaitingInformation',
  'inConsultation',
  'atInterregionalCommittee',
];

/**
 * The role in which the actor may mark the case urgent (or take the mark away), or null: its
 * writers while they write it; the leader and the medical director while it is handled.
 */
export function urgencyRole(roles: readonly CaseRole[], status: Status): Role | null {
  const allowed: readonly Role[] =
    status === 'draft' || status === 'returned'
      ? ['applicant', 'coAuthor']
      : HANDLING.includes(status)
        ? ['endorser', 'decisionMaker']
        : [];
  return allowed.find((r) => roles.includes(r)) ?? null;
}

/** Whether a decided case's evaluation date (YYYY-MM-DD, Norwegian date) has come by `today`. */
export function evaluationDue(evaluationDate: string | null, today: string): boolean {
  return evaluationDate !== null && evaluationDate <= today;
}
