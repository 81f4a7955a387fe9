import type { CaseEvent } from '../../features/cases/domain/workflow';

export const events = {
  submit: 'Send inn',
  resubmit: 'Send inn på nytt',
  withdraw: 'Trekk søknaden',
  endorse: 'Forankre',
  notEndorse: 'Ikke forankre',
  returnToApplicant: 'Returner til søker',
  startAssessment: 'Start vurdering',
  recommend: 'Gi innstilling',
  reopenAssessment: 'Send tilbake til komiteen',
  requestInformation: 'Be om flere opplysninger',
  provideInformation: 'Send opplysninger',
  requestConsultation: 'Konsulter annet helseforetak',
  answerConsultation: 'Svar på konsultasjon',
  cancelConsultation: 'Avslutt konsultasjon',
  forwardToInterregional: 'Send til interregionalt fagdirektørmøte',
  decide: 'Fatt beslutning',
  reviseDecision: 'Revider vedtaket',
  beginFollowUp: 'Start oppfølging',
  recordOutcome: 'Registrer utfall',
  close: 'Avslutt saken',
} satisfies Record<CaseEvent, string>;
