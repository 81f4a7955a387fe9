import { describe, expect, it } from 'vitest';
import { PRACTICE_MIN_DECISIONS, PRACTICE_SHARE, practiceWarning } from './practice';

describe('warning against national practice', () => {
  it('has its thresholds as constants', () => {
    expect(PRACTICE_MIN_DECISIONS).toBe(10);
    expect(PRACTICE_SHARE).toBe(0.75);
  });

  it.each([
    ['rejecting where 8 of 10 approved', 'rejected', 10, 8, 2, 'rejectingAgainstApproval'],
    ['rejecting where exactly 75 % approved', 'rejected', 12, 9, 3, 'rejectingAgainstApproval'],
    ['rejecting where 74 % approved', 'rejected', 100, 74, 26, null],
    ['rejecting with only 9 decisions', 'rejected', 9, 9, 0, null],
    ['approving where most approved', 'approved', 10, 9, 1, null],
    ['approving where 8 of 10 rejected', 'approved', 10, 2, 8, 'approvingAgainstRejection'],
    [
      'approving with conditions where 80 % rejected',
      'approvedWithConditions',
      20,
      4,
      16,
      'approvingAgainstRejection',
    ],
    ['rejecting where most rejected', 'rejected', 20, 4, 16, null],
    ['no outcome chosen', '', 20, 20, 0, null],
  ] as const)('%s', (_, outcome, total, approved, rejected, kind) => {
    expect(practiceWarning(outcome, { total, approved, rejected })?.kind ?? null).toBe(kind);
  });

  it('carries the numbers shown to the director', () => {
    expect(practiceWarning('rejected', { total: 12, approved: 10, rejected: 2 })).toEqual({
      kind: 'rejectingAgainstApproval',
      total: 12,
      share: 10 / 12,
    });
  });
});
