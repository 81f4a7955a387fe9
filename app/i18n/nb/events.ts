import type { CaseEvent } from '../../features/cases/domain/workflow';

/** The workflow's events as actions: the buttons and forms that take them. */
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

/** The same events done, for the case's history and the access log: «Sendt inn», not «Send inn». */
export const eventsDone = {
  submit: 'Sendt inn',
  resubmit: 'Sendt inn på nytt',
  withdraw: 'Søknaden trukket',
  endorse: 'Forankret',
  notEndorse: 'Ikke forankret',
  returnToApplicant: 'Returnert til søker',
  startAssessment: 'Vurdering startet',
  recommend: 'Innstilling gitt',
  reopenAssessment: 'Sendt tilbake til komiteen',
  requestInformation: 'Bedt om flere opplysninger',
  provideInformation: 'Opplysninger sendt',
  requestConsultation: 'Annet helseforetak konsultert',
  answerConsultation: 'Konsultasjon besvart',
  cancelConsultation: 'Konsultasjon avsluttet',
  forwardToInterregional: 'Sendt til interregionalt fagdirektørmøte',
  decide: 'Beslutning fattet',
  reviseDecision: 'Vedtaket revidert',
  beginFollowUp: 'Oppfølging startet',
  recordOutcome: 'Utfall registrert',
  close: 'Saken avsluttet',
} satisfies Record<CaseEvent, string>;
