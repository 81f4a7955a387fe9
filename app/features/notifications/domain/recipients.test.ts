import { describe, expect, it } from 'vitest';
import { EVENTS, type CaseEvent } from '../../cases/domain/workflow';
import { NOTIFICATION_KINDS } from './kinds';
import {
  groupsFor,
  TRANSITION_NOTICES,
  transitionRecipients,
  type GroupMembers,
} from './recipients';

const members: GroupMembers = {
  applicant: ['applicant'],
  coAuthors: ['coauthor-1', 'coauthor-2'],
  departmentEndorsers: ['leader'],
  decisionMakers: ['director'],
};

describe('transitionRecipients', () => {
  const table: [CaseEvent, string, string, string[]][] = [
    ['submit', 'applicant', 'caseSubmitted', ['leader']],
    ['resubmit', 'applicant', 'caseSubmitted', ['leader']],
    ['endorse', 'leader', 'caseEndorsed', ['director', 'applicant']],
    ['notEndorse', 'leader', 'caseNotEndorsed', ['applicant', 'coauthor-1', 'coauthor-2']],
    ['returnToApplicant', 'director', 'caseReturned', ['applicant', 'coauthor-1', 'coauthor-2']],
    ['recommend', 'assessor', 'caseRecommended', ['director']],
    ['decide', 'director', 'caseDecided', ['applicant', 'leader']],
    ['forwardToInterregional', 'director', 'caseForwardedInterregional', ['applicant', 'leader']],
    ['reviseDecision', 'director', 'decisionRevised', ['applicant', 'leader']],
    ['requestInformation', 'director', 'informationRequested', ['applicant']],
    ['provideInformation', 'applicant', 'informationProvided', ['director']],
  ];
  it.each(table)('%s by %s → %s to %j', (event, actor, kind, recipients) => {
    expect(transitionRecipients(event, members, actor)).toEqual({ kind, recipientIds: recipients });
  });

  it('never tells the actor of their own action', () => {
    const leaderDirects = { ...members, decisionMakers: ['leader', 'director'] };
    expect(transitionRecipients('endorse', leaderDirects, 'leader')?.recipientIds).toEqual([
      'director',
      'applicant',
    ]);
  });

  it('tells each person once, whatever groups they are in', () => {
    const same = { ...members, departmentEndorsers: ['applicant'] };
    expect(transitionRecipients('decide', same, 'director')?.recipientIds).toEqual(['applicant']);
  });

  it.each(['withdraw', 'startAssessment', 'close', 'beginFollowUp'] as const)(
    '%s tells no one',
    (event) => {
      expect(transitionRecipients(event, members, 'applicant')).toBeNull();
      expect(groupsFor(event)).toEqual([]);
    },
  );

  it('uses only known events and kinds', () => {
    for (const [event, notice] of Object.entries(TRANSITION_NOTICES)) {
      expect(EVENTS).toContain(event);
      expect(NOTIFICATION_KINDS).toContain(notice.kind);
    }
  });
});
