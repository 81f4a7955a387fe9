import type { CaseEvent } from '../../features/cases/domain/workflow';

/** What the reason field is called for each event that takes one. */
export const reasonLabels = {
  submit: 'Kommentar',
  resubmit: 'Kommentar',
  withdraw: 'Hvorfor trekkes søknaden?',
  endorse: 'Begrunnelse for forankring',
  notEndorse: 'Begrunnelse for ikke å forankre',
  returnToApplicant: 'Spørsmål til søker',
  startAssessment: 'Kommentar',
  recommend: 'Begrunnelse for innstillingen',
  reopenAssessment: 'Hva skal komiteen vurdere på nytt?',
  requestInformation: 'Hvilke opplysninger trengs?',
  provideInformation: 'Opplysninger',
  requestConsultation: 'Spørsmål til helseforetaket som konsulteres',
  answerConsultation: 'Svar',
  cancelConsultation: 'Kommentar',
  forwardToInterregional:
    'Fagdirektørens vurdering av klinisk særegenhet og prioriteringskriteriene',
  decide: 'Begrunnelse',
  reviseDecision: 'Hvorfor revideres vedtaket?',
  beginFollowUp: 'Kommentar',
  recordOutcome: 'Utfall (effekt, bivirkninger, fortsatt eller avsluttet)',
  close: 'Kommentar',
} satisfies Record<CaseEvent, string>;
