import { describe, expect, it } from 'vitest';
import type { Actor, CaseRole, RoleGrant } from '../../auth/domain/roles';
import { LIMITS } from '../../cases/domain/application';
import { caseRoles, canEditApplication } from '../../cases/domain/access';
import { availableEvents, EVENTS, findTransition, type Status } from '../../cases/domain/workflow';
import {
  checkAnswer,
  checkRequest,
  CONSULTATION_EVENTS,
  consultationState,
  isConsultationEvent,
  isPending,
} from './consultation';
import { consultationNotice } from './notices';
import { addDays, dateInNorway } from '../../cases/domain/dates';

const TODAY = '2026-12-01';
const OTHER = 'trust-b';

describe('checkRequest', () => {
  it('keeps a deadline typed dd.mm.åååå as YYYY-MM-DD', () => {
    const result = checkRequest(
      { consultedTrustId: OTHER, question: 'Erfaring?', deadline: ' 5.12.2026 ' },
      TODAY,
      [OTHER],
    );
    expect(result).toEqual({
      ok: true,
      value: { consultedTrustId: OTHER, question: 'Erfaring?', deadline: '2026-12-05' },
    });
  });

  const valid = { consultedTrustId: OTHER, question: '  Erfaring?  ', deadline: '2026-12-15' };
  it.each([
    ['a valid request, trimmed', valid, { ok: true }],
    ['the deadline today', { ...valid, deadline: TODAY }, { ok: true }],
    ['the deadline 90 days ahead', { ...valid, deadline: '2027-03-01' }, { ok: true }],
    ['91 days ahead', { ...valid, deadline: '2027-03-02' }, { deadline: 'deadlineTooFar' }],
    ['yesterday', { ...valid, deadline: '2026-11-30' }, { deadline: 'deadlinePast' }],
    ['no date', { ...valid, deadline: '' }, { deadline: 'deadlineRequired' }],
    ['no real date', { ...valid, deadline: '2026-02-30' }, { deadline: 'deadlineRequired' }],
    ['no such month', { ...valid, deadline: '2026-13-45' }, { deadline: 'deadlineRequired' }],
    // Typed without a date picker: dd.mm.åååå (as the message's example; kept as ISO, below).
    [
      'a Norwegian date in the past',
      { ...valid, deadline: '30.11.2026' },
      { deadline: 'deadlinePast' },
    ],
    [
      'no real Norwegian date',
      { ...valid, deadline: '31.02.2027' },
      { deadline: 'deadlineRequired' },
    ],
    [
      'an unoffered trust',
      { ...valid, consultedTrustId: 'x' },
      { consultedTrustId: 'trustRequired' },
    ],
    ['no trust', { ...valid, consultedTrustId: '' }, { consultedTrustId: 'trustRequired' }],
    ['a blank question', { ...valid, question: ' \n ' }, { question: 'questionRequired' }],
    [
      'a too long question',
      { ...valid, question: 'x'.repeat(LIMITS.long + 1) },
      { question: 'tooLong' },
    ],
  ] as const)('%s', (_label, input, expected) => {
    const result = checkRequest(input, TODAY, [OTHER]);
    if ('ok' in expected) {
      expect(result).toEqual({
        ok: true,
        value: { ...input, question: input.question.trim() },
      });
    } else {
      expect(result).toEqual({ ok: false, errors: expected });
    }
  });
});

describe('checkAnswer', () => {
  it.each([
    [' Svar ', { ok: true, value: 'Svar' }],
    ['', { ok: false, errors: { answer: 'answerRequired' } }],
    ['   ', { ok: false, errors: { answer: 'answerRequired' } }],
    ['x'.repeat(LIMITS.long + 1), { ok: false, errors: { answer: 'tooLong' } }],
  ])('%j → %j', (answer, expected) => {
    expect(checkAnswer(answer)).toEqual(expected);
  });
});

describe('consultationState', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  it.each([
    [{ deadline: '2026-12-10', revokedAt: null, answeredAt: null }, 'open', true],
    [{ deadline: TODAY, revokedAt: null, answeredAt: null }, 'open', true],
    [{ deadline: '2026-11-30', revokedAt: null, answeredAt: null }, 'expired', true],
    [{ deadline: '2026-12-10', revokedAt: at, answeredAt: null }, 'revoked', false],
    [{ deadline: '2026-11-30', revokedAt: at, answeredAt: null }, 'revoked', false],
    [{ deadline: '2026-12-10', revokedAt: null, answeredAt: at }, 'answered', false],
  ])('%j → %s', (grant, state, pending) => {
    expect(consultationState(grant, TODAY)).toBe(state);
    expect(isPending(grant)).toBe(pending);
  });

  // Who closed the grant: the director (revoked) or the applicant, whose withdrawal ended it.
  const APPLICANT = 'applicant-id';
  it.each([
    [
      { deadline: '2026-12-10', revokedAt: at, answeredAt: null, revokedBy: 'director-id' },
      'revoked',
    ],
    [
      { deadline: '2026-12-10', revokedAt: at, answeredAt: null, revokedBy: APPLICANT },
      'withdrawn',
    ],
    // Expired and unanswered when the case was withdrawn: ended by the withdrawal all the same.
    [
      { deadline: '2026-11-30', revokedAt: at, answeredAt: null, revokedBy: APPLICANT },
      'withdrawn',
    ],
    // Answered before the withdrawal: the answer stands.
    [{ deadline: '2026-12-10', revokedAt: null, answeredAt: at, revokedBy: null }, 'answered'],
    [{ deadline: '2026-12-10', revokedAt: null, answeredAt: null, revokedBy: null }, 'open'],
  ])("%j with the case's applicant → %s", (grant, state) => {
    expect(consultationState(grant, TODAY, APPLICANT)).toBe(state);
    expect(isPending(grant)).toBe(state === 'open');
  });

  it('calls a grant closed by the applicant revoked when the applicant is not known', () => {
    const grant = { deadline: '2026-12-10', revokedAt: at, answeredAt: null, revokedBy: APPLICANT };
    expect(consultationState(grant, TODAY)).toBe('revoked');
  });
});

describe('dates', () => {
  it.each([
    ['2026-12-01T22:59:59Z', '2026-12-01'],
    ['2026-12-01T23:00:00Z', '2026-12-02'], // midnight in Oslo (CET)
    ['2026-06-30T22:00:00Z', '2026-07-01'], // midnight in Oslo (CEST)
  ])('%s is %s in Norway', (instant, date) => {
    expect(dateInNorway(new Date(instant))).toBe(date);
  });
  it.each([
    ['2026-12-01', 14, '2026-12-15'],
    ['2026-12-25', 10, '2027-01-04'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-01', -1, '2026-11-30'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('consultation events', () => {
  it.each(EVENTS.map((e) => [e, (CONSULTATION_EVENTS as readonly string[]).includes(e)]))(
    '%s is owned by consultations: %s',
    (event, owned) => {
      expect(isConsultationEvent(event)).toBe(owned);
    },
  );

  it('answers as the database function does: inConsultation → underAssessment, by the consultant', () => {
    expect(findTransition('inConsultation', 'answerConsultation', 'anyScheme')).toMatchObject({
      to: 'underAssessment',
      roles: ['consultant'],
      reasonRequired: true,
    });
  });
});

describe('a consulted trust in caseRoles', () => {
  const actor = (roles: RoleGrant['role'][], trustId = OTHER): Actor => ({
    userId: `user-${roles.join('-')}`,
    name: 'x',
    trustId,
    trustName: trustId,
    grants: roles.map((role) => ({ role, trustId, departmentId: null })),
    trusts: [{ id: trustId, name: trustId }],
  });
  const scope = (status: Status, consultedByActorTrust: boolean) => ({
    trustId: 'trust-a',
    departmentId: 'dept',
    applicantId: 'applicant',
    coAuthorIds: [],
    delegateId: null,
    collaboratorIds: [],
    status,
    consultedByActorTrust,
  });
  it.each([
    ['director, open grant', actor(['decisionMaker']), true, ['consultant']],
    ['committee, open grant', actor(['assessor']), true, ['consultant']],
    ['both, open grant', actor(['decisionMaker', 'assessor']), true, ['consultant']],
    ['director, no grant', actor(['decisionMaker']), false, []],
    ['applicant, open grant', actor(['applicant']), true, []],
    ['endorser, open grant', actor(['endorser']), true, []],
    ['admin, open grant', actor(['trustAdmin']), true, []],
  ] as [string, Actor, boolean, CaseRole[]][])('%s → %j', (_label, who, open, roles) => {
    expect(caseRoles(who, scope('inConsultation', open))).toEqual(roles);
  });

  it('lets the consultant answer, and do nothing else, in any status', () => {
    expect(availableEvents('inConsultation', ['consultant'], 'anyScheme')).toEqual([
      'answerConsultation',
    ]);
    for (const status of ['underAssessment', 'decided', 'draft', 'returned'] as const) {
      expect(availableEvents(status, ['consultant'], 'anyScheme')).toEqual([]);
      expect(canEditApplication(['consultant'], status)).toBe(false);
    }
  });

  it('ignores the grant flag for the case’s own trust', () => {
    expect(caseRoles(actor(['decisionMaker'], 'trust-a'), scope('endorsed', true))).toEqual([
      'decisionMaker',
    ]);
  });
});

describe('consultationNotice', () => {
  it.each([
    ['konsultasjon=requested', 'requested'],
    ['konsultasjon=answered', 'answered'],
    ['konsultasjon=other', null],
    ['', null],
  ])('%s → %s', (query, notice) => {
    expect(consultationNotice(new URLSearchParams(query))).toBe(notice);
  });
});
