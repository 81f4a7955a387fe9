import { describe, expect, it } from 'vitest';
import {
  eventTrusts,
  isRecordedRefusal,
  sessionEnd,
  sessionEndTrusts,
  sessionRef,
  SESSION_REF_LENGTH,
  sessionTimeout,
  trustChangeTrusts,
} from './events';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
const MINUTE = 60_000;
const IDLE = 30 * MINUTE;
/** Minutes after 08:00 on a fixed day. */
const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 8, minutes));

describe('auth events', () => {
  it.each([
    { session: A, grants: [A, B], expected: [A] },
    { session: null, grants: [A, B, A], expected: [A, B] },
    { session: null, grants: [B], expected: [B] },
    { session: null, grants: [], expected: [null] },
  ])('records in the session trust, else every trust of the grants: $session $grants', (c) => {
    expect(eventTrusts(c.session, c.grants)).toEqual(c.expected);
  });

  it.each([
    { from: null, to: A, expected: [A] },
    { from: A, to: A, expected: [A] },
    { from: A, to: B, expected: [B, A] },
  ])('records a change of trust in the new trust and the one left: $from → $to', (c) => {
    expect(trustChangeTrusts(c.from, c.to)).toEqual(c.expected);
  });

  it('keeps only a short prefix of the session id', () => {
    const id = 'f'.repeat(64);
    expect(sessionRef(id)).toHaveLength(SESSION_REF_LENGTH);
    expect(SESSION_REF_LENGTH).toBeLessThan(16);
    expect(id.startsWith(sessionRef(id))).toBe(true);
  });

  it.each([
    ['securityLevel', true],
    ['unknownUser', true],
    ['invalidClaims', false],
    ['cancelled', false],
    ['expired', false],
    ['providerError', false],
  ] as const)('records the refusal %s: %s', (refusal, recorded) => {
    expect(isRecordedRefusal(refusal)).toBe(recorded);
  });

  it.each([
    { session: A, grants: [A, B], expected: [A] },
    { session: A, grants: [B], expected: [null] },
    { session: A, grants: [], expected: [null] },
    { session: null, grants: [A, B, A], expected: [A, B] },
    { session: null, grants: [], expected: [null] },
  ])(
    'records a session’s end in its trust while the user holds a role there, else as eventTrusts or in none: $session $grants',
    (c) => {
      expect(sessionEndTrusts(c.session, c.grants)).toEqual(c.expected);
    },
  );

  it.each([
    { lastSeen: 0, expires: 720, expected: { reason: 'idle', at: t(30) } },
    { lastSeen: 700, expires: 720, expected: { reason: 'absolute', at: t(720) } },
    { lastSeen: 690, expires: 720, expected: { reason: 'absolute', at: t(720) } },
    { lastSeen: 689, expires: 720, expected: { reason: 'idle', at: t(719) } },
  ])(
    'times a session out at the earlier of its absolute end and last use + idle: seen $lastSeen, expires $expires',
    (c) => {
      const session = { lastSeenAt: t(c.lastSeen), expiresAt: t(c.expires) };
      expect(sessionTimeout(session, IDLE)).toEqual(c.expected);
    },
  );

  it.each([
    { lastSeen: 0, now: 30, expected: { reason: 'idle', endedAt: t(30) } },
    { lastSeen: 0, now: 500, expected: { reason: 'idle', endedAt: t(30) } },
    { lastSeen: 700, now: 721, expected: { reason: 'absolute', endedAt: t(720) } },
    { lastSeen: 700, now: 720, expected: { reason: 'absolute', endedAt: t(720) } },
    { lastSeen: 0, now: 29, expected: { reason: 'replaced', endedAt: null } },
    { lastSeen: 700, now: 719, expected: { reason: 'replaced', endedAt: null } },
    {
      lastSeen: 0,
      now: 29,
      live: 'trustChanged',
      expected: { reason: 'trustChanged', endedAt: null },
    },
    { lastSeen: 0, now: 31, live: 'trustChanged', expected: { reason: 'idle', endedAt: t(30) } },
    {
      lastSeen: 700,
      now: 721,
      live: 'trustChanged',
      expected: { reason: 'absolute', endedAt: t(720) },
    },
  ] as const)(
    'says how a deleted session ended: seen at $lastSeen, deleted at $now (live: $live) → $expected.reason',
    (c) => {
      const session = { lastSeenAt: t(c.lastSeen), expiresAt: t(720) };
      const live = 'live' in c ? c.live : undefined;
      expect(sessionEnd(session, t(c.now), IDLE, live)).toEqual(c.expected);
    },
  );
});
