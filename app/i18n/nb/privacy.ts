import type { PatientIdKind } from '../../features/cases/domain/application';

export const privacy = {
  patientIdTitle: 'Pasientens fødselsnummer',
  maskedHelp:
    'Fødselsnummeret er skjult. Vis det bare når du trenger det; det blir logget hvem som ser det.',
  maskedForConsultant:
    'Fødselsnummeret er skjult. Som konsultert helseforetak ser du ikke pasientens identitet; den vises bare for det behandlende helseforetaket.',
  reveal: 'Vis fødselsnummer',
  kindLabel: 'Type nummer',
  kinds: {
    fnr: 'fødselsnummer',
    dnr: 'D-nummer',
    hnr: 'H-nummer',
    fhn: 'FH-nummer (felles hjelpenummer)',
    tnr: 'syntetisk testnummer',
  } satisfies Record<PatientIdKind, string>,
  revealedTitle: (caseLabel: string) => `Fødselsnummer i sak ${caseLabel}`,
  revealedLogged: 'Visningen er registrert i tilgangsloggen.',
  onlyOnRequest: 'Fødselsnummeret vises bare når du trykker «Vis fødselsnummer» på saken.',
  backToCase: 'Tilbake til saken',
};
