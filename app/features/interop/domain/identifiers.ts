import type { DiagnosisSystem } from '../../diagnoses/domain/diagnosis';

/**
 * Identifier and code systems of the FHIR export (BRIEF §6). The Norwegian ones are the OIDs of
 * HL7 Norway's basis profiles (no-basis), written `urn:oid:…`:
 *
 * - Patient: HL7Norway/basisprofiler-r4-fsh, profile `no-basis-Patient` (identifier slices FNR,
 *   DNR, FHN, HNR) and the NamingSystems `no-basis-foedselsnummer`, `no-basis-dnummer`,
 *   `no-basis-felleshjelpenummer`. A locally assigned H-nummer has no national OID there: its
 *   slice has `system` "HNR", a type from Volven 8327 (code HNR) and a mandatory assigner.
 * - HPR, organisasjonsnummer, RESH: BRIEF §6 and the no-basis Practitioner/Organization profiles.
 * - ICD-10 (Volven 7110) and ICPC-2 (Volven 7170): the Directorate of eHealth's OID list
 *   ("OID-identifikatorserier i helse- og omsorgstjenesten", e.g. "the OID for ICD-10 is
 *   2.16.578.1.12.4.1.1.7110"), as used by NAV's sykmelding mappings and HL7 Norway's examples.
 * - FEST LegemiddelMerkevare id: the NamingSystem of HL7 Norway's medication data IG (LMDI,
 *   folkehelseinstituttet/LMDI, ValueSet `legemiddel-koder`); FEST ids have no Volven OID.
 * - ATC: the WHO Collaborating Centre's system URI, as in FHIR's own terminology list.
 */
export const SYSTEMS = {
  fodselsnummer: 'urn:oid:2.16.578.1.12.4.1.4.1',
  dNummer: 'urn:oid:2.16.578.1.12.4.1.4.2',
  fellesHjelpenummer: 'urn:oid:2.16.578.1.12.4.1.4.3',
  /** The `system` no-basis gives a locally assigned H-nummer (not an OID: it is local). */
  hNummer: 'HNR',
  /** Volven 8327, the kinds of personal identifier (code HNR for a local H-nummer). */
  personalIdentifierType: 'urn:oid:2.16.578.1.12.4.1.1.8327',
  hpr: 'urn:oid:2.16.578.1.12.4.1.4.4',
  organisasjonsnummer: 'urn:oid:2.16.578.1.12.4.1.4.101',
  resh: 'urn:oid:2.16.578.1.12.4.1.4.102',
  icd10: 'urn:oid:2.16.578.1.12.4.1.1.7110',
  icpc2: 'urn:oid:2.16.578.1.12.4.1.1.7170',
  festMerkevare: 'http://dmp.no/fhir/NamingSystem/festLegemiddelMerkevare',
  atc: 'http://www.whocc.no/atc',
} as const;

/**
 * The portal's own namespace for canonical URLs (the questionnaire, its code systems, the
 * løpenummer). A name, not an address to fetch: documented in docs/api.md.
 */
export const PORTAL_CANONICAL = 'https://soknadsportal.no/fhir';

export const CANONICAL = {
  questionnaire: `${PORTAL_CANONICAL}/Questionnaire/soknad`,
  caseStatus: `${PORTAL_CANONICAL}/CodeSystem/saksstatus`,
  decisionOutcome: `${PORTAL_CANONICAL}/CodeSystem/vedtaksutfall`,
  taskParameter: `${PORTAL_CANONICAL}/CodeSystem/oppgaveparameter`,
  /** The answer options of one choice question (`…/CodeSystem/soknad-scheme`). */
  answerOptions: (questionId: string) => `${PORTAL_CANONICAL}/CodeSystem/soknad-${questionId}`,
  /** A trust's case numbers (løpenummer), by the trust's organisasjonsnummer. */
  caseNumber: (orgnr: string) => `${PORTAL_CANONICAL}/NamingSystem/lopenummer/${orgnr}`,
} as const;

export const DIAGNOSIS_SYSTEM_URIS: Record<DiagnosisSystem, string> = {
  ICD10: SYSTEMS.icd10,
  ICPC2: SYSTEMS.icpc2,
};
