import { describe, expect, it } from 'vitest';
import type { CaseRole, Role } from '../../auth/domain/roles';
import { STATUSES } from '../../cases/domain/workflow';
import {
  canPost,
  caseworkerGroups,
  MAX_MESSAGE_LENGTH,
  messageRecipients,
  messageSchema,
  parseMessage,
  postingRole,
  visibleTo,
  type MessageVisibility,
} from './visibility';

describe('visibleTo and canPost', () => {
  const cases: [CaseRole[], MessageVisibility[]][] = [
    [['applicant'], ['case']],
    [['coAuthor'], ['case']],
    [['endorser'], ['case', 'internal']],
    [['decisionMaker'], ['case', 'internal']],
    [['assessor'], ['case', 'internal']],
    // An applicant who also leads the department handles the case as its leader.
    [
      ['applicant', 'endorser'],
      ['case', 'internal'],
    ],
    // Leaders on the endorsement who do not endorse (ADR 0024) work the case as caseworkers.
    [['delegator'], ['case', 'internal']],
    [['collaborator'], ['case', 'internal']],
    [['consultant'], []],
    [['nationalReader'], []],
    [['trustAdmin'], []],
    [[], []],
  ];
  it.each(cases)('%j reads %j', (roles, visible) => {
    expect(visibleTo(roles)).toEqual(visible);
    for (const visibility of ['case', 'internal'] as const) {
      expect(canPost(roles, visibility)).toBe(visible.includes(visibility));
    }
  });

  it('posts as leader (their trust role) for the delegating and the collaborating leader', () => {
    expect(postingRole(['delegator'], 'internal')).toBe('endorser');
    expect(postingRole(['collaborator'], 'case')).toBe('endorser');
    expect(postingRole(['consultant'], 'case')).toBeNull();
  });

  it('never lets the applicant or a co-author post an internal note', () => {
    expect(canPost(['applicant'], 'internal')).toBe(false);
    expect(canPost(['applicant', 'coAuthor'], 'internal')).toBe(false);
    expect(postingRole(['applicant'], 'internal')).toBeNull();
  });
});

describe('postingRole', () => {
  it.each([
    [['applicant'], 'case', 'applicant'],
    [['coAuthor'], 'case', 'coAuthor'],
    [['endorser'], 'internal', 'endorser'],
    [['decisionMaker', 'assessor'], 'internal', 'decisionMaker'],
    [['applicant', 'endorser'], 'case', 'applicant'],
    [['applicant', 'endorser'], 'internal', 'endorser'],
    [['nationalReader'], 'case', null],
  ] as [Role[], MessageVisibility, Role | null][])('%j posting %s → %s', (roles, v, role) => {
    expect(postingRole(roles, v)).toBe(role);
  });
});

describe('messageSchema', () => {
  it('trims and accepts a message', () => {
    expect(messageSchema.parse({ body: '  Hei  ', visibility: 'case' })).toEqual({
      body: 'Hei',
      visibility: 'case',
    });
  });
  it.each([
    [{ body: '   ', visibility: 'case' }, 'messageRequired'],
    [{ body: 'x'.repeat(MAX_MESSAGE_LENGTH + 1), visibility: 'case' }, 'messageTooLong'],
    [{ body: 'Hei', visibility: 'public' }, 'visibilityInvalid'],
  ])('refuses %#', (input, error) => {
    const result = messageSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(error);
  });
});

describe('caseworkerGroups', () => {
  it.each(STATUSES.filter((s) => s !== 'draft'))(
    'tells the leaders, the delegate, the collaborating leaders, the directors and the committee of a message in %s',
    (status) => {
      expect(caseworkerGroups(status)).toEqual([
        'departmentEndorsers',
        'endorsementDelegate',
        // The leaders invited to collaborate on the endorsement read internal notes (ADR 0024).
        'leaderCollaborators',
        'decisionMakers',
        // The case's committee (ADR 0009), not every assessor of the trust.
        'committee',
      ]);
    },
  );
  it('tells no caseworker of a message in a draft', () => {
    expect(caseworkerGroups('draft')).toEqual([]);
  });
});

describe('messageRecipients', () => {
  const people = {
    applicantId: 'applicant',
    coAuthorIds: ['coauthor'],
    caseworkerIds: ['leader', 'director', 'assessor'],
  };
  it('tells everyone but the author of a message to the case', () => {
    expect(messageRecipients(people, 'case', 'applicant')).toEqual([
      'coauthor',
      'leader',
      'director',
      'assessor',
    ]);
    expect(messageRecipients(people, 'case', 'leader')).toEqual([
      'applicant',
      'coauthor',
      'director',
      'assessor',
    ]);
  });
  it('never tells the applicant or co-authors of an internal note', () => {
    expect(messageRecipients(people, 'internal', 'leader')).toEqual(['director', 'assessor']);
  });
  it('keeps the applicant out of internal notes even when they also handle the case', () => {
    const both = { ...people, caseworkerIds: ['applicant', 'director'] };
    expect(messageRecipients(both, 'internal', 'director')).toEqual([]);
  });
  it('tells each person once', () => {
    const twice = { ...people, caseworkerIds: ['leader', 'leader'] };
    expect(messageRecipients(twice, 'case', 'applicant')).toEqual(['coauthor', 'leader']);
  });
});

describe('parseMessage', () => {
  it('names every problem once', () => {
    expect(parseMessage({ body: '', visibility: 'public' })).toEqual({
      ok: false,
      errors: ['messageRequired', 'visibilityInvalid'],
    });
  });
  it('gives the checked message', () => {
    expect(parseMessage({ body: ' Spørsmål ', visibility: 'internal' })).toEqual({
      ok: true,
      message: { body: 'Spørsmål', visibility: 'internal' },
    });
  });
});
