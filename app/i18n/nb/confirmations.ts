import type { CaseEvent } from '../../features/cases/domain/workflow';

/** The confirmation after each event: what happened, and who acts next. */
export const confirmations = {
  submit: 'Søknaden er sendt til forankring hos leder.',
  resubmit: 'Søknaden er sendt inn på nytt og ligger til forankring hos leder.',
  withdraw: 'Søknaden er trukket, og saken er avsluttet.',
  endorse: 'Søknaden er forankret og sendt til fagdirektøren for beslutning.',
  notEndorse:
    'Søknaden er ikke forankret, og saken er avsluttet. Søkeren ser begrunnelsen i saken.',
  returnToApplicant: 'Søknaden er returnert til søker, som kan rette den og sende den inn på nytt.',
  startAssessment: 'Vurderingen er startet. Saken vurderes nå før fagdirektøren beslutter.',
  recommend: 'Innstillingen er gitt. Saken ligger nå til beslutning hos fagdirektøren.',
  reopenAssessment:
    'Saken er sendt tilbake til vurderingskomiteen, som vurderer den på nytt og gir en ny innstilling.',
  requestInformation: 'Søkeren er bedt om flere opplysninger. Saken venter på svar fra søker.',
  provideInformation: 'Opplysningene er sendt, og saken er tilbake til vurdering.',
  requestConsultation: 'Det andre helseforetaket er konsultert. Saken venter på svar derfra.',
  answerConsultation:
    'Svaret er sendt, og saken er tilbake til vurdering hos helseforetaket som spurte.',
  cancelConsultation: 'Konsultasjonen er avsluttet, og saken er tilbake til vurdering.',
  forwardToInterregional:
    'Saken er sendt til det interregionale fagdirektørmøtet. Fagdirektøren registrerer møtets beslutning når den foreligger.',
  decide:
    'Beslutningen er fattet, og vedtaket er tilgjengelig for søkeren. Neste steg er å starte oppfølging eller avslutte saken.',
  reviseDecision: 'Vedtaket er revidert. Den nye versjonen gjelder, og søkeren ser den i saken.',
  beginFollowUp: 'Oppfølgingen er startet. Søkeren registrerer utfallet av behandlingen.',
  recordOutcome: 'Utfallet er registrert, og saken er avsluttet.',
  close: 'Saken er avsluttet. Ingen flere steg gjenstår.',
} satisfies Record<CaseEvent, string>;
