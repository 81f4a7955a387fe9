import { describe, expect, it } from 'vitest';
import { isNotificationKind, linksToCase, noticePage, NOTIFICATION_KINDS } from './kinds';

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

describe('noticePage', () => {
  it.each([
    // An inquiry lives on the inquiries page; the asker cannot open the case at all.
    ['inquiryReceived', '/henvendelser'],
    ['inquiryAnswered', '/henvendelser'],
    ['inquiryWithdrawn', '/henvendelser'],
    ['consultationAnswered', null],
    ['consultationWithdrawn', null],
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
