import { describe, expect, it } from 'vitest';
import type { CaseRole } from '../../auth/domain/roles';
import type { Status } from '../../cases/domain/workflow';
import { leaderActionRole, leaderActions, parseLeaderInput } from './leaders';

describe('leaderActions: who may delegate, take back, invite, remove and give input', () => {
  const none = {
    delegate: false,
    takeBack: false,
    invite: false,
    removeCollaborator: false,
    giveInput: false,
  };
  const invites = { invite: true, removeCollaborator: true };
  it.each([
    [['endorser'], 'submitted', false, { ...none, delegate: true, ...invites }],
    // The delegate endorses and may invite (and take an invitation back), but not delegate further.
    [['endorser'], 'submitted', true, { ...none, ...invites }],
    [['delegator'], 'submitted', true, { ...none, takeBack: true }],
    [['collaborator'], 'submitted', false, { ...none, giveInput: true }],
    [['collaborator'], 'submitted', true, { ...none, giveInput: true }],
    [['endorser'], 'endorsed', false, none],
    [['delegator'], 'endorsed', true, none],
    [['collaborator'], 'returned', false, none],
    // The medical director delegates a case no department leader may endorse, and takes it back
    // (to delegate it to someone else); never invites (the leader who endorses does).
    [['decisionMaker', 'assessor'], 'submitted', false, { ...none, delegate: true }],
    [['decisionMaker'], 'submitted', true, { ...none, takeBack: true }],
    [['decisionMaker'], 'endorsed', false, none],
    [['decisionMaker'], 'underAssessment', true, none],
    // The committee has no say in who endorses.
    [['assessor'], 'submitted', false, none],
    [['assessor'], 'submitted', true, none],
    [['applicant'], 'submitted', true, none],
    [['applicant', 'coAuthor'], 'submitted', false, none],
  ] as [CaseRole[], Status, boolean, ReturnType<typeof leaderActions>][])(
    '%j in %s (delegated: %s) → %j',
    (roles, status, delegated, may) => {
      expect(leaderActions(roles, status, delegated)).toEqual(may);
    },
  );
});

describe('leaderActionRole: the role a leader action is noted in', () => {
  it.each([
    [['endorser'], 'endorser'],
    [['delegator'], 'endorser'],
    // A director who is also the department's leader acts as its leader.
    [['endorser', 'decisionMaker'], 'endorser'],
    [['delegator', 'decisionMaker', 'assessor'], 'endorser'],
    [['decisionMaker'], 'decisionMaker'],
    [['decisionMaker', 'assessor'], 'decisionMaker'],
  ] as [CaseRole[], string][])('%j → %s', (roles, role) => {
    expect(leaderActionRole(roles)).toBe(role);
  });
});

describe('parseLeaderInput', () => {
  const rated = {
    'severity.level': '3',
    'severity.text': 'Alvorlig.',
    'benefit.level': '2',
    'benefit.text': 'Noe nytte.',
    'resourceUse.level': '2',
    'resourceUse.text': 'Moderat.',
  };
  it('takes a text alone, without ratings', () => {
    expect(parseLeaderInput({ body: '  Enig i søknaden.  ' })).toEqual({
      ok: true,
      body: 'Enig i søknaden.',
      ratings: null,
    });
  });
  it('takes a text with ratings on every criterion', () => {
    const parsed = parseLeaderInput({ ...rated, body: 'Enig.' });
    expect(parsed.ok && parsed.ratings?.severity).toEqual({ level: 3, text: 'Alvorlig.' });
  });
  it('requires the text', () => {
    expect(parseLeaderInput({ body: '   ' })).toEqual({
      ok: false,
      errors: { body: 'leaderInputRequired' },
    });
  });
  it('requires every criterion once one is rated', () => {
    const parsed = parseLeaderInput({ 'severity.level': '3', body: 'Enig.' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toMatchObject({
      'severity.text': 'ratingTextRequired',
      'benefit.level': 'levelRequired',
    });
  });
});
