import type { AdminError, RoleHistoryAction } from '../../features/admin/domain/people';
import type {
  AuthEventKind,
  LoginMethod,
  RecordedRefusal,
  SessionEndReason,
} from '../../features/auth/domain/events';
import { formats } from './formats';

export const trustAdmin = {
  usersLink: 'Brukere og roller',
  usersLinkHelp: 'Gi personer tilgang til portalen, og gi eller fjern roller i helseforetaket.',
  departmentsLink: 'Avdelinger',
  departmentsLinkHelp: 'Avdelingene i helseforetaket: legg til, gi nytt navn eller fjern.',
  backToAdmin: 'Tilbake til administrasjon',
  departmentsTitle: 'Avdelinger',
  departmentsIntro: (trust: string) =>
    `Avdelingene i ${trust}. Søkere, medforfattere og ledere får rollen sin i én avdeling.`,
  departmentName: 'Navn på avdelingen',
  departmentRoles: 'Roller',
  departmentCases: 'Saker',
  noDepartments: 'Helseforetaket har ingen avdelinger ennå.',
  addDepartmentTitle: 'Legg til en avdeling',
  addDepartment: 'Legg til avdeling',
  newName: (name: string) => `Nytt navn på ${name}`,
  rename: 'Gi nytt navn',
  renameNamed: (name: string) => `Gi nytt navn: ${name}`,
  remove: 'Fjern',
  removeNamed: (name: string) => `Fjern avdelingen ${name}`,
  departmentCreated: 'Avdelingen er lagt til.',
  departmentRenamed: 'Avdelingen har fått nytt navn.',
  departmentRemoved: 'Avdelingen er fjernet.',
  usersTitle: 'Brukere og roller',
  usersIntro: (trust: string) =>
    `Personer med en rolle i ${trust}. En rolle virker fra neste side personen åpner, og en fjernet rolle slutter å virke med en gang.`,
  noPeople: 'Ingen personer har en rolle i helseforetaket.',
  name: 'Navn',
  title: 'Stilling (valgfritt)',
  titleColumn: 'Stilling',
  email: 'E-post',
  hprNumber: 'HPR-nummer',
  idNumber: 'HPR-nummer eller fødselsnummer',
  idHelp:
    'HPR-nummeret (Helsepersonellregisteret, 4 til 9 sifre) for helsepersonell. Fødselsnummeret (11 sifre) bare for den som ikke har HPR-nummer, for eksempel en økonom i utvalget. Med nummeret kjenner HelseID-innloggingen igjen personen. Fødselsnummeret lagres ikke, bare en kode laget av det.',
  noHpr: 'Ingen (kjent på fødselsnummer)',
  roles: 'Roller',
  role: 'Rolle',
  chooseRole: 'Velg rolle',
  department: 'Avdeling',
  departmentHelp:
    'Bare for søker, medforfatter og leder; de andre rollene gjelder hele helseforetaket.',
  noDepartment: 'Hele helseforetaket',
  roleIn: (role: string, department: string | null) =>
    department ? `${role} (${department})` : role,
  addPersonTitle: 'Legg til en person',
  addPersonIntro:
    'Finnes det allerede en bruker med samme HPR-nummer (for eksempel fra et annet helseforetak), får den brukeren rollen her; navn og e-post endres ikke.',
  addPerson: 'Legg til person',
  personCreated: 'Personen er lagt til med rollen.',
  personExisting:
    'En bruker med dette HPR-nummeret fantes allerede. Rollen er gitt til den eksisterende brukeren.',
  personTitle: (name: string) => `Roller for ${name}`,
  personFacts: 'Opplysninger',
  noRoles: 'Personen har ingen roller i helseforetaket nå.',
  grantTitle: 'Gi en rolle',
  grant: 'Gi rollen',
  revoke: 'Fjern',
  revokeNamed: (role: string) => `Fjern rollen ${role}`,
  granted: 'Rollen er gitt.',
  revoked: 'Rollen er fjernet.',
  historyTitle: 'Historikk',
  noHistory: 'Ingen roller er gitt eller fjernet her ennå.',
  historyWhen: 'Tidspunkt',
  historyWhat: 'Endring',
  historyWho: 'Utført av',
  /** A first administrator, granted from the command line (`npm run admin:first`). */
  historyByOperator: 'Driftsoperatør ved oppstart',
  /** A merge's rows (`mergedFrom`, `mergedInto`): made by the person's own HelseID login. */
  historyByMerge: 'Innlogging med HelseID',
  /** `role` is empty only for a merge's row without a role; `other`: for a merge, the other user. */
  historyEntry: (action: RoleHistoryAction, role: string, other: string | null) => {
    switch (action) {
      case 'granted':
        return `Fikk rollen ${role}`;
      case 'revoked':
        return `Mistet rollen ${role}`;
      case 'mergedFrom':
        return role
          ? `Fikk rollen ${role} fra ${other ?? ''}: samme person var lagt til to ganger, og brukerne ble slått sammen`
          : `Slått sammen med ${other ?? ''}: samme person var lagt til to ganger`;
      case 'mergedInto':
        return `Rollen ${role} ble flyttet til ${other ?? ''}: samme person var lagt til to ganger, og brukerne ble slått sammen`;
    }
  },
  mergedNotice: (name: string) =>
    `Denne brukeren er slått sammen med ${name}. Samme person var lagt til to ganger, med HPR-nummer og med fødselsnummer. Rollene og alt annet er flyttet dit, og brukeren kan ikke få roller her.`,
  mergedLink: (name: string) => `Gå til ${name}`,
  when: (at: Date) => formats.dateTime.format(at),
  loginsTitle: 'Innlogginger',
  loginsIntro: (shown: number) =>
    `Innlogginger, avviste innlogginger, utlogginger, bytte av helseforetak og økter som endte uten utlogging her, nyeste først (de siste ${shown}).`,
  noLogins: 'Ingen innlogginger er registrert her ennå.',
  loginsWhen: 'Tidspunkt',
  loginsWhat: 'Hendelse',
  loginsDetail: 'Detaljer',
  loginsSession: 'Økt',
  authEvents: {
    login: 'Logget inn',
    loginRefused: 'Innlogging avvist',
    logout: 'Logget ut',
    trustChanged: 'Byttet helseforetak',
    sessionEnded: 'Økt avsluttet',
  } satisfies Record<AuthEventKind, string>,
  sessionEnds: {
    idle: 'Økt utløpt (inaktiv)',
    absolute: 'Økt utløpt (maks varighet)',
    replaced: 'Økt erstattet ved ny innlogging',
    trustChanged: 'Økt erstattet ved bytte av helseforetak',
  } satisfies Record<SessionEndReason, string>,
  /** When a session ended; the row's own time is when the server noticed. */
  sessionEndedAt: (at: Date) => `Endte ${formats.dateTime.format(at)}`,
  loginMethods: {
    development: 'Utviklingsinnlogging',
    helseid: 'HelseID',
  } satisfies Record<LoginMethod, string>,
  loginRefusals: {
    securityLevel: 'for lavt sikkerhetsnivå',
    unknownUser: 'ikke registrert bruker med roller',
    duplicatePerson:
      'personen finnes to ganger, lagt til både med HPR-nummer og med fødselsnummer, og har logget inn som begge. Brukerne slås ikke sammen automatisk når begge har vært i bruk; kontakt brukerstøtte for å slå dem sammen',
  } satisfies Record<RecordedRefusal, string>,
  trustChange: (from: string | null, to: string) =>
    from === null ? `Valgte ${to}` : `Fra ${from} til ${to}`,
  errors: {
    nameRequired: 'Skriv navnet.',
    nameTooLong: 'Navnet kan ha høyst 120 tegn.',
    titleTooLong: 'Stillingen kan ha høyst 120 tegn.',
    emailRequired: 'Skriv e-postadressen.',
    emailInvalid: 'Skriv en gyldig e-postadresse, for eksempel navn@sykehus.no.',
    emailTaken:
      'E-postadressen brukes allerede av en annen person. Sjekk HPR-nummeret eller fødselsnummeret, eller bruk en annen adresse.',
    idRequired: 'Skriv HPR-nummeret, eller fødselsnummeret for den som ikke har HPR-nummer.',
    idInvalid: 'Skriv et HPR-nummer (4 til 9 sifre) eller et fødselsnummer (11 sifre), bare sifre.',
    pidInvalid: 'Fødselsnummeret er ikke gyldig. Sjekk de 11 sifrene.',
    roleRequired: 'Velg en rolle.',
    departmentRequired: 'Velg avdelingen rollen gjelder for.',
    departmentNotAllowed:
      'Denne rollen gjelder hele helseforetaket. La avdelingen stå på «Hele helseforetaket».',
    departmentUnknown: 'Velg en avdeling i helseforetaket.',
    alreadyHeld: 'Personen har allerede denne rollen her.',
    departmentNameTaken: 'Helseforetaket har allerede en avdeling med dette navnet.',
    departmentInUse:
      'Avdelingen kan ikke fjernes fordi den har roller eller saker. Fjern rollene først; avdelinger med saker beholdes.',
    departmentChanged:
      'En annen ga avdelingen nytt navn etter at du åpnet siden, så navnet er ikke endret. Navnet som er lagret nå, står i tabellen, og det du skrev, står fortsatt i feltet. Lagre på nytt hvis ditt navn skal gjelde.',
    departmentChangedNotRemoved:
      'En annen ga avdelingen nytt navn etter at du åpnet siden, så den er ikke fjernet. Se over navnet som er lagret nå, og fjern avdelingen på nytt hvis den skal fjernes.',
    lastAdmin:
      'Dette er helseforetakets siste administrator. Gi en annen person administratorrollen før du fjerner denne.',
  } satisfies Record<AdminError, string>,
};
