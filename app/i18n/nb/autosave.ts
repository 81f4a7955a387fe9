export const autosave = {
  idle: 'Endringer lagres automatisk mens du skriver.',
  pending: 'Ulagrede endringer …',
  saving: 'Lagrer …',
  saved: (time: string) => `Alt er lagret (${time}).`,
  failed: 'Kunne ikke lagre. Prøver igjen automatisk – ikke lukk siden.',
  closed:
    'Søknaden kan ikke lenger endres her (den er sendt inn eller har fått en annen status). Trykk «Lagre» for å se det du har skrevet, så du kan kopiere det.',
  loggedOut:
    'Du er logget ut, så endringene er ikke lagret. De er tatt vare på i denne nettleserfanen og lagres her når du har logget inn igjen. Ikke lukk siden.',
  logInAgain: 'Logg inn igjen (åpnes i ny fane)',
  /** Without JavaScript nothing is saved until the user asks. */
  manual: 'Endringene lagres når du trykker «Lagre».',
  unresolved: (labels: string) =>
    `Ikke lagret: en annen endret ${labels} samtidig. Velg «Behold min» eller «Bruk lagret».`,
  invalid: (labels: string) => `Ikke lagret: rett feilen i ${labels}.`,
  conflictTitle: 'Endret av en annen samtidig',
  conflict: (label: string) => `«${label}» ble endret av en medforfatter mens du skrev.`,
  theirs: 'Lagret verdi',
  mine: 'Din verdi',
  keepMine: 'Behold min',
  useTheirs: 'Bruk lagret',
  empty: '(tomt)',
};
