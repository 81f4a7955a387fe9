import { describe, expect, it } from 'vitest';
import {
  eventTrusts,
  isRecordedRefusal,
  sessionRef,
  SESSION_REF_LENGTH,
  trustChangeTrusts,
} from './events';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';

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
});
