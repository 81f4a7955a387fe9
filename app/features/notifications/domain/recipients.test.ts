import { describe, expect, it } from 'vitest';
import { EVENTS, STATUSES, type CaseEvent, type Status } from '../../cases/domain/workflow';
import { NOTIFICATION_KINDS } from './kinds';
import {
  committeeOf,
  fallbackGroupsFor,
  groupsFor,
  TRANSITION_NOTICES,
  transitionRecipients,
  type GroupMembers,
} from './recipients';

const members: GroupMembers = {
  applicant: ['applicant'],
  coAuthors: ['coauthor-1', 'coauthor-2'],
  departmentEndorsers: ['leader'],
  currentEndorsers: ['leader'],
  endorsementDelegate: ['delegate'],
  leaderCollaborators: ['collaborator'],
  decisionMakers: ['director'],
  committee: ['assessor-1', 'assessor-2'],
  informationRequester: ['assessor-2'],
};

const COMMITTEE = ['assessor-1', 'assessor-2'];
const COAUTHORS = ['coauthor-1', 'coauthor-2'];
/** The leaders on the endorsement: who endorses and who collaborates on it (ADR 0024). */
const LEADERS = ['leader', 'delegate', 'collaborator'];
/** Told of a withdrawal after the endorsement. */
const HANDLING = [...COAUTHORS, ...LEADERS, 'director', ...COMMITTEE];
/** Told of a decision: the applicant's side, the leaders and the committee. */
const DECIDED = ['applicant', ...COAUTHORS, ...LEADERS, ...COMMITTEE];

describe('transitionRecipients', () => {
  const table: [CaseEvent, Status, string, string, string[]][] = [
    ['submit', 'draft', 'applicant', 'caseSubmitted', ['leader']],
    ['resubmit', 'returned', 'applicant', 'caseSubmitted', ['leader']],
    ['withdraw', 'draft', 'applicant', 'caseWithdrawn', COAUTHORS],
    ['withdraw', 'submitted', 'applicant', 'caseWithdrawn', [...COAUTHORS, ...LEADERS]],
    ['withdraw', 'returned', 'applicant', 'caseWithdrawn', HANDLING],
    ['withdraw', 'endorsed', 'applicant', 'caseWithdrawn', HANDLING],
    ['withdraw', 'underAssessment', 'applicant', 'caseWithdrawn', HANDLING],
    ['withdraw', 'recommended', 'applicant', 'caseWithdrawn', HANDLING],
    ['withdraw', 'awaitingInformation', 'applicant', 'caseWithdrawn', HANDLING],
    ['withdraw', 'inConsultation', 'applicant', 'caseWithdrawn', HANDLING],
    ['withdraw', 'atInterregionalCommittee', 'applicant', 'caseWithdrawn', HANDLING],
    ['endorse', 'submitted', 'leader', 'caseEndorsed', ['director', 'applicant']],
    ['notEndorse', 'submitted', 'leader', 'caseNotEndorsed', ['applicant', ...COAUTHORS]],
    ['returnToApplicant', 'endorsed', 'director', 'caseReturned', ['applicant', ...COAUTHORS]],
    ['recommend', 'underAssessment', 'assessor-1', 'caseRecommended', ['director']],
    ['reopenAssessment', 'recommended', 'director', 'assessmentReopened', COMMITTEE],
    ['decide', 'recommended', 'director', 'caseDecided', DECIDED],
    ['decide', 'endorsed', 'director', 'caseDecided', DECIDED],
    ['forwardToInterregional', 'recommended', 'director', 'caseForwardedInterregional', DECIDED],
    ['reviseDecision', 'decided', 'director', 'decisionRevised', DECIDED],
    ['requestInformation', 'underAssessment', 'assessor-2', 'informationRequested', ['applicant']],
    [
      'provideInformation',
      'awaitingInformation',
      'applicant',
      'informationProvided',
      ['director', ...COMMITTEE],
    ],
  ];
  it.each(table)('%s from %s by %s → %s to %j', (event, from, actor, kind, recipients) => {
    expect(transitionRecipients(event, from, members, actor)).toEqual({
      kind,
      recipientIds: recipients,
    });
  });

  it.each(['submit', 'resubmit'] as const)(
    '%s with no leader who may endorse tells the medical directors instead (ADR 0024)',
    (event) => {
      const from = event === 'submit' ? 'draft' : 'returned';
      expect(fallbackGroupsFor(event)).toEqual(['decisionMakers']);
      const noLeader = { ...members, currentEndorsers: [] };
      expect(transitionRecipients(event, from, noLeader, 'applicant')).toEqual({
        kind: 'endorsementWithoutLeader',
        recipientIds: ['director'],
      });
      // A leader to tell: the directors are not told.
      expect(transitionRecipients(event, from, members, 'applicant')?.kind).toBe('caseSubmitted');
    },
  );

  it('has a fallback only where a case could otherwise wait unseen', () => {
    expect(EVENTS.filter((event) => fallbackGroupsFor(event).length > 0)).toEqual([
      'submit',
      'resubmit',
    ]);
  });

  it('tells whoever asked of the answer, also outside the committee', () => {
    const asker = { ...members, informationRequester: ['assessor-3'] };
    expect(
      transitionRecipients('provideInformation', 'awaitingInformation', asker, 'applicant')
        ?.recipientIds,
    ).toEqual(['director', ...COMMITTEE, 'assessor-3']);
  });

  it('never tells the actor of their own action', () => {
    const leaderDirects = { ...members, decisionMakers: ['leader', 'director'] };
    expect(
      transitionRecipients('endorse', 'submitted', leaderDirects, 'leader')?.recipientIds,
    ).toEqual(['director', 'applicant']);
    // A committee member who is also a director reopens: the rest of the committee is told.
    expect(
      transitionRecipients('reopenAssessment', 'recommended', members, 'assessor-1')?.recipientIds,
    ).toEqual(['assessor-2']);
  });

  it('tells each person once, whatever groups they are in', () => {
    const same = {
      ...members,
      departmentEndorsers: ['applicant'],
      endorsementDelegate: [],
      leaderCollaborators: ['applicant'],
    };
    expect(transitionRecipients('decide', 'endorsed', same, 'director')?.recipientIds).toEqual([
      'applicant',
      ...COAUTHORS,
      ...COMMITTEE,
    ]);
  });

  it.each(['startAssessment', 'close', 'beginFollowUp', 'recordOutcome'] as const)(
    '%s tells no one',
    (event) => {
      for (const from of STATUSES) {
        expect(transitionRecipients(event, from, members, 'applicant')).toBeNull();
        expect(groupsFor(event, from)).toEqual([]);
      }
    },
  );

  it('looks up only the groups the event and the status left need', () => {
    expect(groupsFor('withdraw', 'draft')).toEqual(['coAuthors']);
    expect(groupsFor('reopenAssessment', 'recommended')).toEqual(['committee']);
  });

  it('uses only known events, statuses and kinds', () => {
    for (const [event, notice] of Object.entries(TRANSITION_NOTICES)) {
      expect(EVENTS).toContain(event);
      expect(NOTIFICATION_KINDS).toContain(notice.kind);
      for (const from of Object.keys(notice.alsoFrom ?? {})) expect(STATUSES).toContain(from);
    }
  });
});

describe('committeeOf', () => {
  const table: [string, Parameters<typeof committeeOf>[0], string[]][] = [
    [
      'the assigned members, when there are any',
      { assigned: ['a1'], assessors: ['a1', 'a2'], assessed: true, authorIds: ['applicant'] },
      ['a1'],
    ],
    [
      'every assessor of the trust once assessed, when none is assigned',
      { assigned: [], assessors: ['a1', 'a2'], assessed: true, authorIds: ['applicant'] },
      ['a1', 'a2'],
    ],
    [
      'no one before the assessment, when none is assigned',
      { assigned: [], assessors: ['a1', 'a2'], assessed: false, authorIds: ['applicant'] },
      [],
    ],
    [
      'never the case’s authors (no judging role on their own case)',
      {
        assigned: [],
        assessors: ['a1', 'applicant', 'co'],
        assessed: true,
        authorIds: ['applicant', 'co'],
      },
      ['a1'],
    ],
  ];
  it.each(table)('%s', (_name, input, expected) => {
    expect(committeeOf(input)).toEqual(expected);
  });
});
