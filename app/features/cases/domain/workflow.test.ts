import { describe, expect, it } from 'vitest';
import {
  CASE_ONLY_ROLES,
  ROLES,
  SYSTEM_ROLE,
  type CaseRole,
  type EventRole,
  type Role,
} from '../../auth/domain/roles';
import { SCHEMES, type Scheme } from './application';
import {
  availableEvents,
  byLifecycle,
  checkTransition,
  DECIDED_STATUSES,
  EVENTS,
  FINAL_STATUSES,
  STATUSES,
  TRANSITIONS,
  type CaseEvent,
  type Status,
} from './workflow';

type Row = [Status, EventRole[]] | [Status, EventRole[], readonly Scheme[]];

/** Schemes the trust decides itself; Tilgangsordningen goes to the interregional committee. */
const TRUST: readonly Scheme[] = ['offLabel', 'noMarketingAuthorisation', 'unntaksordningen'];
const COMMITTEE: readonly Scheme[] = ['tilgangsordningen'];

/**
 * The lifecycle of BRIEF §3 restated by hand, independently of TRANSITIONS: for each status, the
 * events that lead somewhere, where they lead, who may fire them and (when not every scheme) for
 * which schemes.
 */
const EXPECTED: Record<Status, Partial<Record<CaseEvent, Row>>> = {
  draft: { submit: ['submitted', ['applicant']], withdraw: ['withdrawn', ['applicant']] },
  submitted: {
    endorse: ['endorsed', ['endorser']],
    notEndorse: ['notEndorsed', ['endorser']],
    returnToApplicant: ['returned', ['endorser']],
    withdraw: ['withdrawn', ['applicant']],
  },
  returned: { resubmit: ['submitted', ['applicant']], withdraw: ['withdrawn', ['applicant']] },
  notEndorsed: {},
  endorsed: {
    startAssessment: ['underAssessment', ['decisionMaker', 'assessor']],
    returnToApplicant: ['returned', ['decisionMaker']],
    decide: ['decided', ['decisionMaker'], TRUST],
    forwardToInterregional: ['atInterregionalCommittee', ['decisionMaker'], COMMITTEE],
    withdraw: ['withdrawn', ['applicant']],
  },
  underAssessment: {
    returnToApplicant: ['returned', ['decisionMaker']],
    requestInformation: ['awaitingInformation', ['decisionMaker', 'assessor']],
    requestConsultation: ['inConsultation', ['decisionMaker']],
    // The complete flow decides only after the committee's recommendation (`recommended`).
    recommend: ['recommended', ['decisionMaker', 'assessor']],
    forwardToInterregional: ['atInterregionalCommittee', ['decisionMaker'], COMMITTEE],
    withdraw: ['withdrawn', ['applicant']],
  },
  recommended: {
    decide: ['decided', ['decisionMaker'], TRUST],
    forwardToInterregional: ['atInterregionalCommittee', ['decisionMaker'], COMMITTEE],
    returnToApplicant: ['returned', ['decisionMaker']],
    requestInformation: ['awaitingInformation', ['decisionMaker']],
    reopenAssessment: ['underAssessment', ['decisionMaker']],
    withdraw: ['withdrawn', ['applicant']],
  },
  atInterregionalCommittee: {
    decide: ['decided', ['decisionMaker'], COMMITTEE],
    requestInformation: ['awaitingInformation', ['decisionMaker'], COMMITTEE],
    withdraw: ['withdrawn', ['applicant']],
  },
  awaitingInformation: {
    provideInformation: ['underAssessment', ['applicant']],
    withdraw: ['withdrawn', ['applicant']],
  },
  inConsultation: {
    answerConsultation: ['underAssessment', ['consultant']],
    cancelConsultation: ['underAssessment', ['decisionMaker']],
    withdraw: ['withdrawn', ['applicant']],
  },
  decided: {
    reviseDecision: ['decided', ['decisionMaker']],
    beginFollowUp: ['followUp', ['decisionMaker', 'system']],
    close: ['closed', ['decisionMaker']],
  },
  followUp: {
    reviseDecision: ['followUp', ['decisionMaker']],
    recordOutcome: ['closed', ['applicant']],
    close: ['closed', ['decisionMaker']],
  },
  closed: {},
  withdrawn: {},
};

const cases = STATUSES.flatMap((status) =>
  EVENTS.flatMap((event) =>
    [...ROLES, ...CASE_ONLY_ROLES, SYSTEM_ROLE].flatMap((role) =>
      [...SCHEMES, null].map((scheme) => ({ status, event, role, scheme })),
    ),
  ),
);

describe('transition table: every status × event × role × scheme', () => {
  it.each(cases)('$status + $event by $role ($scheme)', ({ status, event, role, scheme }) => {
    const expected = EXPECTED[status][event];
    const result = checkTransition(status, event, [role], scheme);
    const schemes = expected?.[2];
    if (!expected) {
      expect(result).toEqual({ ok: false, error: 'invalidTransition' });
    } else if (schemes && !(scheme && schemes.includes(scheme))) {
      expect(result).toEqual({ ok: false, error: 'notForScheme' });
    } else if (expected[1].includes(role)) {
      expect(result).toMatchObject({ ok: true, role, transition: { to: expected[0] } });
    } else {
      expect(result).toEqual({ ok: false, error: 'forbidden' });
    }
  });

  it.each(cases)(
    'availableEvents: $status by $role ($scheme) lists exactly the allowed events',
    ({ status, role, scheme, event }) => {
      const allowed = checkTransition(status, event, [role], scheme).ok;
      expect(availableEvents(status, [role], scheme).includes(event)).toBe(allowed);
    },
  );
});

describe('Tilgangsordningen: the interregional committee decides', () => {
  it('refuses a direct decision, by the medical director too, from endorsed and recommended', () => {
    for (const from of ['endorsed', 'recommended'] as const) {
      expect(checkTransition(from, 'decide', ['decisionMaker'], 'tilgangsordningen')).toEqual({
        ok: false,
        error: 'notForScheme',
      });
    }
  });

  it.each(['endorsed', 'underAssessment', 'recommended'] as const)(
    'forwards from %s with the assessment of the medical director as the required reason',
    (from) => {
      const result = checkTransition(
        from,
        'forwardToInterregional',
        ['decisionMaker'],
        'tilgangsordningen',
      );
      expect(result.ok && result.transition.reasonRequired).toBe(true);
    },
  );

  it.each(TRUST)('keeps the direct decision for %s', (scheme) => {
    expect(availableEvents('endorsed', ['decisionMaker'], scheme)).toEqual([
      'startAssessment',
      'returnToApplicant',
      'decide',
    ]);
  });

  it.each([
    [['decisionMaker'], ['decide', 'requestInformation']],
    [['applicant'], ['withdraw']],
    [['endorser', 'assessor'], []],
  ] as [CaseRole[], CaseEvent[]][])('at the committee, %j may fire %j', (roles, events) => {
    expect(availableEvents('atInterregionalCommittee', roles, 'tilgangsordningen')).toEqual(events);
    expect(availableEvents('atInterregionalCommittee', roles, 'anyScheme')).toEqual(events);
  });
});

describe('the complete flow: the committee recommends, the medical director decides', () => {
  it.each(SCHEMES)('refuses a decision straight from the assessment (%s)', (scheme) => {
    for (const roles of [['decisionMaker'], ['assessor'], [...ROLES]] as CaseRole[][]) {
      expect(checkTransition('underAssessment', 'decide', roles, scheme)).toEqual({
        ok: false,
        error: 'invalidTransition',
      });
    }
  });

  it.each([
    [['assessor'], 'assessor'],
    [['decisionMaker'], 'decisionMaker'],
    [['assessor', 'decisionMaker'], 'decisionMaker'],
  ] as [CaseRole[], CaseRole][])(
    'lets %j recommend, with the recommendation as the required reason',
    (roles, role) => {
      const result = checkTransition('underAssessment', 'recommend', roles, 'offLabel');
      expect(result).toMatchObject({ ok: true, role, transition: { to: 'recommended' } });
      expect(result.ok && result.transition.reasonRequired).toBe(true);
    },
  );

  it.each([
    [
      ['decisionMaker'],
      'offLabel',
      ['decide', 'returnToApplicant', 'requestInformation', 'reopenAssessment'],
    ],
    [
      ['decisionMaker'],
      'tilgangsordningen',
      ['forwardToInterregional', 'returnToApplicant', 'requestInformation', 'reopenAssessment'],
    ],
    // The committee has done its part: the case waits for the medical director alone.
    [['assessor'], 'offLabel', []],
    [['endorser'], 'offLabel', []],
    [['applicant'], 'offLabel', ['withdraw']],
  ] as [CaseRole[], Scheme, CaseEvent[]][])(
    'recommended: %j (%s) may fire %j',
    (roles, scheme, events) => {
      expect(availableEvents('recommended', roles, scheme)).toEqual(events);
    },
  );

  it("sends the applicant's answer and a reopened case back to the committee", () => {
    const answer = checkTransition(
      'awaitingInformation',
      'provideInformation',
      ['applicant'],
      'offLabel',
    );
    expect(answer.ok && answer.transition.to).toBe('underAssessment');
    const reopen = checkTransition(
      'recommended',
      'reopenAssessment',
      ['decisionMaker'],
      'offLabel',
    );
    expect(reopen.ok && reopen.transition.to).toBe('underAssessment');
  });
});

describe('transition table: shape', () => {
  it('has one row per (status, event)', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has exactly the expected rows', () => {
    const expectedCount = Object.values(EXPECTED).reduce((n, e) => n + Object.keys(e).length, 0);
    expect(TRANSITIONS).toHaveLength(expectedCount);
  });

  it('ends in not endorsed, closed or withdrawn', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['closed', 'notEndorsed', 'withdrawn']);
  });

  it('has a decision in decided, follow-up and closed (where the decision leads), nowhere else', () => {
    expect(DECIDED_STATUSES).toEqual(['decided', 'followUp', 'closed']);
  });

  it('reaches every status from draft', () => {
    const seen = new Set<Status>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (seen.has(t.from) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort());
  });

  it.each([
    ['endorse', 'submitted'],
    ['notEndorse', 'submitted'],
    ['returnToApplicant', 'submitted'],
    ['returnToApplicant', 'underAssessment'],
    ['recommend', 'underAssessment'],
    ['decide', 'recommended'],
    ['returnToApplicant', 'recommended'],
    ['requestInformation', 'recommended'],
    ['reopenAssessment', 'recommended'],
    ['withdraw', 'recommended'],
    ['requestInformation', 'underAssessment'],
    ['requestInformation', 'atInterregionalCommittee'],
    ['requestConsultation', 'underAssessment'],
    ['withdraw', 'submitted'],
    ['withdraw', 'atInterregionalCommittee'],
    ['reviseDecision', 'decided'],
    ['reviseDecision', 'followUp'],
  ] as const)('%s from %s requires a reason', (event, from) => {
    const scheme = from === 'atInterregionalCommittee' ? 'tilgangsordningen' : 'offLabel';
    const result = checkTransition(from, event, ROLES, scheme);
    expect(result.ok && result.transition.reasonRequired).toBe(true);
  });

  it('lets an applicant discard a draft without a reason', () => {
    const result = checkTransition('draft', 'withdraw', ['applicant'], null);
    expect(result.ok && result.transition.reasonRequired).toBe(false);
  });

  it('prefers the first listed role when the actor holds several', () => {
    expect(
      checkTransition('endorsed', 'startAssessment', ['assessor', 'decisionMaker'], 'offLabel'),
    ).toMatchObject({ ok: true, role: 'decisionMaker' });
  });
});

describe('the system role', () => {
  it("fires only beginFollowUp, the follow-up job's, and holds nothing a person holds", () => {
    const fired = TRANSITIONS.filter((t) => t.roles.includes(SYSTEM_ROLE));
    expect(fired.map((t) => `${t.from}/${t.event}`)).toEqual(['decided/beginFollowUp']);
    expect([...ROLES, ...CASE_ONLY_ROLES]).not.toContain(SYSTEM_ROLE);
  });
});

describe('availableEvents', () => {
  it.each([
    ['draft', ['applicant'], ['submit', 'withdraw']],
    ['submitted', ['endorser'], ['endorse', 'notEndorse', 'returnToApplicant']],
    ['submitted', ['decisionMaker'], []],
    ['endorsed', ['decisionMaker'], ['startAssessment', 'returnToApplicant', 'decide']],
    ['endorsed', ['assessor'], ['startAssessment']],
    ['decided', ['applicant'], []],
    ['decided', ['decisionMaker'], ['reviseDecision', 'beginFollowUp', 'close']],
    ['closed', [...ROLES], []],
  ] as [Status, Role[], CaseEvent[]][])('%s for %j → %j', (status, roles, events) => {
    expect(availableEvents(status, roles, 'offLabel')).toEqual(events);
  });
});

describe('byLifecycle', () => {
  it.each([
    [
      ['decided', 'draft', 'recommended', 'submitted', 'endorsed', 'underAssessment'],
      ['draft', 'submitted', 'endorsed', 'underAssessment', 'recommended', 'decided'],
    ],
    [
      ['unknown', 'closed', 'followUp'],
      ['followUp', 'closed', 'unknown'],
    ],
  ])('sorts %j as %j', (stages, sorted) => {
    expect([...stages].sort(byLifecycle)).toEqual(sorted);
  });
});
