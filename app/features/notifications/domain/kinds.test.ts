import { describe, expect, it } from 'vitest';
import { isNotificationKind, linksToCase, noticePage, NOTIFICATION_KINDS } from './kinds';

describe('linksToCase', () => {
  it.each([
    // The consulted trust is told of the withdrawal after its grant has ended: no case to open.
    ['consultationWithdrawn', false],
    // … and of the revocation, likewise after its grant has ended.
    ['consultationRevoked', false],
    // A co-author taken off the application can no longer open it.
    ['coAuthorRemoved', false],
    ['coAuthorInvited', true],
    // … nor a leader taken off the endorsement.
    ['leaderRemoved', false],
    ['leaderInvited', true],
    // … nor a delegate whose delegation was taken back (from another department, closed to them).
    ['delegationTakenBack', false],
    ['endorsementDelegated', true],
    ['consultationRequested', true],
    ['consultationAnswered', true],
    ['caseWithdrawn', true],
    ['messagePosted', true],
    ['stageReminder', true],
  ] as const)('%s → %s', (kind, links) => {
    expect(linksToCase(kind)).toBe(links);
  });

  it('links every kind to its case but those whose case is closed to the recipient', () => {
    expect(NOTIFICATION_KINDS.filter((k) => !linksToCase(k))).toEqual([
      'coAuthorRemoved',
      'leaderRemoved',
      'delegationTakenBack',
      'consultationWithdrawn',
      'consultationRevoked',
    ]);
  });

  it('knows the new kinds', () => {
    expect(isNotificationKind('consultationWithdrawn')).toBe(true);
    expect(isNotificationKind('consultationRevoked')).toBe(true);
    expect(isNotificationKind('coAuthorRemoved')).toBe(true);
    expect(isNotificationKind('leaderRemoved')).toBe(true);
  });
});

describe('noticePage', () => {
  it.each([
    // An inquiry lives on the inquiries page; the asker cannot open the case at all.
    ['inquiryReceived', '/henvendelser'],
    ['inquiryAnswered', '/henvendelser'],
    ['inquiryWithdrawn', '/henvendelser'],
    ['consultationAnswered', null],
    ['consultationWithdrawn', null],
    ['consultationRevoked', null],
    ['messagePosted', null],
  ] as const)('%s → %s', (kind, page) => {
    expect(noticePage(kind)).toBe(page);
  });

  it('sends only the inquiries to a page of their own', () => {
    expect(NOTIFICATION_KINDS.filter((k) => noticePage(k) !== null)).toEqual([
      'inquiryReceived',
      'inquiryAnswered',
      'inquiryWithdrawn',
    ]);
  });
});
