import type { CaseEvent } from '../../features/cases/domain/workflow';

/** A line under an event's heading when the button alone does not say what follows. */
export const eventHelp = {
  reopenAssessment:
    'Komiteen vurderer saken på nytt og gir en ny innstilling før du beslutter. Skriv hva komiteen skal se på.',
  forwardToInterregional:
    'Saker etter tilgangsordningen avgjøres av det interregionale fagdirektørmøtet. Vurder om pasienten er klinisk eksepsjonell og om prioriteringskriteriene er oppfylt; vurderingen følger saken dit.',
  beginFollowUp:
    'Behandlingen følges opp: søkeren blir bedt om å registrere utfallet ved evalueringsdatoen.',
  close: 'Saken avsluttes uten oppfølging. Vedtaket gjelder fortsatt og kan leses i saken.',
} satisfies Partial<Record<CaseEvent, string>>;
