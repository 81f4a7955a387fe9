/** The fewest national decisions that make a practice. */
export const PRACTICE_MIN_DECISIONS = 10;
/** The share of decisions one way that makes a practice. */
export const PRACTICE_SHARE = 0.75;

export interface NationalPractice {
  total: number;
  /** Approved, with or without conditions. */
  approved: number;
  rejected: number;
}

export type PracticeWarning =
  | { kind: 'rejectingAgainstApproval'; total: number; share: number }
  | { kind: 'approvingAgainstRejection'; total: number; share: number };

export const isApproval = (outcome: string) =>
  outcome === 'approved' || outcome === 'approvedWithConditions';

/**
 * Whether a draft outcome goes against national practice for the same drug and indication:
 * rejecting where at least 75 % of at least 10 decisions approved, or approving where at least
 * 75 % rejected. Only a warning: the decision stays the director's.
 */
export function practiceWarning(
  outcome: string,
  practice: NationalPractice,
): PracticeWarning | null {
  if (practice.total < PRACTICE_MIN_DECISIONS) return null;
  const approvedShare = practice.approved / practice.total;
  const rejectedShare = practice.rejected / practice.total;
  if (outcome === 'rejected' && approvedShare >= PRACTICE_SHARE) {
    return { kind: 'rejectingAgainstApproval', total: practice.total, share: approvedShare };
  }
  if (isApproval(outcome) && rejectedShare >= PRACTICE_SHARE) {
    return { kind: 'approvingAgainstRejection', total: practice.total, share: rejectedShare };
  }
  return null;
}
