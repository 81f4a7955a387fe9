import { describe, expect, it } from 'vitest';
import type { RecipientGroup } from '../../notifications/domain/recipients';
import {
  alertGroups,
  CLOCKED_STATUSES,
  deadlineBase,
  deadlineTable,
  DEFAULT_DEADLINES,
  dueAlert,
  enteredCurrentAt,
  mergeDeadlines,
  overdueFirst,
  parseDeadlineBase,
  parseDeadlineForm,
  rebaseDeadlineForm,
  RESPONSIBLE,
  splitDuration,
  stageDueAt,
  stageTimes,
  type AlertKind,
  type ResponsibleGroup,
  type StatusEvent,
} from './clocks';

const at = (iso: string) => new Date(iso);
const H = 60 * 60 * 1000;
const D = 24 * H;

const ev = (from: string | null, to: string, iso: string, event?: string): StatusEvent => ({
  ...(event ? { event } : {}),
  fromStatus: from,
  toStatus: to,
  at: at(iso),
});

describe('stageTimes', () => {
  const journey = [
    ev(null, 'draft', '2026-03-01T08:00:00Z'),
    ev('draft', 'draft', '2026-03-01T09:00:00Z'), // a co-author invited: no status change
    ev('draft', 'submitted', '2026-03-02T08:00:00Z'),
    ev('submitted', 'returned', '2026-03-03T08:00:00Z'),
    ev('returned', 'submitted', '2026-03-03T20:00:00Z'),
    ev('submitted', 'endorsed', '2026-03-04T08:00:00Z'),
  ];

  it.each([
    {
      name: 'a draft only, still open',
      events: [ev(null, 'draft', '2026-03-01T08:00:00Z')],
      now: '2026-03-01T10:30:00Z',
      expected: [{ status: 'draft', visits: 1, ms: 2.5 * H, current: true }],
    },
    {
      name: 'two visits of one stage add up; status-less events are ignored',
      events: journey,
      now: '2026-03-05T08:00:00Z',
      expected: [
        { status: 'draft', visits: 1, ms: 1 * D, current: false },
        { status: 'submitted', visits: 2, ms: 1 * D + 12 * H, current: false },
        { status: 'returned', visits: 1, ms: 12 * H, current: false },
        { status: 'endorsed', visits: 1, ms: 1 * D, current: true },
      ],
    },
    {
      name: 'the committee and the medical director are separate stages',
      events: [
        ev('endorsed', 'underAssessment', '2026-03-05T08:00:00Z'),
        ev('underAssessment', 'underAssessment', '2026-03-06T08:00:00Z'), // a member assigned
        ev('underAssessment', 'recommended', '2026-03-08T08:00:00Z'),
        ev('recommended', 'underAssessment', '2026-03-09T08:00:00Z'), // reopened by the director
        ev('underAssessment', 'recommended', '2026-03-09T20:00:00Z'),
        ev('recommended', 'decided', '2026-03-11T08:00:00Z'),
      ],
      now: '2026-03-12T08:00:00Z',
      expected: [
        { status: 'underAssessment', visits: 2, ms: 3 * D + 12 * H, current: false },
        { status: 'recommended', visits: 2, ms: 2 * D + 12 * H, current: false },
        { status: 'decided', visits: 1, ms: 1 * D, current: true },
      ],
    },
    {
      name: 'a final status ends the case and is not a stage: no time runs in it',
      events: [
        ev('decided', 'followUp', '2026-03-11T08:00:00Z'),
        ev('followUp', 'closed', '2026-03-13T08:00:00Z'),
      ],
      now: '2030-01-01T08:00:00Z',
      final: ['closed', 'withdrawn'],
      expected: [{ status: 'followUp', visits: 1, ms: 2 * D, current: false }],
    },
    {
      name: 'registered after the fact and closed: its stages are not known',
      events: [
        ev(null, 'draft', '2024-11-15T12:00:00Z', 'create'),
        ev('draft', 'submitted', '2024-11-15T12:00:00Z', 'submit'),
        ev('submitted', 'decided', '2025-01-10T12:00:00Z', 'decide'),
        ev('decided', 'followUp', '2025-01-10T12:00:00Z', 'beginFollowUp'),
        ev('followUp', 'closed', '2025-01-10T12:00:00Z', 'recordOutcome'),
        ev('closed', 'closed', '2026-12-01T08:00:00Z', 'registerRetrospective'),
      ],
      now: '2026-12-05T08:00:00Z',
      final: ['closed', 'withdrawn'],
      expected: [],
    },
    {
      name: 'registered after the fact and still decided: the decision runs from its date',
      events: [
        ev(null, 'draft', '2024-11-15T12:00:00Z', 'create'),
        ev('draft', 'submitted', '2024-11-15T12:00:00Z', 'submit'),
        ev('submitted', 'decided', '2026-11-01T08:00:00Z', 'decide'),
        ev('decided', 'decided', '2026-12-01T08:00:00Z', 'registerRetrospective'),
        ev('decided', 'followUp', '2026-12-03T08:00:00Z', 'beginFollowUp'),
      ],
      now: '2026-12-05T08:00:00Z',
      expected: [
        { status: 'decided', visits: 1, ms: 32 * D, current: false },
        { status: 'followUp', visits: 1, ms: 2 * D, current: true },
      ],
    },
    {
      name: 'no events: nothing',
      events: [],
      now: '2026-03-05T08:00:00Z',
      expected: [],
    },
    {
      name: 'a clock behind the last event counts no negative time',
      events: [ev(null, 'draft', '2026-03-01T08:00:00Z')],
      now: '2026-03-01T07:00:00Z',
      expected: [{ status: 'draft', visits: 1, ms: 0, current: true }],
    },
  ])('$name', ({ events, now, final, expected }) => {
    expect(stageTimes(events, at(now), final)).toEqual(expected);
  });

  it('knows when the current status was entered', () => {
    expect(enteredCurrentAt(journey)).toEqual(at('2026-03-04T08:00:00Z'));
    expect(enteredCurrentAt([])).toBeNull();
  });
});

describe('stageDueAt', () => {
  const entered = at('2026-03-02T08:00:00Z');
  it.each([
    { status: 'submitted', urgent: false, deadline: null, due: '2026-03-09T08:00:00Z' },
    { status: 'submitted', urgent: true, deadline: null, due: '2026-03-04T08:00:00Z' },
    { status: 'underAssessment', urgent: false, deadline: null, due: '2026-03-23T08:00:00Z' },
    { status: 'underAssessment', urgent: true, deadline: null, due: '2026-03-07T08:00:00Z' },
    // After the recommendation the medical director has a week (two days if urgent).
    { status: 'recommended', urgent: false, deadline: null, due: '2026-03-09T08:00:00Z' },
    { status: 'recommended', urgent: true, deadline: null, due: '2026-03-04T08:00:00Z' },
    {
      status: 'submitted',
      urgent: false,
      deadline: { normalDays: 0, urgentDays: 0 },
      due: '2026-03-02T08:00:00Z',
    },
    {
      status: 'endorsed',
      urgent: true,
      deadline: { normalDays: 10, urgentDays: 1 },
      due: '2026-03-03T08:00:00Z',
    },
    { status: 'draft', urgent: false, deadline: null, due: null },
    { status: 'decided', urgent: true, deadline: null, due: null },
  ])('$status (urgent: $urgent, deadline: $deadline) is due $due', (c) => {
    const due = stageDueAt({ ...c, enteredAt: entered });
    expect(due?.toISOString().replace('.000', '') ?? null).toBe(c.due);
  });

  it.each([
    // The consultation's own deadline, whatever the trust's 14 days: due when its day ends in
    // Norway (winter time: 23:00 UTC), also for an urgent case and a deadline of today.
    [false, '2026-03-20', '2026-03-20T23:00:00.000Z'],
    [true, '2026-03-20', '2026-03-20T23:00:00.000Z'],
    [false, '2026-03-02', '2026-03-02T23:00:00.000Z'],
    [false, '2026-05-29', '2026-05-29T22:00:00.000Z'],
    // No open consultation found: the stage's own deadline.
    [false, null, '2026-03-16T08:00:00.000Z'],
  ])('in consultation (urgent: %s) with the deadline %s is due %s', (urgent, deadline, due) => {
    const input = { status: 'inConsultation', enteredAt: entered, urgent, deadline: null };
    expect(stageDueAt({ ...input, consultationDeadline: deadline })?.toISOString()).toBe(due);
    // Any other stage ignores it.
    expect(
      stageDueAt({ ...input, status: 'underAssessment', consultationDeadline: '2026-03-20' }),
    ).toEqual(stageDueAt({ ...input, status: 'underAssessment' }));
  });

  it('has no due date without an entry time', () => {
    expect(
      stageDueAt({ status: 'submitted', enteredAt: null, urgent: false, deadline: null }),
    ).toBeNull();
  });

  it('takes a trust’s own deadlines over the defaults, ignoring unknown statuses', () => {
    const table = deadlineTable([
      { status: 'submitted', normalDays: 3, urgentDays: 1 },
      { status: 'draft', normalDays: 1, urgentDays: 1 },
    ]);
    expect(table.submitted).toEqual({ normalDays: 3, urgentDays: 1 });
    expect(table.underAssessment).toEqual(DEFAULT_DEADLINES.underAssessment);
    expect(Object.keys(table)).not.toContain('draft');
  });
});

describe('RESPONSIBLE', () => {
  it('reminds the committee in the assessment and the medical director after its recommendation', () => {
    expect(RESPONSIBLE.underAssessment).toBe('assessment');
    expect(RESPONSIBLE.recommended).toBe('decisionMakers');
  });
});

describe('alertGroups', () => {
  it.each<[AlertKind, ResponsibleGroup, RecipientGroup[]]>([
    // Whoever endorses it now: the delegate while delegated, else the department's leaders who
    // did not write it (ADR 0024), as told at the submission.
    ['reminder', 'endorsers', ['currentEndorsers']],
    // The case's committee (its assigned members, else the trust's assessors once assessed),
    // never every assessor of the trust as such.
    ['reminder', 'assessment', ['decisionMakers', 'committee']],
    ['reminder', 'decisionMakers', ['decisionMakers']],
    ['reminder', 'applicant', ['applicant']],
    ['escalation', 'endorsers', ['decisionMakers']],
    ['escalation', 'assessment', ['decisionMakers']],
    ['escalation', 'applicant', ['decisionMakers']],
  ])('%s in a stage of %s → %j', (kind, group, groups) => {
    expect(alertGroups(kind, group)).toEqual(groups);
  });

  it('reminds the committee in every stage whose group is the assessment', () => {
    const assessing = CLOCKED_STATUSES.filter((s) => RESPONSIBLE[s] === 'assessment');
    expect(assessing).toEqual(['endorsed', 'underAssessment']);
    for (const status of assessing) {
      expect(alertGroups('reminder', RESPONSIBLE[status])).toContain('committee');
    }
  });

  it('never reminds the leaders invited to collaborate: they do not act on the case (ADR 0024)', () => {
    for (const status of CLOCKED_STATUSES) {
      for (const kind of ['reminder', 'escalation'] as const) {
        expect(alertGroups(kind, RESPONSIBLE[status])).not.toContain('leaderCollaborators');
      }
    }
  });
});

describe('dueAlert', () => {
  const due = at('2026-03-09T08:00:00Z');
  it.each<{ now: string; urgent: boolean; sent: AlertKind[]; alert: AlertKind | null }>([
    { now: '2026-03-09T07:59:00Z', urgent: false, sent: [], alert: null },
    { now: '2026-03-09T08:00:00Z', urgent: false, sent: [], alert: 'reminder' },
    { now: '2026-03-20T08:00:00Z', urgent: false, sent: [], alert: 'reminder' },
    { now: '2026-03-11T08:00:00Z', urgent: false, sent: ['reminder'], alert: null },
    { now: '2026-03-12T08:00:00Z', urgent: false, sent: ['reminder'], alert: 'escalation' },
    { now: '2026-03-10T07:59:00Z', urgent: true, sent: ['reminder'], alert: null },
    { now: '2026-03-10T08:00:00Z', urgent: true, sent: ['reminder'], alert: 'escalation' },
    { now: '2026-04-01T08:00:00Z', urgent: false, sent: ['reminder', 'escalation'], alert: null },
  ])('at $now (urgent: $urgent, sent: $sent) → $alert', ({ now, urgent, sent, alert }) => {
    expect(dueAlert({ due, urgent, sent, now: at(now) })).toBe(alert);
  });
});

describe('overdueFirst', () => {
  it('puts overdue items first and keeps each group’s order', () => {
    const now = at('2026-03-10T00:00:00Z');
    const items = [
      { id: 'a', dueAt: null },
      { id: 'b', dueAt: at('2026-03-12T00:00:00Z') },
      { id: 'c', dueAt: at('2026-03-09T00:00:00Z') },
      { id: 'd', dueAt: at('2026-03-01T00:00:00Z') },
    ];
    expect(overdueFirst(items, now).map((i) => i.id)).toEqual(['c', 'd', 'a', 'b']);
  });
});

describe('splitDuration', () => {
  it.each([
    [0, { days: 0, hours: 0, minutes: 0 }],
    [59_999, { days: 0, hours: 0, minutes: 0 }],
    [90 * 60_000, { days: 0, hours: 1, minutes: 30 }],
    [3 * D + 4 * H + 5 * 60_000, { days: 3, hours: 4, minutes: 5 }],
  ])('%d ms', (ms, parts) => {
    expect(splitDuration(ms)).toEqual(parts);
  });
});

describe('parseDeadlineForm', () => {
  const valid = {
    'submitted.normalDays': '7',
    'submitted.urgentDays': '2',
    'endorsed.normalDays': ' 7 ',
    'endorsed.urgentDays': '2',
    'underAssessment.normalDays': '21',
    'underAssessment.urgentDays': '5',
    'recommended.normalDays': '7',
    'recommended.urgentDays': '2',
    'awaitingInformation.normalDays': '14',
    'awaitingInformation.urgentDays': '5',
    'inConsultation.normalDays': '0',
    'inConsultation.urgentDays': '0',
    'atInterregionalCommittee.normalDays': '30',
    'atInterregionalCommittee.urgentDays': '7',
  };

  it('reads whole days, zero included', () => {
    const parsed = parseDeadlineForm(valid);
    expect(parsed).toEqual({
      ok: true,
      table: {
        submitted: { normalDays: 7, urgentDays: 2 },
        endorsed: { normalDays: 7, urgentDays: 2 },
        underAssessment: { normalDays: 21, urgentDays: 5 },
        recommended: { normalDays: 7, urgentDays: 2 },
        awaitingInformation: { normalDays: 14, urgentDays: 5 },
        inConsultation: { normalDays: 0, urgentDays: 0 },
        atInterregionalCommittee: { normalDays: 30, urgentDays: 7 },
      },
    });
  });

  it.each([
    ['submitted.normalDays', '', 'daysRequired'],
    ['submitted.normalDays', '   ', 'daysRequired'],
    ['submitted.normalDays', 'sju', 'daysInvalid'],
    ['submitted.normalDays', '-1', 'daysInvalid'],
    ['submitted.normalDays', '2.5', 'daysInvalid'],
    ['submitted.normalDays', '366', 'daysInvalid'],
    ['submitted.urgentDays', '8', 'urgentLonger'],
  ])('%s = %j → %s', (field, value, error) => {
    const parsed = parseDeadlineForm({ ...valid, [field]: value });
    expect(parsed).toEqual({ ok: false, errors: { [field]: error } });
  });

  it('treats a missing field as empty', () => {
    const { 'endorsed.urgentDays': _omitted, ...rest } = valid;
    expect(parseDeadlineForm(rest)).toEqual({
      ok: false,
      errors: { 'endorsed.urgentDays': 'daysRequired' },
    });
  });
});

describe('mergeDeadlines', () => {
  const shown = DEFAULT_DEADLINES;
  const base = deadlineBase(shown);

  it('writes only the fields this person changed, over what someone else saved meanwhile', () => {
    // Tab A saved «Til forankring» 10 after tab B was shown 7; B changes «Forankret» to 12.
    const stored = { ...shown, submitted: { normalDays: 10, urgentDays: 2 } };
    const wanted = { ...shown, endorsed: { normalDays: 12, urgentDays: 2 } };
    expect(mergeDeadlines(stored, base, wanted)).toEqual({
      merged: { ...stored, endorsed: { normalDays: 12, urgentDays: 2 } },
      changed: ['endorsed'],
      conflicts: {},
    });
  });

  it('is a conflict when someone else changed the same field, and nothing to do when they wrote the same', () => {
    const stored = { ...shown, submitted: { normalDays: 10, urgentDays: 2 } };
    const wanted = { ...shown, submitted: { normalDays: 9, urgentDays: 1 } };
    expect(mergeDeadlines(stored, base, wanted).conflicts).toEqual({
      'submitted.normalDays': 10,
    });
    const same = { ...shown, submitted: { normalDays: 10, urgentDays: 2 } };
    expect(mergeDeadlines(stored, base, same)).toEqual({
      merged: stored,
      changed: [],
      conflicts: {},
    });
  });

  it('is a conflict when the merged stage would have the urgent deadline longer than the other', () => {
    // Someone shortened the ordinary deadline to 3; this person lengthens the urgent one to 5.
    const stored = { ...shown, submitted: { normalDays: 3, urgentDays: 2 } };
    const wanted = { ...shown, submitted: { normalDays: 7, urgentDays: 5 } };
    expect(mergeDeadlines(stored, base, wanted).conflicts).toEqual({
      'submitted.normalDays': 3,
    });
  });

  it('takes a field without a shown value as changed: it conflicts unless it is what is stored', () => {
    const { 'submitted.normalDays': _unknown, ...partial } = base;
    const stored = { ...shown, submitted: { normalDays: 10, urgentDays: 2 } };
    expect(mergeDeadlines(stored, partial, shown).conflicts).toEqual({
      'submitted.normalDays': 10,
    });
    expect(mergeDeadlines(shown, partial, shown).conflicts).toEqual({});
  });
});

describe('parseDeadlineBase and rebaseDeadlineForm', () => {
  it('reads the shown values, leaving out what is not a number of days', () => {
    expect(
      parseDeadlineBase({
        'base.submitted.normalDays': '7',
        'base.submitted.urgentDays': 'x',
        'base.endorsed.normalDays': ' 0 ',
      }),
    ).toEqual({ 'submitted.normalDays': 7, 'endorsed.normalDays': 0 });
  });

  it('keeps the fields this person changed and shows the stored value in every other', () => {
    const base = deadlineBase(DEFAULT_DEADLINES);
    const stored = {
      ...DEFAULT_DEADLINES,
      submitted: { normalDays: 10, urgentDays: 1 },
      endorsed: { normalDays: 8, urgentDays: 2 },
    };
    const typed = Object.fromEntries(
      Object.entries(base).map(([name, days]) => [name, String(days)]),
    );
    const form = rebaseDeadlineForm(
      { ...typed, 'submitted.normalDays': '9', 'underAssessment.urgentDays': ' 4' },
      base,
      stored,
    );
    expect(form).toMatchObject({
      'submitted.normalDays': '9',
      'base.submitted.normalDays': '10',
      'submitted.urgentDays': '1',
      'base.submitted.urgentDays': '1',
      'endorsed.normalDays': '8',
      'underAssessment.urgentDays': ' 4',
      'base.underAssessment.urgentDays': '5',
    });
  });
});
