import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../auth/domain/roles';
import {
  answersInquiries,
  askRefusal,
  asksInquiries,
  checkAnswer,
  checkQuestion,
  excerpt,
  INQUIRY_LIMITS,
  INQUIRY_STATUSES,
  mayAnswer,
  mayRead,
  mayWithdraw,
  nextStatus,
  type InquiryParties,
} from './inquiry';

const HOME = 'trust-home';
const CASE_TRUST = 'trust-case';
const THIRD = 'trust-third';

/** An actor acting in `trustId` with `roles` there (and any `alsoIn` trusts they may switch to). */
function actor(trustId: string, roles: Role[], alsoIn: string[] = [], userId = 'user-1'): Actor {
  return {
    userId,
    name: 'Test',
    trustId,
    trustName: trustId,
    grants: roles.map((role) => ({ role, trustId, departmentId: null })),
    trusts: [trustId, ...alsoIn].map((id) => ({ id, name: id })),
  };
}

describe('who asks', () => {
  it.each(
    ROLES.map((role) => [role, ['nationalReader', 'decisionMaker', 'assessor'].includes(role)]),
  )('%s asks: %s', (role, asks) => {
    expect(asksInquiries(actor(HOME, [role]))).toBe(asks);
    expect(askRefusal(actor(HOME, [role]), CASE_TRUST)).toBe(asks ? null : 'notAsker');
  });

  it.each([
    ['a case of their own trust', actor(CASE_TRUST, ['nationalReader']), 'ownTrust'],
    [
      'a case of another trust they also work in',
      actor(HOME, ['assessor'], [CASE_TRUST]),
      'ownTrust',
    ],
    ['a case of another trust', actor(HOME, ['decisionMaker'], [THIRD]), null],
    ['a role held only in another trust', actor(HOME, [], [THIRD]), 'notAsker'],
  ] as const)('%s → %s', (_, who, refusal) => {
    expect(askRefusal(who, CASE_TRUST)).toBe(refusal);
  });

  it('ignores a role held in a trust other than the active one', () => {
    const elsewhere: Actor = {
      ...actor(HOME, []),
      grants: [{ role: 'nationalReader', trustId: THIRD, departmentId: null }],
    };
    expect(askRefusal(elsewhere, CASE_TRUST)).toBe('notAsker');
  });
});

describe('who reads and answers', () => {
  const open: InquiryParties = {
    trustId: CASE_TRUST,
    askerTrustId: HOME,
    askedBy: 'asker',
    status: 'open',
  };
  const answered: InquiryParties = { ...open, status: 'answered' };

  it.each([
    ["the case trust's director", actor(CASE_TRUST, ['decisionMaker']), true, true, false],
    ["the case trust's committee member", actor(CASE_TRUST, ['assessor']), false, false, false],
    ["the case trust's applicant", actor(CASE_TRUST, ['applicant']), false, false, false],
    ['the asker', actor(HOME, ['nationalReader'], [], 'asker'), true, false, false],
    // A role taken away takes the reading with it (the answer is about another trust's case).
    [
      'the asker, no longer holding an asking role',
      actor(HOME, ['applicant'], [], 'asker'),
      false,
      false,
      false,
    ],
    [
      'the asker, acting in another trust',
      actor(THIRD, ['nationalReader'], [HOME], 'asker'),
      false,
      false,
      false,
    ],
    [
      "a colleague of the asker's",
      actor(HOME, ['nationalReader', 'decisionMaker'], [], 'colleague'),
      false,
      false,
      false,
    ],
    ["a third trust's director", actor(THIRD, ['decisionMaker']), false, false, false],
  ] as const)(
    '%s: reads %s, answers while open %s, answers once answered %s',
    (_, who, reads, answersOpen, answersAnswered) => {
      expect(mayRead(who, open)).toBe(reads);
      expect(mayAnswer(who, open)).toBe(answersOpen);
      expect(mayAnswer(who, answered)).toBe(answersAnswered);
    },
  );

  it('has the director, and only the director, answer for the trust', () => {
    expect(ROLES.filter((role) => answersInquiries(actor(CASE_TRUST, [role])))).toEqual([
      'decisionMaker',
    ]);
  });
});

describe('the inquiry lifecycle', () => {
  it.each([
    ['open', 'answer', 'answered'],
    ['open', 'withdraw', 'withdrawn'],
    ['answered', 'answer', null],
    ['answered', 'withdraw', null],
    ['withdrawn', 'answer', null],
    ['withdrawn', 'withdraw', null],
  ] as const)('%s, %s → %s', (status, event, next) => {
    expect(nextStatus(status, event)).toBe(next);
  });

  it('closes an inquiry for good once answered or withdrawn', () => {
    const open = INQUIRY_STATUSES.filter(
      (status) => nextStatus(status, 'answer') !== null || nextStatus(status, 'withdraw') !== null,
    );
    expect(open).toEqual(['open']);
  });
});

describe('who withdraws', () => {
  const asked: InquiryParties = {
    trustId: CASE_TRUST,
    askerTrustId: HOME,
    askedBy: 'asker',
    status: 'open',
  };

  it.each([
    ['the asker', actor(HOME, ['nationalReader'], [], 'asker'), true],
    [
      'the asker, acting in another trust',
      actor(THIRD, ['nationalReader'], [HOME], 'asker'),
      false,
    ],
    ['the asker, without the role now', actor(HOME, [], [], 'asker'), true],
    ["a colleague of the asker's", actor(HOME, ['decisionMaker'], [], 'colleague'), false],
    ["the case trust's director", actor(CASE_TRUST, ['decisionMaker']), false],
    ["a third trust's director", actor(THIRD, ['decisionMaker']), false],
  ] as const)('%s: withdraws an open one %s, and never a closed one', (_, who, withdraws) => {
    expect(mayWithdraw(who, asked)).toBe(withdraws);
    expect(mayWithdraw(who, { ...asked, status: 'answered' })).toBe(false);
    expect(mayWithdraw(who, { ...asked, status: 'withdrawn' })).toBe(false);
  });

  it('lets no one answer a withdrawn question, and the asker still read it', () => {
    const withdrawn: InquiryParties = { ...asked, status: 'withdrawn' };
    expect(mayAnswer(actor(CASE_TRUST, ['decisionMaker']), withdrawn)).toBe(false);
    expect(mayRead(actor(CASE_TRUST, ['decisionMaker']), withdrawn)).toBe(true);
    expect(mayRead(actor(HOME, ['nationalReader'], [], 'asker'), withdrawn)).toBe(true);
  });
});

describe('checkQuestion and checkAnswer', () => {
  const q = INQUIRY_LIMITS.question;
  const a = INQUIRY_LIMITS.answer;
  it.each([
    [
      'a question, trimmed',
      checkQuestion('  Hvilken dose?  '),
      { ok: true, value: 'Hvilken dose?' },
    ],
    [
      'an empty question',
      checkQuestion(''),
      { ok: false, errors: { question: 'questionRequired' } },
    ],
    [
      'spaces only',
      checkQuestion(' \n\t '),
      { ok: false, errors: { question: 'questionRequired' } },
    ],
    ['a question at the limit', checkQuestion('x'.repeat(q)), { ok: true, value: 'x'.repeat(q) }],
    [
      'a question over the limit',
      checkQuestion('x'.repeat(q + 1)),
      { ok: false, errors: { question: 'questionTooLong' } },
    ],
    ['an answer', checkAnswer(' 1000 mg. '), { ok: true, value: '1000 mg.' }],
    ['an empty answer', checkAnswer(''), { ok: false, errors: { answer: 'answerRequired' } }],
    ['an answer at the limit', checkAnswer('y'.repeat(a)), { ok: true, value: 'y'.repeat(a) }],
    [
      'an answer over the limit',
      checkAnswer('y'.repeat(a + 1)),
      { ok: false, errors: { answer: 'answerTooLong' } },
    ],
  ])('%s', (_, result, expected) => {
    expect(result).toEqual(expected);
  });
});

describe('excerpt', () => {
  it.each([
    ['a short text whole', 'Hvilken dose?', 20, 'Hvilken dose?'],
    ['line breaks as spaces', 'Første linje\n\nandre', 40, 'Første linje andre'],
    ['a long text at a word', 'en to tre fire fem seks', 12, 'en to tre…'],
    ['one long word at the limit', 'x'.repeat(30), 10, `${'x'.repeat(10)}…`],
  ])('%s', (_, text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });
});
