import { describe, expect, it } from 'vitest';
import * as nb from '../../../i18n/nb';
import { completeAnswers, completeAnswersFor, SCHEME_ANSWERS } from '../../../test/actors';
import { PATIENT_SCOPES, SCHEMES, type PatientScope, type Scheme } from './application';
import {
  applicableSections,
  draftError,
  drugAnswer,
  inapplicableAnswers,
  normaliseAnswer,
  QUESTION_IDS,
  QUESTIONNAIRE,
  QUESTIONS,
  scopeChangeErrors,
  scopeError,
  SECTION_IDS,
  sectionOf,
  startErrors,
  submitError,
  validateForSubmission,
  valueError,
  type Answers,
  type DrugAnswer,
  type Question,
  type QuestionId,
} from './questionnaire';

const question = (id: QuestionId): Question => {
  const found = QUESTIONS.get(id);
  if (!found) throw new Error(id);
  return found;
};

const COMPLETE = completeAnswers;

const sectionIds = (answers: Answers) => applicableSections(answers).map((s) => s.id);

describe('the definition', () => {
  it('puts every question in exactly one section', () => {
    const all = QUESTIONNAIRE.flatMap((s) => s.questions.map((q) => q.id));
    expect([...all].sort()).toEqual([...QUESTION_IDS].sort());
    expect(QUESTIONNAIRE.map((s) => s.id)).toEqual([...SECTION_IDS]);
  });

  it('has a label and a help text for every question and section', () => {
    for (const id of QUESTION_IDS) {
      expect(nb.questionnaire.questions[id].label.length).toBeGreaterThan(2);
      expect(nb.questionHelp.questions[id].length).toBeGreaterThan(10);
    }
    for (const id of SECTION_IDS) expect(nb.questionHelp.sections[id].length).toBeGreaterThan(10);
  });

  it('makes a follow-up depend on an earlier choice question, on options it has', () => {
    const order = QUESTIONNAIRE.flatMap((s) => s.questions);
    const followUps = order.filter((q) => q.when?.answer);
    expect(followUps.map((q) => q.id)).toEqual(['exemptionNotNeededReason']);
    for (const followUp of followUps) {
      const on = followUp.when?.answer;
      const asked = order.findIndex((q) => q.id === on?.question);
      const choice = order[asked];
      expect(asked).toBeGreaterThanOrEqual(0);
      expect(asked).toBeLessThan(order.indexOf(followUp));
      expect(choice?.type).toBe('choice');
      for (const option of on?.is ?? []) expect(choice?.options).toContain(option);
    }
  });

  it('knows the section of a question', () => {
    expect(sectionOf('costEstimate')).toBe('cost');
    expect(sectionOf('patientId')).toBe('basis');
  });
});

describe('applicableSections', () => {
  it.each<[string, Answers, string[]]>([
    [
      'nothing chosen yet',
      {},
      ['basis', 'indication', 'drug', 'alternatives', 'benefit', 'cost', 'evidence'],
    ],
    [
      'group, off-label',
      { scheme: 'offLabel', patientScope: 'group' },
      [
        'basis',
        'indication',
        'drug',
        'offLabel',
        'alternatives',
        'benefit',
        'group',
        'cost',
        'evidence',
      ],
    ],
    [
      'single, off-label',
      { scheme: 'offLabel', patientScope: 'single' },
      ['basis', 'indication', 'drug', 'offLabel', 'alternatives', 'benefit', 'cost', 'evidence'],
    ],
    [
      'group, without Norwegian marketing authorisation',
      { scheme: 'noMarketingAuthorisation', patientScope: 'group' },
      [
        'basis',
        'indication',
        'drug',
        'noMarketingAuthorisation',
        'alternatives',
        'benefit',
        'group',
        'cost',
        'evidence',
      ],
    ],
    [
      'single, Unntaksordningen',
      { scheme: 'unntaksordningen', patientScope: 'single' },
      [
        'basis',
        'indication',
        'drug',
        'alternatives',
        'benefit',
        'nyeMetoder',
        'unntaksordningen',
        'cost',
        'evidence',
      ],
    ],
    [
      'single, Tilgangsordningen',
      { scheme: 'tilgangsordningen', patientScope: 'single' },
      [
        'basis',
        'indication',
        'drug',
        'alternatives',
        'benefit',
        'nyeMetoder',
        'tilgangsordningen',
        'cost',
        'evidence',
      ],
    ],
  ])('%s', (_name, answers, expected) => {
    expect(sectionIds(answers)).toEqual(expected);
  });

  /** The scheme's own questions (outside the common sections), each with whether it is required. */
  const schemeQuestions = (scheme: Scheme, scope: PatientScope, more: Answers = {}) =>
    applicableSections({ scheme, patientScope: scope, ...more })
      .filter(
        (s) =>
          ![
            'basis',
            'indication',
            'drug',
            'alternatives',
            'benefit',
            'group',
            'cost',
            'evidence',
          ].includes(s.id),
      )
      .flatMap((s) => s.questions.map((q) => `${q.id}${q.required ? '' : '?'}`));

  it.each<[Scheme, PatientScope, Answers, string[]]>([
    ['offLabel', 'single', {}, ['approvedIndication', 'deviationFromApproval']],
    ['offLabel', 'group', {}, ['approvedIndication', 'deviationFromApproval']],
    [
      'noMarketingAuthorisation',
      'single',
      {},
      ['exemptionApplication', 'approvedAbroad', 'norwegianAlternativesUnsuitable'],
    ],
    [
      'noMarketingAuthorisation',
      'group',
      { exemptionApplication: 'sent' },
      ['exemptionApplication', 'approvedAbroad', 'norwegianAlternativesUnsuitable'],
    ],
    [
      'noMarketingAuthorisation',
      'single',
      { exemptionApplication: 'willBeSent' },
      ['exemptionApplication', 'approvedAbroad', 'norwegianAlternativesUnsuitable'],
    ],
    [
      'noMarketingAuthorisation',
      'group',
      { exemptionApplication: 'notNeeded' },
      [
        'exemptionApplication',
        'exemptionNotNeededReason',
        'approvedAbroad',
        'norwegianAlternativesUnsuitable',
      ],
    ],
    [
      'unntaksordningen',
      'single',
      {},
      ['nyeMetoderId?', 'beslutningsforumDecision?', 'differenceFromAssessedGroup'],
    ],
    [
      'tilgangsordningen',
      'single',
      {},
      ['nyeMetoderId?', 'beslutningsforumDecision', 'clinicalExceptionality'],
    ],
  ])('asks %s (%s, %j) its own questions: %j (? = optional)', (scheme, scope, more, expected) => {
    expect(schemeQuestions(scheme, scope, more)).toEqual(expected);
  });

  it('gives every scheme × scope its own section (or none) and no other scheme’s', () => {
    const own = { offLabel: 'offLabel', noMarketingAuthorisation: 'noMarketingAuthorisation' };
    for (const scheme of SCHEMES) {
      for (const patientScope of PATIENT_SCOPES) {
        const ids = sectionIds({ scheme, patientScope });
        const others = SCHEMES.filter((s) => s !== scheme).filter((s) => s in own);
        for (const other of others) expect(ids).not.toContain(other);
        if (scheme in own) expect(ids).toContain(scheme);
        expect(ids.includes('nyeMetoder')).toBe(
          scheme === 'unntaksordningen' || scheme === 'tilgangsordningen',
        );
      }
    }
  });

  it('asks none of the schemes’ own questions before the scheme is chosen', () => {
    const scoped = Object.values(SCHEME_ANSWERS).flatMap((a) => Object.keys(a));
    const asked = applicableSections({ patientScope: 'single' }).flatMap((s) =>
      s.questions.map((q) => q.id),
    );
    expect(asked.filter((id) => scoped.includes(id))).toEqual([]);
  });

  it('asks for the patient and consent only for a single patient', () => {
    const basis = (answers: Answers) => applicableSections(answers)[0]?.questions.map((q) => q.id);
    expect(basis({ patientScope: 'single' })).toEqual([
      'scheme',
      'patientScope',
      'patientId',
      'consent',
    ]);
    expect(basis({ patientScope: 'group' })).toEqual(['scheme', 'patientScope']);
    expect(basis({})).toEqual(['scheme', 'patientScope']);
  });
});

describe('validateForSubmission', () => {
  it.each(SCHEMES)('accepts a complete %s application', (scheme) => {
    expect(validateForSubmission(completeAnswersFor(scheme))).toEqual([]);
    expect(inapplicableAnswers(completeAnswersFor(scheme))).toEqual([]);
  });

  it.each<[Scheme, QuestionId[]]>([
    ['offLabel', ['approvedIndication', 'deviationFromApproval']],
    [
      'noMarketingAuthorisation',
      ['exemptionApplication', 'approvedAbroad', 'norwegianAlternativesUnsuitable'],
    ],
    ['unntaksordningen', ['differenceFromAssessedGroup']],
    ['tilgangsordningen', ['beslutningsforumDecision', 'clinicalExceptionality']],
  ])(
    'asks a %s application stored before its own questions existed for them at submission',
    (scheme, expected) => {
      const stored: Answers = Object.fromEntries(
        Object.entries(completeAnswersFor(scheme)).filter(
          ([id]) => !(id in SCHEME_ANSWERS[scheme]),
        ),
      );
      expect(validateForSubmission(stored)).toEqual(
        expected.map((id) => ({ section: sectionOf(id), question: id, error: 'answerRequired' })),
      );
    },
  );

  it('asks why no godkjenningsfritak is needed only when that is the answer', () => {
    const noMt = completeAnswersFor('noMarketingAuthorisation');
    const notNeeded = { ...noMt, exemptionApplication: 'notNeeded' };
    expect(validateForSubmission(notNeeded)).toEqual([
      {
        section: 'noMarketingAuthorisation',
        question: 'exemptionNotNeededReason',
        error: 'answerRequired',
      },
    ]);
    const why = { ...notNeeded, exemptionNotNeededReason: 'NAF-preparat' };
    expect(validateForSubmission(why)).toEqual([]);
    // Changed to «sent» afterwards: the reason no longer applies and goes at submission.
    expect(inapplicableAnswers({ ...why, exemptionApplication: 'sent' })).toEqual([
      'exemptionNotNeededReason',
    ]);
  });

  it('refuses an unknown answer to the godkjenningsfritak question', () => {
    expect(
      validateForSubmission({
        ...completeAnswersFor('noMarketingAuthorisation'),
        exemptionApplication: 'maybe',
      }),
    ).toEqual([
      {
        section: 'noMarketingAuthorisation',
        question: 'exemptionApplication',
        error: 'invalidValue',
      },
    ]);
  });

  it('checks the Nye Metoder id only when it is given', () => {
    const unntak = completeAnswersFor('unntaksordningen');
    const { nyeMetoderId: _id, ...withoutId } = unntak;
    expect(validateForSubmission(withoutId)).toEqual([]);
    expect(validateForSubmission({ ...unntak, nyeMetoderId: '2023-45' })).toEqual([
      { section: 'nyeMetoder', question: 'nyeMetoderId', error: 'nyeMetoderIdFormat' },
    ]);
  });

  it('lists what is missing in questionnaire order, with its section', () => {
    const { severity: _s, drug: _d, consent: _c, ...rest } = COMPLETE;
    expect(validateForSubmission(rest)).toEqual([
      { section: 'basis', question: 'consent', error: 'answerRequired' },
      { section: 'indication', question: 'severity', error: 'answerRequired' },
      { section: 'drug', question: 'drug', error: 'answerRequired' },
    ]);
  });

  it('requires the group questions for a group application', () => {
    const missing = validateForSubmission({ ...COMPLETE, patientScope: 'group' }).map(
      (m) => m.question,
    );
    expect(missing).toEqual([
      'population',
      'expectedPatients',
      'inclusionCriteria',
      'exclusionCriteria',
    ]);
  });

  it('does not require references', () => {
    expect(question('references').required).toBe(false);
  });
});

describe('the Nye Metoder id', () => {
  it.each<[string, string | null]>([
    ['ID2023_045', null],
    ['ID2019_001', null],
    ['ID2025_999', null],
    ['ID2023_45', 'nyeMetoderIdFormat'],
    ['ID2023_0450', 'nyeMetoderIdFormat'],
    ['ID23_045', 'nyeMetoderIdFormat'],
    ['ID2023-045', 'nyeMetoderIdFormat'],
    ['ID 2023_045', 'nyeMetoderIdFormat'],
    ['2023_045', 'nyeMetoderIdFormat'],
    ['ID1999_045', 'nyeMetoderIdFormat'],
    ['ID2023_045 (pembrolizumab)', 'nyeMetoderIdFormat'],
  ])('%j → %s', (value, expected) => {
    expect(submitError(question('nyeMetoderId'), value)).toBe(expected);
    expect(valueError(question('nyeMetoderId'), value)).toBe(expected);
    // A draft keeps what was typed.
    expect(draftError(question('nyeMetoderId'), value)).toBeNull();
  });

  it.each<[unknown, unknown]>([
    [' id2023_045 ', 'ID2023_045'],
    ['Id2021_112', 'ID2021_112'],
    ['  ', null],
  ])('is stored in capitals: %j → %j', (raw, expected) => {
    expect(normaliseAnswer(question('nyeMetoderId'), raw)).toEqual(expected);
  });

  it('is optional, and too long for a draft past 200 characters', () => {
    expect(submitError(question('nyeMetoderId'), null)).toBeNull();
    expect(draftError(question('nyeMetoderId'), 'x'.repeat(201))).toBe('tooLong');
  });
});

describe('submitError and draftError', () => {
  it.each<[QuestionId, string | string[] | null, string | null]>([
    ['patientId', '15838510075', null],
    ['patientId', '15838510076', 'patientIdInvalid'],
    ['patientId', '1583851007', 'patientIdFormat'],
    ['expectedPatients', '12', null],
    ['expectedPatients', '12,5', null],
    ['expectedPatients', '-3', 'numberInvalid'],
    ['expectedPatients', 'mange', 'numberInvalid'],
    ['scheme', 'homeopathy', 'invalidValue'],
    ['exemptionApplication', 'notNeeded', null],
    ['exemptionApplication', 'kanskje', 'invalidValue'],
    ['approvedIndication', 'x'.repeat(1001), 'tooLong'],
    ['dose', 'x'.repeat(201), 'tooLong'],
    ['indication', 'x'.repeat(10_001), 'tooLong'],
    ['diagnoses', ['ICD10:C50.9', 'ICPC2:T90'], null],
    ['diagnoses', ['C50.9'], 'diagnosisFormat'],
    ['indication', null, 'answerRequired'],
    ['references', null, null],
  ])('%s = %j → %s', (id, value, expected) => {
    expect(submitError(question(id), value)).toBe(expected);
  });

  it('lets a draft keep an invalid patient id or a non-number as typed', () => {
    expect(draftError(question('patientId'), '123')).toBeNull();
    expect(draftError(question('expectedPatients'), 'mange')).toBeNull();
  });
});

describe('valueError (shown at the field as soon as it is saved)', () => {
  it.each<[QuestionId, string | null, string | null]>([
    ['patientId', '1234', 'patientIdFormat'],
    ['patientId', '15838510076', 'patientIdInvalid'],
    ['patientId', '15838510075', null],
    ['packagesPerMonth', 'tre', 'numberInvalid'],
    ['packagesPerMonth', '3', null],
    ['costEstimate', '12.03.2025', 'numberInvalid'],
    ['costEstimate', '154 008', null],
    ['alternativesTried', 'x'.repeat(10_001), 'tooLong'],
    ['costEstimate', null, null],
    ['indication', null, null],
  ])('%s = %j → %s', (id, value, expected) => {
    expect(valueError(question(id), value)).toBe(expected);
  });
});

describe('normaliseAnswer', () => {
  it.each<[QuestionId, unknown, unknown]>([
    ['indication', '  tekst  ', 'tekst'],
    ['indication', '   ', null],
    ['patientId', '158385 100.75', '15838510075'],
    ['consent', 'yes', 'yes'],
    ['consent', '', null],
    ['diagnoses', 'ICD10:C50.9, ICD10:C50.9 ICPC2:T90', ['ICD10:C50.9', 'ICPC2:T90']],
    ['diagnoses', [], null],
    ['drug', { id: 'ID_1', label: ' Rituximab ' }, { id: 'ID_1', label: 'Rituximab' }],
    ['drug', { id: '', label: 'Ukjent preparat' }, { id: null, label: 'Ukjent preparat' }],
    ['drug', { id: 'ID_1', label: '' }, null],
  ])('%s %j → %j', (id, raw, expected) => {
    expect(normaliseAnswer(question(id), raw)).toEqual(expected);
  });
});

describe('inapplicableAnswers', () => {
  it('finds a patient id and consent left on a group application', () => {
    expect(inapplicableAnswers({ ...COMPLETE, patientScope: 'group' })).toEqual([
      'patientId',
      'consent',
    ]);
    expect(inapplicableAnswers(COMPLETE)).toEqual([]);
  });
});

describe('startErrors', () => {
  it.each<[Answers, Record<string, string>]>([
    [{ scheme: 'offLabel', patientScope: 'single' }, {}],
    [{}, { scheme: 'answerRequired', patientScope: 'answerRequired' }],
    [{ scheme: 'x', patientScope: 'group' }, { scheme: 'invalidValue' }],
    [{ ...COMPLETE, dose: 'x'.repeat(201) }, { dose: 'tooLong' }],
    [
      { scheme: 'unntaksordningen', patientScope: 'group' },
      { patientScope: 'groupNotUnntaksordningen' },
    ],
    [
      { scheme: 'tilgangsordningen', patientScope: 'group' },
      { patientScope: 'groupNotTilgangsordningen' },
    ],
    [{ scheme: 'tilgangsordningen', patientScope: 'single' }, {}],
  ])('%j → %j', (answers, errors) => {
    expect(startErrors(answers)).toEqual(errors);
  });
});

describe('the scheme and the patient scope together', () => {
  // Unntaksordningen and Tilgangsordningen are for one patient (BRIEF §1); a group is off-label or
  // without marketing authorisation.
  it.each<[string | null, string | null, string | null]>([
    ['offLabel', 'group', null],
    ['noMarketingAuthorisation', 'group', null],
    ['unntaksordningen', 'group', 'groupNotUnntaksordningen'],
    ['tilgangsordningen', 'group', 'groupNotTilgangsordningen'],
    ['unntaksordningen', 'single', null],
    ['tilgangsordningen', 'single', null],
    ['unntaksordningen', null, null],
    [null, 'group', null],
    ['homeopathy', 'group', null],
  ])('%s + %s → %s', (scheme, patientScope, expected) => {
    const answers: Answers = {
      ...(scheme ? { scheme } : {}),
      ...(patientScope ? { patientScope } : {}),
    };
    expect(scopeError(answers)).toBe(expected);
  });

  it('stops submission at the scope, in questionnaire order', () => {
    const group = {
      ...COMPLETE,
      patientScope: 'group',
      population: 'Voksne',
      expectedPatients: '4',
      inclusionCriteria: 'Alle',
      exclusionCriteria: 'Ingen',
    };
    expect(validateForSubmission({ ...group, scheme: 'offLabel' })).toEqual([]);
    expect(
      validateForSubmission({
        ...group,
        scheme: 'unntaksordningen',
        differenceFromAssessedGroup: 'x',
      }),
    ).toEqual([{ section: 'basis', question: 'patientScope', error: 'groupNotUnntaksordningen' }]);
  });

  it.each<[string, Answers, QuestionId[], Record<string, string>]>([
    [
      'scope changed to a group under Unntaksordningen',
      { scheme: 'unntaksordningen', patientScope: 'group' },
      ['patientScope'],
      { patientScope: 'groupNotUnntaksordningen' },
    ],
    [
      'scheme changed to Tilgangsordningen on a group',
      { scheme: 'tilgangsordningen', patientScope: 'group' },
      ['scheme', 'dose'],
      { scheme: 'groupNotTilgangsordningen' },
    ],
    [
      'both changed together',
      { scheme: 'tilgangsordningen', patientScope: 'group' },
      ['scheme', 'patientScope'],
      { scheme: 'groupNotTilgangsordningen', patientScope: 'groupNotTilgangsordningen' },
    ],
    [
      'a stored group under Unntaksordningen, another answer changed',
      { scheme: 'unntaksordningen', patientScope: 'group' },
      ['dose'],
      {},
    ],
    [
      'scope changed to single',
      { scheme: 'unntaksordningen', patientScope: 'single' },
      ['patientScope'],
      {},
    ],
    ['a group off-label', { scheme: 'offLabel', patientScope: 'group' }, ['scheme'], {}],
  ])('a draft save: %s', (_name, merged, changed, errors) => {
    expect(scopeChangeErrors(merged, changed)).toEqual(errors);
  });
});

describe('drugAnswer', () => {
  const fest = { id: 'ID_1', label: 'Keytruda inf konsentrat 25 mg/ml' };
  it.each<[string, Answers, DrugAnswer | null]>([
    ['a drug picked from FEST', { drug: fest }, fest],
    [
      'a drug typed by name',
      { drug: { id: null, label: 'Pembrolizumab' } },
      { id: null, label: 'Pembrolizumab' },
    ],
    ['no drug', {}, null],
    ['text where a drug belongs', { drug: 'Keytruda' }, null],
    ['a list where a drug belongs', { drug: ['Keytruda'] }, null],
  ])('%s', (_name, answers, expected) => {
    expect(drugAnswer(answers)).toEqual(expected);
  });
});
