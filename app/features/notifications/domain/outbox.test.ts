import { describe, expect, it } from 'vitest';
import { afterFailure, OUTBOX_GIVE_UP_MS, refusedForGood, retryDelayMinutes } from './outbox';

describe('retryDelayMinutes', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [6, 32],
    [7, 60],
    [40, 60],
    // A row claimed without a count (never in practice) waits the shortest.
    [0, 1],
  ])('after %i failed tries: %i minutes', (attempts, minutes) => {
    expect(retryDelayMinutes(attempts)).toBe(minutes);
  });
});

describe('refusedForGood', () => {
  it.each([
    ['an unknown mailbox (550 on RCPT)', { code: 'EENVELOPE', responseCode: 550 }, true],
    ['a message refused (554 on DATA)', { code: 'EMESSAGE', responseCode: 554 }, true],
    ['a mailbox busy for now (450)', { code: 'EENVELOPE', responseCode: 450 }, false],
    ['the sender refused to log in (535)', { code: 'EAUTH', responseCode: 535 }, false],
    ['no connection', { code: 'ESOCKET' }, false],
    ['a timeout', { code: 'ETIMEDOUT' }, false],
    ['an envelope error without a reply', { code: 'EENVELOPE' }, false],
    ['a plain error', new Error('boom'), false],
    ['not an error', 'boom', false],
    ['nothing', null, false],
  ])('%s → %s', (_what, error, refused) => {
    expect(refusedForGood(error)).toBe(refused);
  });
});

describe('afterFailure', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it.each([
    [
      'a fresh notice, first failure',
      { code: 'ESOCKET' },
      1,
      ago(0),
      { kind: 'retry', minutes: 1 },
    ],
    [
      'a fresh notice, fourth failure',
      { code: 'ESOCKET' },
      4,
      ago(0),
      { kind: 'retry', minutes: 8 },
    ],
    [
      'refused for good, however fresh',
      { code: 'EENVELOPE', responseCode: 550 },
      1,
      ago(0),
      { kind: 'givenUp', why: 'refused' },
    ],
    [
      'the next try would fall past three days',
      { code: 'ESOCKET' },
      9,
      ago(OUTBOX_GIVE_UP_MS - 30 * 60_000),
      { kind: 'givenUp', why: 'tooLate' },
    ],
    [
      'the next try falls just inside three days',
      { code: 'ESOCKET' },
      9,
      ago(OUTBOX_GIVE_UP_MS - 61 * 60_000),
      { kind: 'retry', minutes: 60 },
    ],
  ] as const)('%s', (_what, error, attempts, createdAt, expected) => {
    const next = afterFailure(error, attempts, createdAt, now);
    if (expected.kind === 'retry') {
      expect(next).toEqual({
        kind: 'retry',
        at: new Date(now.getTime() + expected.minutes * 60_000),
      });
    } else {
      expect(next).toEqual(expected);
    }
  });
});
