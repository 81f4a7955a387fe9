import type {
  Bundle,
  CodeableConcept,
  Coding,
  FhirResource,
  Identifier,
  MedicationRequest,
  Organization,
  Patient,
  Practitioner,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
  Task,
  TaskOutput,
} from 'fhir/r4';
import { msg } from '../../../i18n';
import type { DecisionOutcome } from '../../cases/domain/application';
import { parseAmount } from '../../cases/domain/cost';
import {
  applicableSections,
  drugAnswer,
  type AnswerValue,
  type Answers,
  type Question,
} from '../../cases/domain/questionnaire';
import { patientIdKind } from '../../cases/domain/application';
import { optionLabel } from '../../cases/domain/option-labels';
import type { Status } from '../../cases/domain/workflow';
import { DIAGNOSIS_SYSTEMS, type DiagnosisSystem } from '../../diagnoses/domain/diagnosis';
import { CANONICAL, DIAGNOSIS_SYSTEM_URIS, PORTAL_CANONICAL, SYSTEMS } from './identifiers';

/**
 * One case as a FHIR R4 Bundle (type `collection`): the workflow as a Task, the application as a
 * QuestionnaireResponse, the drug as a MedicationRequest, and the Patient (single-patient cases
 * only), the applicant (Practitioner) and the trust (Organization) they refer to. A case registered
 * after the fact (etterregistrering) has no applicant: the portal does not know who applied, so it
 * names no Practitioner and says so in a Task note. Identifiers use the no-basis OIDs (see
 * identifiers.ts). Pure: the use case gathers `FhirCase`.
 */

export interface FhirDiagnosis {
  system: DiagnosisSystem;
  code: string;
  /** The Norwegian name, when the code is in the index. */
  text: string | null;
}

export interface FhirCase {
  id: string;
  caseNumber: string | null;
  status: Status;
  answers: Answers;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  trust: { id: string; name: string; orgnr: string | null; resh: string | null };
  /**
   * Where the case came from: an application in the portal, by its applicant; or a decision made
   * outside the portal and registered after the fact, by whom, when, under the trust's reference.
   */
  origin:
    | { kind: 'application'; applicant: { id: string; name: string; hprNumber: string | null } }
    | { kind: 'registered'; registeredAt: Date; registeredBy: string; reference: string | null };
  decision: {
    version: number;
    outcome: DecisionOutcome;
    conditions: string | null;
    decidedAt: Date;
  } | null;
  /** The drug's ATC code: from FEST for a FEST product, else as registered (etterregistrering). */
  atc: { code: string; name: string | null } | null;
  diagnoses: FhirDiagnosis[];
}

/** Task.status for each case status; our own status goes in `businessStatus`. */
export const TASK_STATUS: Record<Status, Task['status']> = {
  draft: 'draft',
  submitted: 'requested',
  returned: 'on-hold',
  notEndorsed: 'rejected',
  endorsed: 'accepted',
  underAssessment: 'in-progress',
  // The committee has recommended; the medical director decides: still being worked.
  recommended: 'in-progress',
  awaitingInformation: 'on-hold',
  inConsultation: 'in-progress',
  // Tilgangsordningen: the interregional committee decides; the task is still being worked.
  atInterregionalCommittee: 'in-progress',
  decided: 'completed',
  followUp: 'completed',
  closed: 'completed',
  withdrawn: 'cancelled',
};

const STOPPED: readonly Status[] = ['notEndorsed', 'withdrawn'];
const AFTER_DECISION: readonly Status[] = ['decided', 'followUp', 'closed'];

/**
 * MedicationRequest status and intent: a proposal until the decision; approved, it is an active
 * order (completed once the case is closed); rejected, not endorsed or withdrawn, it is cancelled.
 */
export function medicationRequestState(
  status: Status,
  outcome: DecisionOutcome | null,
): Pick<MedicationRequest, 'status' | 'intent'> {
  if (STOPPED.includes(status)) return { status: 'cancelled', intent: 'proposal' };
  if (!AFTER_DECISION.includes(status) || outcome === null) {
    return { status: 'draft', intent: 'proposal' };
  }
  if (outcome === 'rejected') return { status: 'cancelled', intent: 'proposal' };
  return { status: status === 'closed' ? 'completed' : 'active', intent: 'order' };
}

/** QuestionnaireResponse.status: in progress while a draft, completed once submitted. */
export function questionnaireResponseStatus(
  status: Status,
  submittedAt: Date | null,
): QuestionnaireResponse['status'] {
  if (status === 'draft') return 'in-progress';
  return submittedAt === null ? 'stopped' : 'completed';
}

/** The diagnoses of the answers (`ICD10:C50.9`), with their names where `names` has them. */
export function diagnosesOf(
  answers: Answers,
  names: Partial<Record<string, { text: string }>>,
): FhirDiagnosis[] {
  const codes = Array.isArray(answers.diagnoses) ? answers.diagnoses : [];
  return codes.flatMap((compact) => {
    const [system, code] = compact.split(':');
    const known = DIAGNOSIS_SYSTEMS.find((s) => s === system);
    if (!known || !code) return [];
    return [{ system: known, code, text: names[compact]?.text ?? null }];
  });
}

const ref = (type: FhirResource['resourceType'], id: string, display?: string): Reference => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});

const iso = (date: Date) => date.toISOString();

function patientIdentifier(value: string, trustRef: Reference): Identifier {
  const kind = patientIdKind(value);
  switch (kind) {
    // A synthetic Test Norge number is a fødselsnummer of the test environment.
    case 'fnr':
    case 'tnr':
      return { use: 'official', system: SYSTEMS.fodselsnummer, value };
    case 'dnr':
      return { use: 'official', system: SYSTEMS.dNummer, value };
    case 'fhn':
      return { use: 'official', system: SYSTEMS.fellesHjelpenummer, value };
    case 'hnr':
      return {
        use: 'secondary',
        type: { coding: [{ system: SYSTEMS.personalIdentifierType, code: 'HNR' }] },
        system: SYSTEMS.hNummer,
        value,
        assigner: trustRef,
      };
    case null:
      return { value };
  }
}

function diagnosisConcept(d: FhirDiagnosis): CodeableConcept {
  const coding: Coding = {
    system: DIAGNOSIS_SYSTEM_URIS[d.system],
    code: d.code,
    ...(d.text ? { display: d.text } : {}),
  };
  return { coding: [coding], ...(d.text ? { text: d.text } : {}) };
}

function medicationConcept(c: FhirCase): CodeableConcept | null {
  const drug = drugAnswer(c.answers);
  if (!drug) return null;
  const coding: Coding[] = [];
  if (drug.id) coding.push({ system: SYSTEMS.festMerkevare, code: drug.id, display: drug.label });
  if (c.atc) {
    coding.push({
      system: SYSTEMS.atc,
      code: c.atc.code,
      ...(c.atc.name ? { display: c.atc.name } : {}),
    });
  }
  return { ...(coding.length > 0 ? { coding } : {}), text: drug.label };
}

const textOf = (value: AnswerValue | undefined) => (typeof value === 'string' ? value : null);

/** One answer as FHIR answers, typed by the question type (several for a list of diagnoses). */
export function answersOf(
  question: Question,
  value: AnswerValue,
  patientRef: Reference | null,
): QuestionnaireResponseItemAnswer[] {
  if (Array.isArray(value)) {
    return diagnosesOf({ diagnoses: value }, {}).map((d) => ({
      valueCoding: { system: DIAGNOSIS_SYSTEM_URIS[d.system], code: d.code },
    }));
  }
  if (typeof value === 'object') {
    return [
      value.id
        ? { valueCoding: { system: SYSTEMS.festMerkevare, code: value.id, display: value.label } }
        : { valueString: value.label },
    ];
  }
  switch (question.type) {
    case 'choice':
      return [
        {
          valueCoding: {
            system: CANONICAL.answerOptions(question.id),
            code: value,
            display: optionLabel(question, value),
          },
        },
      ];
    case 'confirm':
      return [{ valueBoolean: value === 'yes' }];
    case 'number': {
      const amount = parseAmount(value);
      return [amount === null ? { valueString: value } : { valueDecimal: amount }];
    }
    case 'patientId':
      // The number itself is the Patient's identifier; the answer points there.
      return [patientRef ? { valueReference: patientRef } : { valueString: value }];
    default:
      return [{ valueString: value }];
  }
}

/** The answers as items grouped by section, in questionnaire order; unanswered ones left out. */
export function questionnaireItems(
  answers: Answers,
  patientRef: Reference | null,
): QuestionnaireResponseItem[] {
  return applicableSections(answers).flatMap((section) => {
    const items = section.questions.flatMap((question): QuestionnaireResponseItem[] => {
      const value = answers[question.id];
      if (value === undefined) return [];
      const answer = answersOf(question, value, patientRef);
      return answer.length === 0
        ? []
        : [{ linkId: question.id, text: msg.questionnaire.questions[question.id].label, answer }];
    });
    return items.length === 0
      ? []
      : [{ linkId: section.id, text: msg.questionnaire.sections[section.id].title, item: items }];
  });
}

const concept = (system: string, code: string, display: string): CodeableConcept => ({
  coding: [{ system, code, display }],
  text: display,
});

function taskOutputs(c: FhirCase): TaskOutput[] {
  const d = c.decision;
  if (!d || !AFTER_DECISION.includes(c.status)) return [];
  const type = (code: string, display: string) => concept(CANONICAL.taskParameter, code, display);
  const t = msg.interop.taskParameters;
  return [
    {
      type: type('outcome', t.outcome),
      valueCodeableConcept: concept(CANONICAL.decisionOutcome, d.outcome, msg.outcomes[d.outcome]),
    },
    { type: type('decidedAt', t.decidedAt), valueDateTime: iso(d.decidedAt) },
    ...(d.conditions
      ? [{ type: type('conditions', t.conditions), valueString: d.conditions }]
      : []),
  ];
}

/** The case as a FHIR R4 collection Bundle, taken at `now`; `base` prefixes each fullUrl. */
export function caseBundle(c: FhirCase, now: Date, base: string = PORTAL_CANONICAL): Bundle {
  const single = c.answers.patientScope !== 'group';
  const patientId = single ? textOf(c.answers.patientId) : null;
  const trustRef = ref('Organization', c.trust.id, c.trust.name);
  const applicant = c.origin.kind === 'application' ? c.origin.applicant : null;
  const applicantRef = applicant ? ref('Practitioner', applicant.id, applicant.name) : null;
  const registered = c.origin.kind === 'registered' ? c.origin : null;
  const patientRef = patientId ? ref('Patient', c.id) : null;
  const requestRef = ref('MedicationRequest', c.id);
  const responseRef = ref('QuestionnaireResponse', c.id);

  const trustIds: Identifier[] = [
    ...(c.trust.orgnr ? [{ system: SYSTEMS.organisasjonsnummer, value: c.trust.orgnr }] : []),
    ...(c.trust.resh ? [{ system: SYSTEMS.resh, value: c.trust.resh }] : []),
  ];
  const organization: Organization = {
    resourceType: 'Organization',
    id: c.trust.id,
    ...(trustIds.length > 0 ? { identifier: trustIds } : {}),
    name: c.trust.name,
  };
  const practitioner: Practitioner | null = applicant
    ? {
        resourceType: 'Practitioner',
        id: applicant.id,
        ...(applicant.hprNumber
          ? { identifier: [{ system: SYSTEMS.hpr, value: applicant.hprNumber }] }
          : {}),
        name: [{ text: applicant.name }],
      }
    : null;
  const patient: Patient | null = patientId
    ? {
        resourceType: 'Patient',
        id: c.id,
        identifier: [patientIdentifier(patientId, trustRef)],
        managingOrganization: trustRef,
      }
    : null;
  // A group case has no Patient: the request names the group in words.
  const subject: Reference = patientRef ?? { type: 'Group', display: msg.patientScopes.group };

  const medication = medicationConcept(c);
  const dose = textOf(c.answers.dose);
  const route = textOf(c.answers.route);
  const medicationRequest: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: c.id,
    ...medicationRequestState(c.status, c.decision?.outcome ?? null),
    ...(medication ? { medicationCodeableConcept: medication } : {}),
    subject,
    ...(c.submittedAt ? { authoredOn: iso(c.submittedAt) } : {}),
    ...(applicantRef ? { requester: applicantRef } : {}),
    ...(c.diagnoses.length > 0 ? { reasonCode: c.diagnoses.map(diagnosisConcept) } : {}),
    ...(dose || route
      ? {
          dosageInstruction: [
            { ...(dose ? { text: dose } : {}), ...(route ? { route: { text: route } } : {}) },
          ],
        }
      : {}),
  };

  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    id: c.id,
    questionnaire: CANONICAL.questionnaire,
    status: questionnaireResponseStatus(c.status, c.submittedAt),
    ...(patientRef ? { subject: patientRef } : {}),
    authored: iso(c.submittedAt ?? c.updatedAt),
    ...(applicantRef ? { author: applicantRef } : {}),
    item: questionnaireItems(c.answers, patientRef),
  };

  const outputs = taskOutputs(c);
  const taskIds: Identifier[] = [
    ...(c.caseNumber && c.trust.orgnr
      ? [
          {
            use: 'official' as const,
            system: CANONICAL.caseNumber(c.trust.orgnr),
            value: c.caseNumber,
            assigner: trustRef,
          },
        ]
      : []),
    // The trust's own reference (its archive's), in a system the portal does not know.
    ...(registered?.reference
      ? [{ use: 'secondary' as const, value: registered.reference, assigner: trustRef }]
      : []),
  ];
  const task: Task = {
    resourceType: 'Task',
    id: c.id,
    ...(taskIds.length > 0 ? { identifier: taskIds } : {}),
    status: TASK_STATUS[c.status],
    businessStatus: concept(CANONICAL.caseStatus, c.status, msg.statuses[c.status]),
    intent: 'order',
    focus: requestRef,
    ...(patientRef ? { for: patientRef } : {}),
    authoredOn: iso(c.createdAt),
    lastModified: iso(c.updatedAt),
    ...(applicantRef ? { requester: applicantRef } : {}),
    owner: trustRef,
    input: [
      {
        type: concept(
          CANONICAL.taskParameter,
          'application',
          msg.interop.taskParameters.application,
        ),
        valueReference: responseRef,
      },
    ],
    ...(outputs.length > 0 ? { output: outputs } : {}),
    ...(registered
      ? {
          note: [
            {
              authorString: registered.registeredBy,
              time: iso(registered.registeredAt),
              text: msg.decisionModule.letterText.registeredNote,
            },
          ],
        }
      : {}),
  };

  const resources: FhirResource[] = [
    task,
    response,
    medicationRequest,
    ...(patient ? [patient] : []),
    ...(practitioner ? [practitioner] : []),
    organization,
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: iso(now),
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
    })),
  };
}
