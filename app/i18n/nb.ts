import type { AttachmentNotice, AttachmentProblem } from '../features/attachments/domain/errors';
import type { AttachmentKind } from '../features/attachments/domain/kinds';
import type { Role } from '../features/auth/domain/roles';
import type {
  DecisionOutcome,
  PatientScope,
  Scheme,
  ValidationError,
} from '../features/cases/domain/application';
import type { CaseEvent, Status } from '../features/cases/domain/workflow';

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
  attachments: {
    title: 'Vedlegg',
    none: 'Ingen vedlegg er lagt til.',
    caption: 'Vedlegg til søknaden',
    fileName: 'Fil',
    type: 'Type',
    size: 'Størrelse',
    uploaded: 'Lastet opp',
    actions: 'Handlinger',
    remove: 'Fjern',
    removeLabel: (fileName: string) => `Fjern vedlegget ${fileName}`,
    fileLabel: 'Legg til vedlegg',
    help: (maxSize: string) =>
      `PDF, PNG, JPEG, Word, Excel eller PowerPoint (også eldre .doc og .xls), høyst ${maxSize} per fil. Filtypen sjekkes ut fra innholdet, ikke filnavnet. Vedlegget lagres med en gang.`,
    upload: 'Last opp',
    maxSize: (maxSize: string) => `Største tillatte størrelse er ${maxSize}.`,
    defaultFileName: 'vedlegg',
    kinds: {
      pdf: 'PDF',
      png: 'PNG-bilde',
      jpeg: 'JPEG-bilde',
      docx: 'Word-dokument',
      xlsx: 'Excel-regneark',
      pptx: 'PowerPoint-presentasjon',
      doc: 'Word-dokument (eldre format)',
      xls: 'Excel-regneark (eldre format)',
    } satisfies Record<AttachmentKind, string>,
    notices: {
      added: 'Vedlegget er lagt til.',
      removed: 'Vedlegget er fjernet.',
    } satisfies Record<AttachmentNotice, string>,
    problems: {
      noFile: 'Velg en fil du vil laste opp.',
      empty: 'Filen er tom. Velg en fil med innhold.',
      tooLarge: 'Filen er for stor.',
      typeNotAllowed:
        'Filtypen er ikke tillatt. Du kan laste opp PDF, PNG, JPEG og Word-, Excel- og PowerPoint-dokumenter uten makroer. Filtypen sjekkes ut fra innholdet, så det hjelper ikke å endre filnavnet.',
      unreadable: 'Opplastingen kunne ikke leses. Prøv igjen.',
      notEditable:
        'Vedlegg kan bare legges til eller fjernes av søkeren mens søknaden er et utkast eller returnert til søker.',
    } satisfies Record<AttachmentProblem, string>,
  },
  fileSize: (bytes: number) => {
    const format = (value: number) =>
      new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(value);
    if (bytes < 1024) return `${format(bytes)} byte`;
    if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
    return `${format(bytes / (1024 * 1024))} MB`;
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
