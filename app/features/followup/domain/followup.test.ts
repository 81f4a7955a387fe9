import { describe, expect, it } from 'vitest';
import type { Role } from '../../auth/domain/roles';
import type { Status } from '../../cases/domain/workflow';
import {
  canReapply,
  evaluationDue,
  followUpErrors,
  outcomeSchema,
  urgencyRole,
  urgencySchema,
} from './followup';
import { dateInNorway } from '../../cases/domain/dates';

describe('outcomeSchema', () => {
  const good = { effect: 'good', sideEffects: '', continuation: 'continued', stopReason: '' };

  it('accepts an outcome without side effects or stop reason while the treatment continues', () => {
    expect(outcomeSchema.safeParse(good).success).toBe(true);
  });

  it.each([
    [{ effect: '' }, { effect: 'effectRequired' }],
    [{ effect: 'great' }, { effect: 'effectRequired' }],
    [{ continuation: '' }, { continuation: 'continuationRequired' }],
    [{ continuation: 'stopped', stopReason: '  ' }, { stopReason: 'stopReasonRequired' }],
    [{ sideEffects: 'x'.repeat(10_001) }, { sideEffects: 'tooLong' }],
  ])('%j → %j', (change, errors) => {
    const parsed = outcomeSchema.safeParse({ ...good, ...change });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(followUpErrors(parsed.error)).toEqual(errors);
  });

  it('keeps the stop reason when stopped', () => {
    const parsed = outcomeSchema.parse({
      ...good,
      effect: 'none',
      continuation: 'stopped',
      stopReason: ' Ingen effekt ',
    });
    expect(parsed.stopReason).toBe('Ingen effekt');
  });
});

describe('urgencySchema', () => {
  it('requires a justification', () => {
    const parsed = urgencySchema.safeParse({ reason: ' ' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(followUpErrors(parsed.error)).toEqual({ reason: 'reasonRequired' });
    expect(urgencySchema.safeParse({ reason: 'Rask progresjon' }).success).toBe(true);
  });
});

describe('urgencyRole', () => {
  it.each<[Role[], Status, Role | null]>([
    [['applicant'], 'draft', 'applicant'],
    [['coAuthor'], 'returned', 'coAuthor'],
    [['applicant'], 'submitted', null],
    [['endorser'], 'submitted', 'endorser'],
    [['decisionMaker', 'assessor'], 'underAssessment', 'decisionMaker'],
    [['assessor'], 'underAssessment', null],
    [['endorser'], 'draft', null],
    [['decisionMaker'], 'decided', null],
    [['decisionMaker'], 'inConsultation', 'decisionMaker'],
    [['decisionMaker'], 'recommended', 'decisionMaker'],
    [['endorser'], 'recommended', 'endorser'],
    [['decisionMaker'], 'atInterregionalCommittee', 'decisionMaker'],
  ])('%j in %s → %s', (roles, status, role) => {
    expect(urgencyRole(roles, status)).toBe(role);
  });
});

describe('canReapply', () => {
  it.each<[Role[], Status, boolean]>([
    [['applicant'], 'decided', true],
    // An extension while the approved treatment continues (BRIEF §3).
    [['applicant'], 'followUp', true],
    [['coAuthor'], 'followUp', false],
    [['decisionMaker'], 'followUp', false],
    [['applicant'], 'closed', true],
    [['applicant'], 'notEndorsed', true],
    [['applicant'], 'withdrawn', true],
    [['applicant'], 'underAssessment', false],
    [['applicant'], 'draft', false],
    [['coAuthor'], 'closed', false],
    [['decisionMaker'], 'decided', false],
  ])('%j in %s → %s', (roles, status, allowed) => {
    expect(canReapply(roles, status)).toBe(allowed);
  });
});

describe('evaluation date', () => {
  it.each([
    [null, '2026-06-01', false],
    ['2026-06-02', '2026-06-01', false],
    ['2026-06-01', '2026-06-01', true],
    ['2026-05-01', '2026-06-01', true],
  ])('%s by %s → %s', (date, today, due) => {
    expect(evaluationDue(date, today)).toBe(due);
  });

  it('is the Norwegian calendar date', () => {
    expect(dateInNorway(new Date('2026-05-31T22:30:00Z'))).toBe('2026-06-01'); // 00:30 CEST
    expect(dateInNorway(new Date('2026-01-31T22:30:00Z'))).toBe('2026-01-31'); // 23:30 CET
  });
});
