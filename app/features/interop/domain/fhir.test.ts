import type { Bundle, FhirResource, Patient, QuestionnaireResponse, Task } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { fhirSchemaErrors } from '../../../test/fhir-schema';
import { STATUSES, type Status } from '../../cases/domain/workflow';
import { QUESTIONS, type Answers, type QuestionId } from '../../cases/domain/questionnaire';
import {
  answersOf,
  caseBundle,
  diagnosesOf,
  medicationRequestState,
  questionnaireResponseStatus,
  TASK_STATUS,
  type FhirCase,
} from './fhir';
import { CANONICAL, SYSTEMS } from './identifiers';

const NOW = new Date('2026-12-04T10:00:00Z');
const CASE_ID = '5f0c8a51-3c0e-4d6b-9a55-0c2f1f6c9e11';
const TRUST_ID = '0b7e1b1e-8f7a-4a55-8d0a-8a7e0c1d2e3f';
const APPLICANT_ID = '9d1f2e3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';

const answers: Answers = {
  scheme: 'offLabel',
  patientScope: 'single',
  patientId: '15038510190',
  consent: 'yes',
  diagnoses: ['ICD10:N04.2', 'ICPC2:U88'],
  indication: 'Membranøs nefropati',
  severity: 'Høy risiko',
  drug: { id: 'ID_8A1B2C3D', label: 'Mabthera inf 500 mg' },
  dose: '1000 mg dag 1 og 15',
  route: 'Intravenøst',
  duration: '6 måneder',
  costEstimate: '45 000',
};

const decided: FhirCase = {
  id: CASE_ID,
  caseNumber: 'HBE-2026-00042',
  status: 'decided',
  answers,
  createdAt: new Date('2026-11-01T08:00:00Z'),
  updatedAt: new Date('2026-11-20T12:00:00Z'),
  submittedAt: new Date('2026-11-02T09:00:00Z'),
  trust: { id: TRUST_ID, name: 'Helse Bergen HF', orgnr: '983974724', resh: '100320' },
  origin: {
    kind: 'application',
    applicant: { id: APPLICANT_ID, name: 'Kari Lege', hprNumber: '9144889' },
  },
  decision: {
    version: 1,
    outcome: 'approvedWithConditions',
    conditions: 'Evaluering etter 6 måneder.',
    decidedAt: new Date('2026-11-20T12:00:00Z'),
  },
  atc: { code: 'L01FA01', name: 'Rituksimab' },
  diagnoses: [
    { system: 'ICD10', code: 'N04.2', text: 'Nefrotisk syndrom' },
    { system: 'ICPC2', code: 'U88', text: null },
  ],
};

const group: FhirCase = {
  ...decided,
  status: 'draft',
  caseNumber: null,
  submittedAt: null,
  decision: null,
  answers: {
    scheme: 'noMarketingAuthorisation',
    patientScope: 'group',
    population: 'Voksne med X',
    expectedPatients: '12',
    drug: { id: null, label: 'Legemiddel uten FEST-oppføring' },
  },
  atc: null,
  diagnoses: [],
};

const resources = (bundle: Bundle) =>
  (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource as FhirResource] : []));
function only<T extends FhirResource['resourceType']>(bundle: Bundle, type: T) {
  const found = resources(bundle).filter(
    (r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type,
  );
  const [first] = found;
  if (found.length !== 1 || !first) throw new Error(`Expected one ${type}`);
  return first;
}

describe('TASK_STATUS', () => {
  it.each([
    ['draft', 'draft'],
    ['submitted', 'requested'],
    ['returned', 'on-hold'],
    ['notEndorsed', 'rejected'],
    ['endorsed', 'accepted'],
    ['underAssessment', 'in-progress'],
    ['recommended', 'in-progress'],
    ['awaitingInformation', 'on-hold'],
    ['inConsultation', 'in-progress'],
    ['atInterregionalCommittee', 'in-progress'],
    ['decided', 'completed'],
    ['followUp', 'completed'],
    ['closed', 'completed'],
    ['withdrawn', 'cancelled'],
  ] satisfies [Status, Task['status']][])('%s → %s', (status, expected) => {
    expect(TASK_STATUS[status]).toBe(expected);
  });

  it('maps every status', () => {
    expect(Object.keys(TASK_STATUS).sort()).toEqual([...STATUSES].sort());
  });
});

describe('medicationRequestState', () => {
  it.each([
    ['draft', null, 'draft', 'proposal'],
    ['underAssessment', null, 'draft', 'proposal'],
    ['notEndorsed', null, 'cancelled', 'proposal'],
    ['withdrawn', null, 'cancelled', 'proposal'],
    ['decided', 'approved', 'active', 'order'],
    ['followUp', 'approvedWithConditions', 'active', 'order'],
    ['closed', 'approved', 'completed', 'order'],
    ['decided', 'rejected', 'cancelled', 'proposal'],
    ['decided', null, 'draft', 'proposal'],
  ] as const)('%s with %s → %s/%s', (status, outcome, expectedStatus, intent) => {
    expect(medicationRequestState(status, outcome)).toEqual({ status: expectedStatus, intent });
  });
});

describe('questionnaireResponseStatus', () => {
  it.each([
    ['draft', null, 'in-progress'],
    ['submitted', NOW, 'completed'],
    ['returned', NOW, 'completed'],
    ['decided', NOW, 'completed'],
    ['withdrawn', NOW, 'completed'],
    ['withdrawn', null, 'stopped'],
  ] as const)('%s (submitted %s) → %s', (status, submittedAt, expected) => {
    expect(questionnaireResponseStatus(status, submittedAt)).toBe(expected);
  });
});

describe('diagnosesOf', () => {
  it('reads compact codes, names them where known and skips what is no code', () => {
    expect(
      diagnosesOf(
        { diagnoses: ['ICD10:C50.9', 'ICPC2:X76', 'ICD11:XX', 'C50'] },
        {
          'ICD10:C50.9': { text: 'Brystkreft' },
        },
      ),
    ).toEqual([
      { system: 'ICD10', code: 'C50.9', text: 'Brystkreft' },
      { system: 'ICPC2', code: 'X76', text: null },
    ]);
  });
});

describe('answersOf', () => {
  const question = (id: QuestionId) => {
    const q = QUESTIONS.get(id);
    if (!q) throw new Error(id);
    return q;
  };
  const patient = { reference: 'Patient/p1' };
  it.each([
    [
      'scheme',
      'offLabel',
      [
        {
          valueCoding: {
            system: CANONICAL.answerOptions('scheme'),
            code: 'offLabel',
            display: 'Utenfor godkjent indikasjon (off-label)',
          },
        },
      ],
    ],
    [
      'exemptionApplication',
      'notNeeded',
      [
        {
          valueCoding: {
            system: CANONICAL.answerOptions('exemptionApplication'),
            code: 'notNeeded',
            display: 'Godkjenningsfritak trengs ikke',
          },
        },
      ],
    ],
    ['nyeMetoderId', 'ID2023_045', [{ valueString: 'ID2023_045' }]],
    ['consent', 'yes', [{ valueBoolean: true }]],
    ['costEstimate', '45 000,5', [{ valueDecimal: 45000.5 }]],
    ['costEstimate', 'mye', [{ valueString: 'mye' }]],
    ['indication', 'Tekst', [{ valueString: 'Tekst' }]],
    ['patientId', '15038510190', [{ valueReference: patient }]],
    [
      'diagnoses',
      ['ICD10:C50.9', 'ICPC2:X76'],
      [
        { valueCoding: { system: SYSTEMS.icd10, code: 'C50.9' } },
        { valueCoding: { system: SYSTEMS.icpc2, code: 'X76' } },
      ],
    ],
    [
      'drug',
      { id: 'ID_1', label: 'Navn' },
      [{ valueCoding: { system: SYSTEMS.festMerkevare, code: 'ID_1', display: 'Navn' } }],
    ],
    ['drug', { id: null, label: 'Fritekst' }, [{ valueString: 'Fritekst' }]],
  ] as const)('%s = %j', (id, value, expected) => {
    expect(answersOf(question(id), structuredClone(value) as never, patient)).toEqual(expected);
  });

  it('keeps a patient id as text when there is no Patient', () => {
    expect(answersOf(question('patientId'), '123', null)).toEqual([{ valueString: '123' }]);
  });
});

describe('caseBundle', () => {
  const bundle = caseBundle(decided, NOW);

  it('is a valid FHIR R4 collection Bundle', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.timestamp).toBe(NOW.toISOString());
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(resources(bundle).map((r) => r.resourceType)).toEqual([
      'Task',
      'QuestionnaireResponse',
      'MedicationRequest',
      'Patient',
      'Practitioner',
      'Organization',
    ]);
  });

  it('gives each entry a unique fullUrl that its references resolve to', () => {
    const urls = (bundle.entry ?? []).map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    const refs = JSON.stringify(bundle).match(/"reference":"([^"]+)"/g) ?? [];
    for (const r of refs) {
      const target = r.slice('"reference":"'.length, -1);
      expect(urls).toContain(`https://soknadsportal.no/fhir/${target}`);
    }
  });

  it('makes the workflow a Task with the løpenummer, our status and the decision', () => {
    const task = only(bundle, 'Task');
    expect(task.identifier).toEqual([
      {
        use: 'official',
        system: 'https://soknadsportal.no/fhir/NamingSystem/lopenummer/983974724',
        value: 'HBE-2026-00042',
        assigner: { reference: `Organization/${TRUST_ID}`, display: 'Helse Bergen HF' },
      },
    ]);
    expect(task.status).toBe('completed');
    expect(task.businessStatus?.coding?.[0]).toEqual({
      system: CANONICAL.caseStatus,
      code: 'decided',
      display: 'Besluttet',
    });
    expect(task).toMatchObject({
      intent: 'order',
      authoredOn: '2026-11-01T08:00:00.000Z',
      lastModified: '2026-11-20T12:00:00.000Z',
      focus: { reference: `MedicationRequest/${CASE_ID}` },
      for: { reference: `Patient/${CASE_ID}` },
      owner: { reference: `Organization/${TRUST_ID}` },
      requester: { reference: `Practitioner/${APPLICANT_ID}` },
      input: [{ valueReference: { reference: `QuestionnaireResponse/${CASE_ID}` } }],
    });
    expect(task.output?.map((o) => o.type.coding?.[0]?.code)).toEqual([
      'outcome',
      'decidedAt',
      'conditions',
    ]);
    expect(task.output?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'approvedWithConditions',
    );
    expect(task.output?.[2]?.valueString).toBe('Evaluering etter 6 måneder.');
    expect(task.note).toBeUndefined();
  });

  it('makes the application a QuestionnaireResponse with typed answers by question id', () => {
    const qr: QuestionnaireResponse = only(bundle, 'QuestionnaireResponse');
    expect(qr.questionnaire).toBe(CANONICAL.questionnaire);
    expect(qr.status).toBe('completed');
    expect(qr.item?.map((i) => i.linkId)).toEqual(['basis', 'indication', 'drug', 'cost']);
    const basis = qr.item?.[0]?.item ?? [];
    expect(basis.map((i) => i.linkId)).toEqual(['scheme', 'patientScope', 'patientId', 'consent']);
    expect(basis[3]?.answer).toEqual([{ valueBoolean: true }]);
    // Choices carry the option's Norwegian label beside its code.
    expect(basis.slice(0, 2).map((i) => i.answer?.[0]?.valueCoding)).toEqual([
      {
        system: CANONICAL.answerOptions('scheme'),
        code: 'offLabel',
        display: 'Utenfor godkjent indikasjon (off-label)',
      },
      {
        system: CANONICAL.answerOptions('patientScope'),
        code: 'single',
        display: 'Enkeltpasient',
      },
    ]);
    expect(qr.item?.[3]?.item?.[0]).toMatchObject({
      linkId: 'costEstimate',
      answer: [{ valueDecimal: 45000 }],
    });
  });

  it.each<[string, Answers, [string, string[]][]]>([
    [
      'off-label',
      {
        ...answers,
        approvedIndication: 'Non-Hodgkin lymfom',
        deviationFromApproval: 'Annen indikasjon',
      },
      [['offLabel', ['approvedIndication', 'deviationFromApproval']]],
    ],
    [
      'without Norwegian marketing authorisation',
      {
        ...answers,
        scheme: 'noMarketingAuthorisation',
        exemptionApplication: 'notNeeded',
        exemptionNotNeededReason: 'NAF-preparat',
        approvedAbroad: 'USA (FDA)',
        norwegianAlternativesUnsuitable: 'Ingen finnes',
      },
      [
        [
          'noMarketingAuthorisation',
          [
            'exemptionApplication',
            'exemptionNotNeededReason',
            'approvedAbroad',
            'norwegianAlternativesUnsuitable',
          ],
        ],
      ],
    ],
    [
      'Tilgangsordningen',
      {
        ...answers,
        scheme: 'tilgangsordningen',
        nyeMetoderId: 'ID2021_112',
        beslutningsforumDecision: '24.03.2025: Ikke innført',
        clinicalExceptionality: 'Ung pasient',
      },
      [
        ['nyeMetoder', ['nyeMetoderId', 'beslutningsforumDecision']],
        ['tilgangsordningen', ['clinicalExceptionality']],
      ],
    ],
  ])('carries the %s questions in the QuestionnaireResponse', (_name, schemeAnswers, expected) => {
    const b = caseBundle({ ...decided, answers: schemeAnswers }, NOW);
    expect(fhirSchemaErrors(b)).toEqual([]);
    const qr: QuestionnaireResponse = only(b, 'QuestionnaireResponse');
    const own = (qr.item ?? []).filter((i) => expected.some(([section]) => section === i.linkId));
    expect(own.map((i) => [i.linkId, (i.item ?? []).map((q) => q.linkId)])).toEqual(expected);
    expect(own.every((i) => i.text && (i.item ?? []).every((q) => q.text))).toBe(true);
  });

  it('makes the drug a MedicationRequest with FEST and ATC codes and the diagnoses', () => {
    const mr = only(bundle, 'MedicationRequest');
    expect(mr).toMatchObject({ status: 'active', intent: 'order' });
    expect(mr.medicationCodeableConcept?.coding).toEqual([
      { system: SYSTEMS.festMerkevare, code: 'ID_8A1B2C3D', display: 'Mabthera inf 500 mg' },
      { system: 'http://www.whocc.no/atc', code: 'L01FA01', display: 'Rituksimab' },
    ]);
    expect(mr.reasonCode?.map((c) => c.coding?.[0]?.system)).toEqual([
      'urn:oid:2.16.578.1.12.4.1.1.7110',
      'urn:oid:2.16.578.1.12.4.1.1.7170',
    ]);
    expect(mr.subject).toEqual({ reference: `Patient/${CASE_ID}` });
    expect(mr.dosageInstruction).toEqual([
      { text: '1000 mg dag 1 og 15', route: { text: 'Intravenøst' } },
    ]);
  });

  it.each([
    ['15038510190', { use: 'official', system: 'urn:oid:2.16.578.1.12.4.1.4.1' }],
    ['55038510184', { use: 'official', system: 'urn:oid:2.16.578.1.12.4.1.4.2' }],
    // A synthetic Test Norge number is a fødselsnummer of the test environment.
    ['15838510075', { use: 'official', system: 'urn:oid:2.16.578.1.12.4.1.4.1' }],
    ['81234567802', { use: 'official', system: 'urn:oid:2.16.578.1.12.4.1.4.3' }],
    // Starts like an FH-nummer, but its control digits are wrong: no system is claimed.
    ['81234567890', {}],
    [
      '15438510092',
      {
        use: 'secondary',
        system: 'HNR',
        type: { coding: [{ system: 'urn:oid:2.16.578.1.12.4.1.1.8327', code: 'HNR' }] },
        assigner: { reference: `Organization/${TRUST_ID}`, display: 'Helse Bergen HF' },
      },
    ],
  ])('identifies patient %s under its no-basis system', (patientId, expected) => {
    const b = caseBundle({ ...decided, answers: { ...answers, patientId } }, NOW);
    const patient: Patient = only(b, 'Patient');
    expect(patient.identifier).toEqual([{ ...expected, value: patientId }]);
    expect(fhirSchemaErrors(b)).toEqual([]);
  });

  it('identifies the applicant by HPR and the trust by organisasjonsnummer and RESH', () => {
    expect(only(bundle, 'Practitioner').identifier).toEqual([
      { system: 'urn:oid:2.16.578.1.12.4.1.4.4', value: '9144889' },
    ]);
    expect(only(bundle, 'Organization').identifier).toEqual([
      { system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: '983974724' },
      { system: 'urn:oid:2.16.578.1.12.4.1.4.102', value: '100320' },
    ]);
  });

  it.each([
    ['with the trust’s reference', 'ePhorte 2024/501'],
    ['without a reference', null],
  ])('names no applicant for a case registered after the fact, %s', (_, reference) => {
    const b = caseBundle(
      {
        ...decided,
        status: 'closed',
        origin: {
          kind: 'registered',
          registeredAt: new Date('2026-11-30T13:00:00Z'),
          registeredBy: 'Per Vik',
          reference,
        },
      },
      NOW,
    );
    expect(fhirSchemaErrors(b)).toEqual([]);
    expect(resources(b).map((r) => r.resourceType)).toEqual([
      'Task',
      'QuestionnaireResponse',
      'MedicationRequest',
      'Patient',
      'Organization',
    ]);
    expect(JSON.stringify(b)).not.toContain('Practitioner');
    const task = only(b, 'Task');
    expect(task.requester).toBeUndefined();
    expect(only(b, 'MedicationRequest').requester).toBeUndefined();
    expect(only(b, 'QuestionnaireResponse').author).toBeUndefined();
    expect(task.identifier?.map((i) => [i.use, i.value])).toEqual([
      ['official', 'HBE-2026-00042'],
      ...(reference ? [['secondary', reference]] : []),
    ]);
    expect(task.note).toEqual([
      {
        authorString: 'Per Vik',
        time: '2026-11-30T13:00:00.000Z',
        text: 'Vedtaket ble fattet utenfor Søknadsportalen og er registrert i etterkant. Søknadsportalen kjenner ikke søkeren eller hvem som fattet vedtaket.',
      },
    ]);
    // The decision is still the Task's output.
    expect(task.output?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'approvedWithConditions',
    );
  });

  it('gives a patient group draft no Patient, and is still valid', () => {
    const b = caseBundle(group, NOW);
    expect(fhirSchemaErrors(b)).toEqual([]);
    expect(resources(b).some((r) => r.resourceType === 'Patient')).toBe(false);
    const task = only(b, 'Task');
    expect(task.status).toBe('draft');
    expect(task.identifier).toBeUndefined();
    expect(task.output).toBeUndefined();
    expect(task.for).toBeUndefined();
    expect(only(b, 'QuestionnaireResponse').status).toBe('in-progress');
    const mr = only(b, 'MedicationRequest');
    expect(mr).toMatchObject({ status: 'draft', intent: 'proposal' });
    expect(mr.subject).toEqual({ type: 'Group', display: 'Pasientgruppe' });
    expect(mr.medicationCodeableConcept).toEqual({ text: 'Legemiddel uten FEST-oppføring' });
    expect(mr.reasonCode).toBeUndefined();
  });
});

describe('fhirSchemaErrors (the official FHIR R4 JSON schema)', () => {
  it.each([
    ['an unknown Task.status', { resourceType: 'Task', status: 'decided', intent: 'order' }],
    [
      'a time without a time zone',
      { resourceType: 'Task', status: 'draft', intent: 'order', authoredOn: '2026-11-01T08:00' },
    ],
    ['an element FHIR does not have', { resourceType: 'Patient', fodselsnummer: '15038510190' }],
    ['a date that is no date', { resourceType: 'Patient', birthDate: '15.03.1985' }],
    ['an unknown resource type', { resourceType: 'Soknad' }],
  ])('rejects %s', (_name, resource) => {
    expect(fhirSchemaErrors(resource).length).toBeGreaterThan(0);
  });

  it('rejects a Bundle that holds an invalid resource', () => {
    const broken = structuredClone(caseBundle(decided, NOW));
    const entry = broken.entry?.[0];
    if (!entry) throw new Error('no entry');
    const task: Task = { ...(entry.resource as Task), status: 'besluttet' as Task['status'] };
    entry.resource = task;
    expect(fhirSchemaErrors(broken).length).toBeGreaterThan(0);
  });
});
