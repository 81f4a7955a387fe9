export const edit = {
  sections: 'Deler av søknaden',
  complete: 'fullført',
  missing: (n: number) => (n === 1 ? '1 mangler' : `${n} mangler`),
  save: 'Lagre',
  toSummary: 'Se over og send inn',
  saved: 'Endringene er lagret.',
  notSaved: 'Noen felt ble ikke lagret. Se feilmeldingene.',
  conflicts:
    'Noen felt ble endret av en medforfatter samtidig. Dine verdier står i skjemaet; lagre igjen for å beholde dem.',
  /** Without JavaScript another form on the page loads the page anew: unsaved answers are lost. */
  saveBeforeCoAuthors:
    'Trykk «Lagre» nederst i skjemaet før du inviterer eller fjerner en medforfatter, ellers går svar du ikke har lagret tapt.',
  saveBeforeAttachments:
    'Trykk «Lagre» nederst i skjemaet før du laster opp eller fjerner vedlegg, ellers går svar du ikke har lagret tapt.',
  closedTitle: 'Søknaden kan ikke lenger endres',
  closedBody:
    'Søknaden er sendt inn eller har fått en annen status mens du skrev, så endringene dine ble ikke lagret.',
  closedTyped: 'Dette skrev du (det er ikke lagret, kopier det om du trenger det):',
  toCase: 'Gå til saken',
  /** «Lagre» posted after the session ended: the page that shows what was sent, to send again. */
  loggedOutTitle: 'Du er logget ut',
  loggedOutBody: 'Skjemaet ble ikke lagret, fordi du ikke lenger er logget inn.',
  loggedOutHowTo:
    'Logg inn igjen i en ny fane (og velg helseforetak hvis du blir spurt). Kom så tilbake hit og trykk «Lagre på nytt», så lagres det du skrev.',
  saveAgain: 'Lagre på nytt',
};
