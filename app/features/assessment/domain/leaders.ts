import { z } from 'zod';
import type { CaseRole } from '../../auth/domain/roles';
import type { Status } from '../../cases/domain/workflow';
import { fieldErrors, LIMITS, type FieldErrors } from '../../cases/domain/application';
import { CRITERIA_FIELDS, ratingsInput, ratingsSchema, type CriteriaRatings } from './criteria';

/**
 * The leaders on an endorsement (ADR 0024): the department's leader may delegate it to another
 * leader of the trust (who then endorses instead, while the department's leaders are its
 * `delegator`s and may take it back), and the leader who endorses may invite others to collaborate
 * (`collaborator`: they give input, never endorse) and take an invitation back. The medical
 * director may delegate and take back too: a case whose department has no leader who may endorse
 * it (the only leader wrote it, or is away) would otherwise wait for good. All of it only while the
 * case awaits endorsement.
 */
export const LEADER_STATUS: Status = 'submitted';

/** The leader forms of the case page, by their `intent`. */
export const LEADER_INTENTS = [
  'delegate',
  'takeBack',
  'invite',
  'removeCollaborator',
  'leaderInput',
] as const;
export type LeaderIntent = (typeof LEADER_INTENTS)[number];

export function isLeaderIntent(value: string): value is LeaderIntent {
  return (LEADER_INTENTS as readonly string[]).includes(value);
}

export interface LeaderActions {
  delegate: boolean;
  takeBack: boolean;
  invite: boolean;
  removeCollaborator: boolean;
  giveInput: boolean;
}

/** What a leader may do about the other leaders on a case, from their roles for it and its status. */
export function leaderActions(
  roles: readonly CaseRole[],
  status: Status,
  delegated: boolean,
): LeaderActions {
  const open = status === LEADER_STATUS;
  const director = roles.includes('decisionMaker');
  return {
    // The department's leader or the medical director delegates, and only once (the delegate does
    // not delegate further).
    delegate: open && !delegated && (roles.includes('endorser') || director),
    takeBack: open && delegated && (roles.includes('delegator') || director),
    invite: open && roles.includes('endorser'),
    // Who invites takes an invitation back (a leader chosen by mistake reads the case until then).
    removeCollaborator: open && roles.includes('endorser'),
    giveInput: open && roles.includes('collaborator'),
  };
}

/**
 * The role a leader action is taken in (the history note's role): as a leader of the department
 * (or its delegate) if the actor is one on the case, else as the medical director.
 */
export function leaderActionRole(roles: readonly CaseRole[]): 'endorser' | 'decisionMaker' {
  const leader = roles.includes('endorser') || roles.includes('delegator');
  return !leader && roles.includes('decisionMaker') ? 'decisionMaker' : 'endorser';
}

const inputSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: 'leaderInputRequired' })
    .max(LIMITS.long, { error: 'tooLong' }),
});

/**
 * A collaborating leader's input from the form's values: a required text and, if any rating field
 * is filled in, the ratings on every criterion (as the endorsement form asks for them).
 */
export function parseLeaderInput(
  values: Readonly<Record<string, string>>,
):
  { ok: true; body: string; ratings: CriteriaRatings | null } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const body = inputSchema.safeParse({ body: values.body ?? '' });
  if (!body.success) Object.assign(errors, fieldErrors(body.error));
  const rated = CRITERIA_FIELDS.some((f) => (values[f] ?? '').trim() !== '');
  let ratings: CriteriaRatings | null = null;
  if (rated) {
    const parsed = ratingsSchema.safeParse(ratingsInput(values));
    if (parsed.success) ratings = parsed.data;
    else Object.assign(errors, fieldErrors(parsed.error));
  }
  if (!body.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: body.data.body, ratings };
}
