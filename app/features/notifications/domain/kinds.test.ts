import { describe, expect, it } from 'vitest';
import { isNotificationKind, linksToCase, NOTIFICATION_KINDS } from './kinds';

describe('linksToCase', () => {
  it.each([
    // The consulted trust is told of the withdrawal after its grant has ended: no case to open.
    ['consultationWithdrawn', false],
    ['consultationRequested', true],
    ['consultationAnswered', true],
    ['caseWithdrawn', true],
    ['messagePosted', true],
    ['stageReminder', true],
  ] as const)('%s → %s', (kind, links) => {
    expect(linksToCase(kind)).toBe(links);
  });

  it('links every kind but the consulted trust’s withdrawal notice to its case', () => {
    expect(NOTIFICATION_KINDS.filter((k) => !linksToCase(k))).toEqual(['consultationWithdrawn']);
  });

  it('knows the new kind', () => {
    expect(isNotificationKind('consultationWithdrawn')).toBe(true);
  });
});
