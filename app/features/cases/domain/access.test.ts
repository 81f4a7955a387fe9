import { describe, expect, it } from 'vitest';
import type { Actor, CaseRole, Role, RoleGrant } from '../../auth/domain/roles';
import {
  accessRole,
  applicationEditorRole,
  canEditApplication,
  caseRoles,
  canViewCase,
  conflictedRoles,
  type CaseScope,
  seesPatientIdentity,
  transitionRefusal,
  waitingStatuses,
  waitsFor,
} from './access';
import type { CaseEvent, Status } from './workflow';

const TRUST = 'trust-a';
const DEPT = 'dept-1';
const applicantId = 'user-applicant';

const actor = (userId: string, grants: Omit<RoleGrant, 'trustId'>[], trustId = TRUST): Actor => ({
  userId,
  name: userId,
  trustId,
  trustName: trustId,
  grants: grants.map((g) => ({ ...g, trustId })),
  trusts: [{ id: trustId, name: trustId }],
});

const scope = (
  status: Status,
  leaders: Pick<CaseScope, 'delegateId' | 'collaboratorIds'> = {
    delegateId: null,
    collaboratorIds: [],
  },
): CaseScope => ({
  trustId: TRUST,
  departmentId: DEPT,
  applicantId,
  coAuthorIds: ['user-coauthor'],
  ...leaders,
  status,
});
/** The endorsement delegated to `user-delegate`, `user-collaborator` invited (ADR 0024). */
const DELEGATED = { delegateId: 'user-delegate', collaboratorIds: ['user-collaborator'] };
/** Only a collaborator invited, no delegation. */
const COLLABORATING = { delegateId: null, collaboratorIds: ['user-collaborator'] };

const applicant = actor(applicantId, [{ role: 'applicant', departmentId: DEPT }]);
const otherDoctor = actor('user-other', [{ role: 'applicant', departmentId: DEPT }]);
const coAuthor = actor('user-coauthor', [{ role: 'applicant', departmentId: DEPT }]);
const endorser = actor('user-endorser', [{ role: 'endorser', departmentId: DEPT }]);
const otherEndorser = actor('user-endorser-2', [{ role: 'endorser', departmentId: 'dept-2' }]);
const delegate = actor('user-delegate', [{ role: 'endorser', departmentId: 'dept-2' }]);
const delegateNoLonger = actor('user-delegate', [{ role: 'applicant', departmentId: 'dept-2' }]);
const trustEndorser = actor('user-endorser-3', [{ role: 'endorser', departmentId: null }]);
const director = actor('user-director', [{ role: 'decisionMaker', departmentId: null }]);
const assessor = actor('user-assessor', [{ role: 'assessor', departmentId: null }]);
const admin = actor('user-admin', [{ role: 'trustAdmin', departmentId: null }]);
const reader = actor('user-reader', [{ role: 'nationalReader', departmentId: null }]);
/** One person holding every judging role besides applicant (BRIEF §2: one can hold several). */
const allRoles = (userId: string) =>
  actor(userId, [
    { role: 'applicant', departmentId: DEPT },
    { role: 'endorser', departmentId: DEPT },
    { role: 'decisionMaker', departmentId: null },
    { role: 'assessor', departmentId: null },
  ]);
const applicantJudge = allRoles(applicantId);
const coAuthorJudge = allRoles('user-coauthor');
const otherJudge = allRoles('user-other');
const delegateAuthor = actor('user-delegate', [{ role: 'endorser', departmentId: 'dept-2' }]);
const foreignDirector = actor(
  'user-foreign',
  [{ role: 'decisionMaker', departmentId: null }],
  'trust-b',
);

describe('caseRoles', () => {
  it.each([
    ['applicant', applicant, 'draft', ['applicant']],
    ['applicant', applicant, 'submitted', ['applicant']],
    ['another doctor', otherDoctor, 'submitted', []],
    ['invited co-author, draft', coAuthor, 'draft', ['coAuthor']],
    ['invited co-author', coAuthor, 'underAssessment', ['coAuthor']],
    ['endorser of the department', endorser, 'submitted', ['endorser']],
    ['endorser, draft', endorser, 'draft', []],
    ['endorser of another department', otherEndorser, 'submitted', []],
    ['leader of another department, nothing delegated', delegate, 'submitted', []],
    ['trust-wide endorser', trustEndorser, 'submitted', ['endorser']],
    ['medical director', director, 'endorsed', ['decisionMaker']],
    ['medical director, draft', director, 'draft', []],
    ['assessor', assessor, 'underAssessment', ['assessor']],
    ['trust admin', admin, 'decided', []],
    ['national reader', reader, 'decided', []],
    ['director of another trust', foreignDirector, 'endorsed', []],
  ] as [string, Actor, Status, Role[]][])('%s in %s → %j', (_label, who, status, roles) => {
    expect(caseRoles(who, scope(status))).toEqual(roles);
    expect(canViewCase(who, scope(status))).toBe(roles.length > 0);
  });

  it('ignores roles the actor holds in another trust', () => {
    const twoTrusts: Actor = {
      ...director,
      grants: [{ role: 'decisionMaker', trustId: 'trust-b', departmentId: null }],
    };
    expect(caseRoles(twoTrusts, scope('endorsed'))).toEqual([]);
  });
});

describe('caseRoles: no one judges their own application (conflict of interest)', () => {
  const JUDGING: Role[] = ['endorser', 'decisionMaker', 'assessor'];
  it.each([
    ['applicant with every role', applicantJudge, 'submitted', ['applicant']],
    ['applicant with every role', applicantJudge, 'endorsed', ['applicant']],
    ['applicant with every role', applicantJudge, 'underAssessment', ['applicant']],
    ['applicant with every role', applicantJudge, 'decided', ['applicant']],
    ['co-author with every role', coAuthorJudge, 'submitted', ['coAuthor']],
    ['co-author with every role', coAuthorJudge, 'underAssessment', ['coAuthor']],
    ['the same person on a colleague’s case', otherJudge, 'submitted', JUDGING],
    ['the same person on a colleague’s case', otherJudge, 'underAssessment', JUDGING],
  ] as [string, Actor, Status, Role[]][])('%s in %s → %j', (_label, who, status, roles) => {
    expect(caseRoles(who, scope(status))).toEqual(roles);
  });

  it('leaves a registrar (applicant of record without the applicant role) their roles', () => {
    // Etterregistrering names the director who registers as the case's applicant.
    const registrar = actor(applicantId, [{ role: 'decisionMaker', departmentId: null }]);
    expect(caseRoles(registrar, scope('decided'))).toEqual(['decisionMaker']);
    expect(conflictedRoles(registrar, scope('decided'))).toEqual([]);
  });

  it('keeps a delegated leader who co-authors out of the endorsement', () => {
    const s = { ...scope('submitted', DELEGATED), coAuthorIds: ['user-delegate'] };
    expect(caseRoles(delegateAuthor, s)).toEqual(['coAuthor']);
    expect(conflictedRoles(delegateAuthor, s)).toEqual(['endorser']);
  });

  it.each([
    ['applicant with every role', applicantJudge, JUDGING],
    ['co-author with every role', coAuthorJudge, JUDGING],
    ['the same person on a colleague’s case', otherJudge, []],
    ['plain applicant', applicant, []],
    ['director of another trust', foreignDirector, []],
  ] as [string, Actor, Role[]][])('conflictedRoles: %s → %j', (_label, who, roles) => {
    expect(conflictedRoles(who, scope('underAssessment'))).toEqual(roles);
  });

  it.each([
    // The applicant's own actions stay; the judging ones are refused as their own case.
    ['submitted', 'endorse', ['applicant'], JUDGING, 'ownCase'],
    ['submitted', 'notEndorse', ['applicant'], JUDGING, 'ownCase'],
    ['endorsed', 'startAssessment', ['applicant'], JUDGING, 'ownCase'],
    ['recommended', 'decide', ['applicant'], JUDGING, 'ownCase'],
    ['underAssessment', 'recommend', ['applicant'], JUDGING, 'ownCase'],
    ['underAssessment', 'requestInformation', ['coAuthor'], JUDGING, 'ownCase'],
    ['decided', 'reviseDecision', ['applicant'], JUDGING, 'ownCase'],
    ['submitted', 'withdraw', ['applicant'], JUDGING, null],
    // Without conflicted roles the workflow's own refusal stands.
    ['recommended', 'decide', ['applicant'], [], 'forbidden'],
    ['draft', 'decide', ['applicant'], JUDGING, 'invalidTransition'],
    // The complete flow decides after the recommendation, never straight from the assessment.
    ['underAssessment', 'decide', ['decisionMaker'], [], 'invalidTransition'],
    ['recommended', 'decide', ['decisionMaker'], [], null],
  ] as [Status, CaseEvent, CaseRole[], Role[], string | null][])(
    'transitionRefusal: %s, %s by %j (set aside %j) → %s',
    (status, event, roles, conflicted, refusal) => {
      expect(transitionRefusal(status, event, roles, conflicted, 'offLabel')).toBe(refusal);
    },
  );

  it('refuses a direct decision of a Tilgangsordningen case as not for its scheme', () => {
    expect(
      transitionRefusal('endorsed', 'decide', ['decisionMaker'], [], 'tilgangsordningen'),
    ).toBe('notForScheme');
    expect(
      transitionRefusal(
        'atInterregionalCommittee',
        'decide',
        ['applicant'],
        JUDGING,
        'tilgangsordningen',
      ),
    ).toBe('ownCase');
  });
});

describe('caseRoles: delegating and collaborating on the endorsement (ADR 0024)', () => {
  const collaborator = actor('user-collaborator', [{ role: 'endorser', departmentId: 'dept-2' }]);
  const collaboratorNoLonger = actor('user-collaborator', [
    { role: 'applicant', departmentId: 'dept-2' },
  ]);
  const departmentDirector = actor('user-endorser', [
    { role: 'endorser', departmentId: DEPT },
    { role: 'decisionMaker', departmentId: null },
  ]);
  const delegatedInDepartment = actor('user-delegate', [{ role: 'endorser', departmentId: DEPT }]);
  it.each([
    // Delegated: the delegate endorses, the department's leaders are delegators.
    ['the delegate', delegate, 'submitted', DELEGATED, ['endorser']],
    ['the delegate, draft', delegate, 'draft', DELEGATED, []],
    ['the delegate, endorsed', delegate, 'endorsed', DELEGATED, ['endorser']],
    ['the delegate, no longer a leader', delegateNoLonger, 'submitted', DELEGATED, []],
    [
      'a delegate of the same department',
      delegatedInDepartment,
      'submitted',
      DELEGATED,
      ['endorser'],
    ],
    ['the department leader', endorser, 'submitted', DELEGATED, ['delegator']],
    ['the department leader, endorsed', endorser, 'endorsed', DELEGATED, ['delegator']],
    ['the department leader, draft', endorser, 'draft', DELEGATED, []],
    ['a trust-wide leader', trustEndorser, 'submitted', DELEGATED, ['delegator']],
    [
      'a department leader who is director',
      departmentDirector,
      'submitted',
      DELEGATED,
      ['delegator', 'decisionMaker'],
    ],
    ['a leader of another department', otherEndorser, 'submitted', DELEGATED, []],
    // Taken back (no active delegation): the department leader endorses again.
    ['the department leader, taken back', endorser, 'submitted', COLLABORATING, ['endorser']],
    ['the former delegate, taken back', delegate, 'submitted', COLLABORATING, []],
    // Collaborating: reads and gives input, never endorses.
    ['the collaborator', collaborator, 'submitted', COLLABORATING, ['collaborator']],
    ['the collaborator, delegated', collaborator, 'submitted', DELEGATED, ['collaborator']],
    ['the collaborator, endorsed', collaborator, 'endorsed', COLLABORATING, ['collaborator']],
    ['the collaborator, draft', collaborator, 'draft', COLLABORATING, []],
    ['the collaborator, no longer a leader', collaboratorNoLonger, 'submitted', COLLABORATING, []],
    ['the applicant', applicant, 'submitted', DELEGATED, ['applicant']],
    ['the director', director, 'submitted', DELEGATED, ['decisionMaker']],
  ] as [string, Actor, Status, Pick<CaseScope, 'delegateId' | 'collaboratorIds'>, CaseRole[]][])(
    '%s in %s → %j',
    (_label, who, status, leaders, roles) => {
      expect(caseRoles(who, scope(status, leaders))).toEqual(roles);
    },
  );

  it.each([
    // Only the endorser role endorses: neither delegator nor collaborator waits or may endorse.
    [['endorser'], 'submitted', true],
    [['delegator'], 'submitted', false],
    [['collaborator'], 'submitted', false],
    [['delegator', 'decisionMaker'], 'endorsed', true],
  ] as [CaseRole[], Status, boolean][])('waitsFor(%j, %s) → %s', (roles, status, waits) => {
    expect(waitsFor(roles, status)).toBe(waits);
  });

  it.each([
    [['delegator'], 'endorse'],
    [['delegator'], 'returnToApplicant'],
    [['collaborator'], 'notEndorse'],
    [['collaborator'], 'endorse'],
  ] as [CaseRole[], CaseEvent][])('transitionRefusal: %j may not %s', (roles, event) => {
    expect(transitionRefusal('submitted', event, roles, [], 'offLabel')).toBe('forbidden');
  });

  it.each([
    [['delegator'], 'submitted', 'delegator'],
    [['collaborator'], 'submitted', 'collaborator'],
    [['endorser', 'collaborator'], 'submitted', 'endorser'],
  ] as [CaseRole[], Status, CaseRole][])('accessRole(%j, %s) → %s', (roles, status, role) => {
    expect(accessRole(roles, status)).toBe(role);
  });
});

describe('seesPatientIdentity', () => {
  it.each([
    [['consultant'], false],
    [[], false],
    [['applicant'], true],
    [['coAuthor'], true],
    [['endorser'], true],
    [['decisionMaker'], true],
    [['assessor'], true],
    // A treating-trust role alongside decides (not reachable today: kept for the rule's sake).
    [['consultant', 'decisionMaker'], true],
  ] as [CaseRole[], boolean][])('%j → %s', (roles, sees) => {
    expect(seesPatientIdentity(roles)).toBe(sees);
  });
});

describe('accessRole: the role an access is logged in', () => {
  it.each([
    // The stage's role when the case waits for one of the actor's roles…
    [['endorser', 'decisionMaker', 'assessor'], 'submitted', 'endorser'],
    [['endorser', 'decisionMaker', 'assessor'], 'endorsed', 'decisionMaker'],
    [['endorser', 'decisionMaker', 'assessor'], 'underAssessment', 'decisionMaker'],
    [['endorser', 'assessor'], 'underAssessment', 'assessor'],
    // Recommended: the medical director's stage, not the committee's.
    [['assessor', 'decisionMaker'], 'recommended', 'decisionMaker'],
    [['endorser', 'assessor'], 'recommended', 'assessor'],
    [['applicant', 'coAuthor'], 'returned', 'applicant'],
    [['coAuthor'], 'draft', 'coAuthor'],
    // …otherwise the widest: director, committee, leader, applicant, co-author, consultant.
    [['endorser', 'decisionMaker'], 'closed', 'decisionMaker'],
    [['endorser', 'assessor'], 'submitted', 'endorser'],
    [['endorser', 'assessor'], 'closed', 'assessor'],
    // In consultation the case waits for the consulted trust: the director's read is logged as
    // the director's all the same.
    [['decisionMaker', 'assessor'], 'inConsultation', 'decisionMaker'],
    [['assessor'], 'inConsultation', 'assessor'],
    [['applicant'], 'underAssessment', 'applicant'],
    [['consultant'], 'inConsultation', 'consultant'],
    [[], 'submitted', null],
  ] as [CaseRole[], Status, CaseRole | null][])('%j in %s → %s', (roles, status, role) => {
    expect(accessRole(roles, status)).toBe(role);
  });
});

describe('canEditApplication', () => {
  it.each([
    [['applicant'], 'draft', true],
    [['coAuthor'], 'draft', true],
    [['coAuthor'], 'returned', true],
    [['applicant'], 'submitted', false],
    [['endorser'], 'draft', false],
    [['decisionMaker'], 'returned', false],
  ] as [Role[], Status, boolean][])('%j in %s → %s', (roles, status, editable) => {
    expect(canEditApplication(roles, status)).toBe(editable);
  });
});

describe('applicationEditorRole', () => {
  it.each([
    [['applicant'], 'draft', 'applicant'],
    [['endorser', 'coAuthor'], 'returned', 'coAuthor'],
    [['applicant'], 'endorsed', null],
    [['decisionMaker'], 'draft', null],
  ] as [Role[], Status, Role | null][])('%j in %s → %s', (roles, status, role) => {
    expect(applicationEditorRole(roles, status)).toBe(role);
  });
});

describe('waitsFor', () => {
  it.each([
    [['applicant'], 'draft', true],
    [['coAuthor'], 'returned', true],
    [['applicant'], 'awaitingInformation', true],
    [['applicant'], 'followUp', true], // the outcome report
    // Withdrawing is always possible while open; it alone does not make a case wait.
    [['applicant'], 'submitted', false],
    [['applicant'], 'underAssessment', false],
    [['endorser'], 'submitted', true],
    [['endorser'], 'endorsed', false],
    [['decisionMaker'], 'endorsed', true],
    [['decisionMaker'], 'underAssessment', true],
    // In consultation the case waits for the consulted trust's answer: the director who asked may
    // withdraw the consultation, but need not act.
    [['decisionMaker'], 'inConsultation', false],
    [['assessor'], 'inConsultation', false],
    [['consultant'], 'inConsultation', true],
    [['assessor'], 'underAssessment', true],
    // Once the committee has recommended, the case waits for the medical director alone.
    [['decisionMaker'], 'recommended', true],
    [['assessor'], 'recommended', false],
    [['applicant'], 'recommended', false], // may only withdraw
    // Follow-up waits for the applicant's outcome; the director may correct or close, not must.
    [['decisionMaker'], 'followUp', false],
    [['decisionMaker'], 'submitted', false],
    [['decisionMaker'], 'awaitingInformation', false],
    [['decisionMaker'], 'decided', true], // begin follow-up
    [['decisionMaker', 'applicant'], 'awaitingInformation', true],
    [[], 'endorsed', false],
    [['decisionMaker'], 'atInterregionalCommittee', true],
    [['applicant'], 'atInterregionalCommittee', false], // may only withdraw
  ] as [CaseRole[], Status, boolean][])('%j in %s → %s', (roles, status, waits) => {
    expect(waitsFor(roles, status)).toBe(waits);
  });

  it('lists the statuses a set of roles waits in', () => {
    expect(waitingStatuses(['decisionMaker'])).toEqual([
      'endorsed',
      'underAssessment',
      'recommended', // decides after the committee's recommendation
      'atInterregionalCommittee', // records the interregional committee's decision
      'decided',
    ]);
    expect(waitingStatuses(['applicant'])).toEqual([
      'draft',
      'returned',
      'awaitingInformation',
      'followUp',
    ]);
    expect(waitingStatuses(['assessor'])).toEqual(['endorsed', 'underAssessment']);
    expect(waitingStatuses(['consultant'])).toEqual(['inConsultation']);
    expect(waitingStatuses(['nationalReader'])).toEqual([]);
  });
});
