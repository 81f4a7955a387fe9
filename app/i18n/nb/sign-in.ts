import type { LoginRefusal } from '../../features/auth/domain/helseid';

export const signIn = {
  helseIdTitle: 'Logg inn med HelseID',
  helseIdIntro: 'Du logger inn med BankID, Buypass eller Commfides via HelseID.',
  helseIdButton: 'Logg inn med HelseID',
  helseIdUnavailable:
    'Innloggingen med HelseID svarer ikke akkurat nå. Prøv igjen om litt, eller kontakt brukerstøtte om feilen vedvarer.',
  devTitle: 'Utviklingsinnlogging (bare i utvikling)',
  loginToContinue:
    'Du er ikke logget inn, eller økten din er utløpt etter en stund uten aktivitet. Logg inn for å fortsette. Du kommer tilbake til siden du var på.',
  refusedTitle: 'Du ble ikke logget inn',
  refusals: {
    cancelled: 'Innloggingen ble avbrutt. Du kan prøve igjen.',
    expired:
      'Innloggingen tok for lang tid eller ble startet i en annen fane. Start innloggingen på nytt.',
    providerError:
      'Noe gikk galt i innloggingen med HelseID. Prøv igjen, eller kontakt brukerstøtte om feilen vedvarer.',
    invalidClaims:
      'HelseID sendte ikke opplysningene vi trenger (navn og fødselsnummer). Kontakt brukerstøtte.',
    securityLevel:
      'Du må logge inn på sikkerhetsnivå 4 (BankID, Buypass eller Commfides). Innlogging med lavere sikkerhetsnivå gir ikke tilgang.',
    unknownUser:
      'Du er ikke registrert som bruker i Søknadsportal. Ta kontakt med administratoren i ditt helseforetak for å få tilgang.',
    duplicatePerson:
      'Du er registrert to ganger i Søknadsportal, med HPR-nummer og med fødselsnummer, og har logget inn med begge. Ta kontakt med administratoren i ditt helseforetak, som kan se hvorfor innloggingen ble avvist.',
  } satisfies Record<LoginRefusal, string>,
  tryAgain: 'Prøv å logge inn igjen',
  rateLimited: {
    title: 'For mange forsøk',
    login:
      'Det har kommet for mange innloggingsforsøk fra denne adressen. Vent ett minutt og prøv igjen.',
    search: 'For mange søk på kort tid. Vent litt og prøv igjen.',
    export:
      'Det har kommet for mange nedlastinger av den nasjonale oversikten fra denne adressen. Vent ett minutt og prøv igjen.',
    back: 'Til innloggingen',
    backToNational: 'Til nasjonal oversikt',
  },
};
