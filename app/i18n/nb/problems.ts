export const problems = {
  conflict:
    'Saken ble endret av noen andre mens du arbeidet med den. Siden er oppdatert med siste versjon; se over og prøv igjen.',
  notFound: 'Fant ikke saken. Den finnes ikke, eller du har ikke tilgang til den.',
  /** An address no page of the portal has (mistyped, or from an old bookmark). */
  unknownAddress:
    'Adressen finnes ikke i Søknadsportalen. Sjekk at den er skrevet riktig, eller gå til Mine saker.',
  forbidden: 'Du har ikke tilgang til å gjøre dette i saken.',
  /** A page (not a case) the user's roles do not open. */
  forbiddenPageBody:
    'Rollene dine i helseforetaket gir ikke tilgang til denne siden. Trenger du tilgang, kontakt administratoren for Søknadsportal i helseforetaket ditt.',
  ownCase:
    'Du kan ikke forankre, vurdere eller beslutte en søknad du selv har skrevet eller er medforfatter av. En annen leder eller fagdirektør må gjøre det.',
  patientIdentityHidden:
    'Pasientens identitet vises bare for dem som arbeider med saken i det behandlende helseforetaket. Som konsultert helseforetak ser du saken med skjult fødselsnummer.',
  invalidTransition: 'Denne handlingen er ikke mulig i sakens nåværende status.',
  notForScheme:
    'Denne handlingen gjelder ikke for saker etter denne ordningen. Saker etter tilgangsordningen avgjøres av det interregionale fagdirektørmøtet: send saken dit med fagdirektørens vurdering før beslutningen registreres.',
  alreadyDelegated:
    'Forankringen er allerede delegert til en leder. Siden viser hvem; ta delegeringen tilbake først om du vil delegere til en annen.',
  notDelegated: 'Forankringen er ikke delegert, så det er ingen delegering å ta tilbake.',
  consultationClosed:
    'Konsultasjonen er ikke lenger åpen: noen i helseforetaket ditt har allerede svart på den, eller den er trukket tilbake. Svaret ditt er ikke sendt.',
  coAuthorWrote:
    'Medforfatteren har skrevet i søknaden (svar eller vedlegg) og kan ikke fjernes: den som har skrevet i en søknad, står som forfatter av den, og kan derfor ikke forankre, vurdere eller beslutte den.',
  anonymised:
    'Saken er anonymisert etter oppbevaringstiden for pasientopplysninger. Det kan ikke skrives nye meldinger i den.',
  errorSummary: 'Rett opp følgende før du går videre:',
  /** The page title while the page shows what went wrong with a form post. */
  errorTitle: (page: string) => `Feil: ${page}`,
  notFoundPage: 'Siden finnes ikke',
  forbiddenPage: 'Ingen tilgang',
  genericError: 'Noe gikk galt',
  genericErrorBody: 'En uventet feil oppstod. Prøv igjen, eller kontakt brukerstøtte.',
};
