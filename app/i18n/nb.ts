import type { Role } from '../features/auth/domain/roles';
import type {
  DecisionOutcome,
  PatientScope,
  Scheme,
  ValidationError,
} from '../features/cases/domain/application';
import type { CaseEvent, Status } from '../features/cases/domain/workflow';
import type { DiagnosisError, DiagnosisSystem } from '../features/diagnoses/domain/diagnosis';

/** Norwegian bokmål. Every other language must have exactly this shape (see Messages). */
export const nb = {
  app: {
    name: 'Søknadsportal',
    tagline: 'Sykehusfinansiert legemiddelbehandling utenfor de ordinære ordningene',
    skipToContent: 'Hopp til hovedinnhold',
    mainNav: 'Hovedmeny',
    myCases: 'Mine saker',
    newApplication: 'Ny søknad',
    logout: 'Logg ut',
    signedInAs: (name: string, trust: string) => `Innlogget som ${name}, ${trust}`,
  },
  login: {
    title: 'Logg inn',
    devNotice:
      'Utviklingsinnlogging: velg en demobruker. I produksjon logger man inn med HelseID, og denne siden finnes ikke.',
    chooseUser: 'Velg bruker',
    submitAs: (name: string) => `Logg inn som ${name}`,
    unknownUser: 'Velg en bruker fra listen.',
    roles: 'Roller',
  },
  roles: {
    applicant: 'Søker (behandlende lege)',
    coAuthor: 'Medforfatter',
    endorser: 'Leder',
    decisionMaker: 'Fagdirektør',
    assessor: 'Vurderingskomité',
    nationalReader: 'Nasjonal leser',
    trustAdmin: 'Administrator',
  } satisfies Record<Role, string>,
  statuses: {
    draft: 'Utkast',
    submitted: 'Til forankring',
    returned: 'Returnert til søker',
    notEndorsed: 'Ikke forankret',
    endorsed: 'Forankret',
    underAssessment: 'Under vurdering',
    awaitingInformation: 'Venter på opplysninger',
    inConsultation: 'På konsultasjon',
    decided: 'Besluttet',
    followUp: 'Oppfølging',
    closed: 'Avsluttet',
    withdrawn: 'Trukket',
  } satisfies Record<Status, string>,
  events: {
    submit: 'Send inn',
    resubmit: 'Send inn på nytt',
    withdraw: 'Trekk søknaden',
    endorse: 'Forankre',
    notEndorse: 'Ikke forankre',
    returnToApplicant: 'Returner til søker',
    startAssessment: 'Start vurdering',
    requestInformation: 'Be om flere opplysninger',
    provideInformation: 'Send opplysninger',
    requestConsultation: 'Konsulter annet helseforetak',
    answerConsultation: 'Svar på konsultasjon',
    cancelConsultation: 'Avslutt konsultasjon',
    decide: 'Fatt beslutning',
    beginFollowUp: 'Start oppfølging',
    recordOutcome: 'Registrer utfall',
    close: 'Avslutt saken',
  } satisfies Record<CaseEvent, string>,
  /** What the reason field is called for each event that takes one. */
  reasonLabels: {
    submit: 'Kommentar',
    resubmit: 'Kommentar',
    withdraw: 'Hvorfor trekkes søknaden?',
    endorse: 'Begrunnelse for forankring',
    notEndorse: 'Begrunnelse for ikke å forankre',
    returnToApplicant: 'Spørsmål til søker',
    startAssessment: 'Kommentar',
    requestInformation: 'Hvilke opplysninger trengs?',
    provideInformation: 'Opplysninger',
    requestConsultation: 'Spørsmål til helseforetaket som konsulteres',
    answerConsultation: 'Svar',
    cancelConsultation: 'Kommentar',
    decide: 'Begrunnelse',
    beginFollowUp: 'Kommentar',
    recordOutcome: 'Utfall (effekt, bivirkninger, fortsatt eller avsluttet)',
    close: 'Kommentar',
  } satisfies Record<CaseEvent, string>,
  schemes: {
    offLabel: 'Utenfor godkjent indikasjon (off-label)',
    noMarketingAuthorisation: 'Uten norsk markedsføringstillatelse',
    unntaksordningen: 'Unntaksordningen (Nye Metoder)',
    tilgangsordningen: 'Tilgangsordningen',
  } satisfies Record<Scheme, string>,
  patientScopes: {
    single: 'Enkeltpasient',
    group: 'Pasientgruppe',
  } satisfies Record<PatientScope, string>,
  outcomes: {
    approved: 'Innvilget',
    approvedWithConditions: 'Innvilget med vilkår',
    rejected: 'Avslått',
  } satisfies Record<DecisionOutcome, string>,
  errors: {
    schemeRequired: 'Velg hvilken ordning søknaden gjelder.',
    patientScopeRequired: 'Velg om søknaden gjelder en enkeltpasient eller en pasientgruppe.',
    patientIdRequired: 'Fyll inn pasientens fødselsnummer.',
    patientIdFormat: 'Fødselsnummeret må være 11 siffer.',
    patientIdInvalid:
      'Fødselsnummeret er ikke gyldig. Sjekk sifrene (fødselsnummer, D-nummer eller H-nummer).',
    patientIdNotForGroup: 'En søknad for en pasientgruppe skal ikke ha fødselsnummer.',
    drugRequired: 'Fyll inn hvilket legemiddel det søkes om.',
    indicationRequired: 'Fyll inn indikasjonen.',
    justificationRequired: 'Fyll inn begrunnelsen for søknaden.',
    tooLong: 'Teksten er for lang.',
    reasonRequired: 'Fyll inn en begrunnelse.',
    outcomeRequired: 'Velg utfall av beslutningen.',
    conditionsRequired: 'Fyll inn vilkårene når søknaden innvilges med vilkår.',
    invalidValue: 'Ugyldig verdi.',
  } satisfies Record<ValidationError, string>,
  problems: {
    conflict:
      'Saken ble endret av noen andre mens du arbeidet med den. Siden er oppdatert med siste versjon; se over og prøv igjen.',
    notFound: 'Fant ikke saken. Den finnes ikke, eller du har ikke tilgang til den.',
    forbidden: 'Du har ikke tilgang til å gjøre dette i saken.',
    invalidTransition: 'Denne handlingen er ikke mulig i sakens nåværende status.',
    errorSummary: 'Rett opp følgende før du går videre:',
    notFoundPage: 'Siden finnes ikke',
    genericError: 'Noe gikk galt',
    genericErrorBody: 'En uventet feil oppstod. Prøv igjen, eller kontakt brukerstøtte.',
  },
  myCases: {
    title: 'Mine saker',
    waiting: 'Venter på deg',
    waitingEmpty: 'Ingen saker venter på deg nå.',
    others: 'Andre saker',
    othersEmpty: 'Ingen andre saker.',
    noCaseRole:
      'Rollen din gir ikke tilgang til enkeltsaker. Nasjonal oversikt og administrasjon kommer i egne moduler.',
    caseNumber: 'Løpenummer',
    drug: 'Legemiddel',
    indication: 'Indikasjon',
    status: 'Status',
    updated: 'Sist endret',
    noCaseNumber: 'Ikke sendt inn',
    open: (label: string) => `Åpne sak ${label}`,
  },
  application: {
    newTitle: 'Ny søknad',
    editTitle: 'Rediger søknad',
    intro:
      'Søknad om sykehusfinansiert legemiddelbehandling. Utkastet lagres når du trykker «Lagre utkast», og du kan fortsette senere.',
    scheme: 'Ordning',
    schemeHelp: 'Hvilken ordning søknaden gjelder.',
    patientScope: 'Søknaden gjelder',
    patientId: 'Pasientens fødselsnummer',
    patientIdHelp: '11 siffer. Fødselsnummer, D-nummer eller H-nummer.',
    drug: 'Legemiddel',
    drugHelp: 'Handelsnavn eller virkestoff, med styrke og form.',
    indication: 'Indikasjon',
    indicationHelp: 'Diagnosen og situasjonen legemiddelet skal brukes ved.',
    justification: 'Begrunnelse',
    justificationHelp:
      'Hvorfor er behandlingen nødvendig, hvilke alternativer er prøvd, og hvilken nytte forventes?',
    department: 'Avdeling',
    saveDraft: 'Lagre utkast',
    submit: 'Send inn søknaden',
    saved: 'Utkastet er lagret.',
  },
  case: {
    title: (label: string) => `Sak ${label}`,
    draftLabel: 'Utkast',
    summary: 'Søknaden',
    applicant: 'Søker',
    department: 'Avdeling',
    trust: 'Helseforetak',
    submittedAt: 'Sendt inn',
    history: 'Historikk',
    historyWhen: 'Tidspunkt',
    historyWho: 'Hvem',
    historyWhat: 'Hendelse',
    historyWhy: 'Begrunnelse',
    created: 'Opprettet',
    actions: 'Handlinger',
    edit: 'Rediger utkastet',
    decision: 'Beslutning',
    decisionOutcome: 'Utfall',
    decisionReason: 'Begrunnelse',
    decisionConditions: 'Vilkår',
    decidedBy: 'Besluttet av',
    decidedAt: 'Tidspunkt',
    conditionsHelp: 'For eksempel evaluering etter et visst antall måneder.',
    noActions: 'Ingen handlinger tilgjengelig for deg i denne statusen.',
    createEvent: 'Søknad opprettet',
    required: '(påkrevd)',
    unsavedText: 'Dette skrev du (det er ikke lagret, kopier det om du trenger det):',
    actionDone: (event: string) => `Utført: ${event}.`,
  },
  diagnoses: {
    systems: {
      ICD10: 'ICD-10',
      ICPC2: 'ICPC-2',
    } satisfies Record<DiagnosisSystem, string>,
    /** A search result or a chosen diagnosis: «C50.9 Ondartet svulst i bryst (ICD-10)». */
    item: (code: string, text: string, system: string) => `${code} ${text} (${system})`,
    searchHelp:
      'Søk på kode eller ord, for eksempel C50.9 eller brystkreft, og velg med piltastene og Enter. Du kan velge flere.',
    typeHelp:
      'Skriv diagnosekodene skilt med komma, for eksempel C50.9, E11.9. Skriv ICPC2: foran ICPC-2-koder, for eksempel ICPC2:X76.',
    typeMore: 'Skriv minst to tegn for å søke.',
    searching: 'Søker …',
    noMatches: 'Ingen diagnoser passer med søket.',
    searchFailed: 'Søket virket ikke. Prøv igjen, eller last siden på nytt.',
    errors: {
      diagnosisUnknown:
        'Ukjent diagnosekode. Velg diagnosene fra listen, eller skriv gyldige ICD-10- eller ICPC-2-koder skilt med komma.',
    } satisfies Record<DiagnosisError, string>,
    /** The same error, naming what was not found («C50.7, brystkreft»). */
    unknownCodes: (codes: string) =>
      `Finner ikke diagnosekoden ${codes}. Velg diagnosene fra listen, eller skriv gyldige ICD-10- eller ICPC-2-koder skilt med komma.`,
  },
  dateTime: (date: Date) =>
    new Intl.DateTimeFormat('nb-NO', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Oslo',
    }).format(date),
};

type Shape<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { [K in keyof T]: Shape<T[K]> };

/** The shape every translation must have. */
export type Messages = Shape<typeof nb>;
