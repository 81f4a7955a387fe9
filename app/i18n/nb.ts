import type { AttachmentNotice, AttachmentProblem } from '../features/attachments/domain/errors';
import type { AttachmentKind } from '../features/attachments/domain/kinds';
import type { CaseRole } from '../features/auth/domain/roles';
import type {
  DecisionOutcome,
  PatientScope,
  Scheme,
  ValidationError,
} from '../features/cases/domain/application';
import type { QuestionId, SectionId } from '../features/cases/domain/questionnaire';
import type {
  Criterion,
  EndorsementVerdict,
  Recommendation,
} from '../features/assessment/domain/criteria';
import type { HistoryNote } from '../features/cases/domain/history';
import type { CaseEvent, Status } from '../features/cases/domain/workflow';
import type {
  ConsultationError,
  ConsultationState,
} from '../features/consultations/domain/consultation';
import type { ConsultationNotice } from '../features/consultations/domain/notices';
import type { MarketingStatus } from '../features/fest/domain/drug';
import type { RouterCode } from '../features/fest/domain/scheme-router';
import type { DiagnosisError, DiagnosisSystem } from '../features/diagnoses/domain/diagnosis';
import type { PhraseError } from '../features/decisions/domain/phrases';
import type { MessageError, MessageVisibility } from '../features/dialog/domain/visibility';
import type { NotificationKind } from '../features/notifications/domain/kinds';
import type { DeadlineError } from '../features/clocks/domain/clocks';
import type { Continuation, Effect, FollowUpError } from '../features/followup/domain/followup';
import type { CohortSettingsError } from '../features/precedents/domain/cohort';

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
    consultant: 'Konsultert helseforetak',
  } satisfies Record<CaseRole, string>,
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
    reviseDecision: 'Revider vedtaket',
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
    reviseDecision: 'Hvorfor revideres vedtaket?',
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
    patientIdFormat: 'Fødselsnummeret må være 11 siffer.',
    patientIdInvalid:
      'Fødselsnummeret er ikke gyldig. Sjekk sifrene (fødselsnummer, D-nummer eller H-nummer).',
    tooLong: 'Teksten er for lang.',
    reasonRequired: 'Fyll inn en begrunnelse.',
    outcomeRequired: 'Velg utfall av beslutningen.',
    conditionsRequired: 'Fyll inn vilkårene når søknaden innvilges med vilkår.',
    invalidValue: 'Ugyldig verdi.',
    answerRequired: 'Dette spørsmålet må besvares før søknaden sendes inn.',
    numberInvalid: 'Skriv et tall (null eller større).',
    diagnosisFormat: 'Ukjent diagnosekode. Velg fra listen, eller skriv for eksempel ICD10:C50.9.',
    levelRequired: 'Velg et nivå på skalaen.',
    ratingTextRequired: 'Skriv en kort begrunnelse for nivået.',
    verdictRequired: 'Velg om du forankrer, returnerer eller ikke forankrer søknaden.',
    commentRequired: 'Skriv en kommentar.',
    recommendationRequired: 'Velg hvilken innstilling komiteen gir.',
    assessorRequired: 'Velg et komitémedlem.',
    recommendationMissing:
      'Komiteen har ikke gitt innstilling ennå. Gi innstilling i vurderingen før beslutningen.',
    conditionsNotAllowed:
      'Vilkår kan bare settes når søknaden innvilges med vilkår. Velg «Innvilget med vilkår», eller fjern vilkårene.',
    evaluationDateRequired: 'Fyll inn evalueringsdato når søknaden innvilges med vilkår.',
    evaluationDateInvalid: 'Skriv evalueringsdatoen som en gyldig dato, for eksempel 2027-03-01.',
    evaluationDateNotFuture: 'Evalueringsdatoen må være etter dagens dato.',
    evaluationDateNotAllowed: 'Et avslag har ingen evalueringsdato. Fjern datoen.',
    onlyWhenApproved: 'Gjelder bare når søknaden innvilges. Velg «Ingen» ved avslag.',
    phraseUnknown: 'Teksten du valgte finnes ikke lenger. Velg en annen.',
  } satisfies Record<ValidationError, string>,
  questionnaire: {
    sections: {
      basis: {
        title: 'Ordning og pasient',
        intro: 'Hvilken ordning søknaden gjelder, og om den gjelder én pasient eller en gruppe.',
      },
      indication: {
        title: 'Indikasjon og diagnoser',
        intro: 'Sykdommen og situasjonen behandlingen skal brukes ved, og hvor alvorlig den er.',
      },
      drug: { title: 'Legemiddel og dosering', intro: 'Hva som skal gis, hvordan og hvor lenge.' },
      alternatives: {
        title: 'Alternativer',
        intro: 'Hva som er prøvd, og hvorfor det ikke er nok.',
      },
      benefit: {
        title: 'Forventet nytte og evaluering',
        intro: 'Hvilken effekt som forventes, og hvordan og når den skal måles.',
      },
      group: {
        title: 'Pasientgruppen',
        intro: 'Hvem søknaden gjelder, hvor mange, og hvem som kan få behandlingen.',
      },
      unntaksordningen: {
        title: 'Unntaksordningen',
        intro:
          'Metoden er under nasjonal vurdering i Nye Metoder. Forklar hvorfor denne pasienten skiller seg fra gruppen som vurderes.',
      },
      tilgangsordningen: {
        title: 'Tilgangsordningen',
        intro:
          'Beslutningsforum har sagt nei. Fagdirektøren vurderer klinisk særegenhet og prioriteringskriteriene før en interregional komité beslutter.',
      },
      cost: { title: 'Kostnader', intro: 'Anslått kostnad for hele behandlingsperioden.' },
      evidence: {
        title: 'Dokumentasjon',
        intro: 'Kunnskapsgrunnlaget for behandlingen, med referanser og eventuelle vedlegg.',
      },
    } satisfies Record<SectionId, { title: string; intro: string }>,
    questions: {
      scheme: {
        label: 'Ordning',
        help: 'Velg ordningen søknaden gjelder. Legemiddelvalget viser hvilken ordning som passer.',
      },
      patientScope: {
        label: 'Søknaden gjelder',
        help: 'En søknad for en pasientgruppe gjelder flere pasienter med samme indikasjon og kriterier.',
      },
      patientId: {
        label: 'Pasientens fødselsnummer',
        help: '11 siffer: fødselsnummer, D-nummer eller H-nummer. Vises bare for dem som behandler saken.',
      },
      consent: {
        label: 'Pasienten er informert og har samtykket til behandlingen',
        help: 'Pasienten skal være informert om at behandlingen er utprøvende eller utenfor godkjent bruk.',
      },
      diagnoses: {
        label: 'Diagnoser',
        help: 'Én eller flere diagnosekoder (ICD-10 eller ICPC-2). Hoveddiagnosen først.',
      },
      indication: {
        label: 'Indikasjon',
        help: 'Beskriv sykdommen, stadium og tidligere forløp, og hva behandlingen skal oppnå.',
      },
      severity: {
        label: 'Alvorlighet',
        help: 'Hvor alvorlig er tilstanden (prioriteringskriteriet alvorlighet)? Tap av gode leveår, prognose uten behandling.',
      },
      drug: {
        label: 'Legemiddel',
        help: 'Søk etter handelsnavn, virkestoff eller ATC-kode. Finnes det ikke i FEST, skriv navnet.',
      },
      dose: {
        label: 'Dose',
        help: 'Dose og doseringsintervall, for eksempel «375 mg/m² ukentlig i 4 uker».',
      },
      route: {
        label: 'Administrasjonsvei',
        help: 'For eksempel intravenøst, subkutant eller peroralt.',
      },
      duration: {
        label: 'Behandlingsvarighet',
        help: 'Planlagt varighet, for eksempel «6 måneder», og når behandlingen skal revurderes.',
      },
      alternativesTried: {
        label: 'Alternativer som er prøvd',
        help: 'Behandlinger som er prøvd, med dose, varighet og resultat.',
      },
      alternativesInsufficient: {
        label: 'Hvorfor er alternativene ikke tilstrekkelige?',
        help: 'Manglende effekt, bivirkninger, kontraindikasjoner eller at alternativer ikke finnes.',
      },
      expectedBenefit: {
        label: 'Forventet nytte',
        help: 'Hvilken effekt forventes, og hva bygger forventningen på (prioriteringskriteriet nytte)?',
      },
      evaluationPlan: {
        label: 'Evaluering',
        help: 'Hvordan og når effekten skal måles, og hva som avgjør om behandlingen fortsetter.',
      },
      population: {
        label: 'Pasientgruppe',
        help: 'Beskriv gruppen: diagnose, stadium, alder og annet som kjennetegner den.',
      },
      expectedPatients: {
        label: 'Forventet antall pasienter per år',
        help: 'Et anslag er nok. Brukes til å beregne samlet ressursbruk.',
      },
      inclusionCriteria: {
        label: 'Inklusjonskriterier',
        help: 'Hvilke kriterier må en pasient oppfylle for å få behandlingen?',
      },
      exclusionCriteria: {
        label: 'Eksklusjonskriterier',
        help: 'Hva utelukker en pasient fra behandlingen?',
      },
      differenceFromAssessedGroup: {
        label: 'Hvordan skiller pasienten seg fra gruppen Nye Metoder vurderer?',
        help: 'Unntaksordningen gjelder enkeltpasienter som skiller seg vesentlig fra gruppen metoden vurderes for.',
      },
      clinicalExceptionality: {
        label: 'Klinisk særegenhet',
        help: 'Hva gjør pasientens kliniske situasjon så særegen at Beslutningsforums nei ikke bør gjelde?',
      },
      packagesPerMonth: {
        label: 'Pakninger per måned',
        help: 'Hvor mange pakninger av legemiddelet som trengs per måned med den planlagte dosen. Brukes til å beregne kostnaden fra FEST-prisen.',
      },
      treatmentMonths: {
        label: 'Antall måneder',
        help: 'Planlagt behandlingsvarighet i måneder, for kostnadsberegningen.',
      },
      costEstimate: {
        label: 'Anslått kostnad (kr)',
        help: 'Legemiddelkostnad for hele perioden. Beregnes fra FEST-pris × dose × varighet der det er mulig.',
      },
      evidence: {
        label: 'Kunnskapsgrunnlag',
        help: 'Studier, retningslinjer og erfaringer som støtter behandlingen, og hvor sterk dokumentasjonen er.',
      },
      references: {
        label: 'Referanser',
        help: 'Én referanse per linje (forfatter, tittel, tidsskrift, år, DOI eller PubMed-ID).',
      },
    } satisfies Record<QuestionId, { label: string; help: string }>,
    yes: 'Ja',
    notAnswered: 'Ikke besvart',
  },
  problems: {
    conflict:
      'Saken ble endret av noen andre mens du arbeidet med den. Siden er oppdatert med siste versjon; se over og prøv igjen.',
    notFound: 'Fant ikke saken. Den finnes ikke, eller du har ikke tilgang til den.',
    forbidden: 'Du har ikke tilgang til å gjøre dette i saken.',
    invalidTransition: 'Denne handlingen er ikke mulig i sakens nåværende status.',
    errorSummary: 'Rett opp følgende før du går videre:',
    notFoundPage: 'Siden finnes ikke',
    forbiddenPage: 'Ingen tilgang',
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
    editTitle: 'Rediger søknad',
  },
  case: {
    title: (label: string) => `Sak ${label}`,
    draftLabel: 'Utkast',
    summary: 'Søknaden',
    about: 'Om saken',
    export: 'Last ned søknaden som JSON',
    applicant: 'Søker',
    department: 'Avdeling',
    submittedAt: 'Sendt inn',
    history: 'Historikk',
    historyWhen: 'Tidspunkt',
    historyWho: 'Hvem',
    historyWhat: 'Hendelse',
    historyWhy: 'Begrunnelse',
    actions: 'Handlinger',
    decisionConditions: 'Vilkår',
    noActions: 'Ingen handlinger tilgjengelig for deg i denne statusen.',
    editApplication: 'Rediger søknaden',
    reviewAndSubmit: 'Se over og send inn',
    required: '(påkrevd)',
    unsavedText: 'Dette skrev du (det er ikke lagret, kopier det om du trenger det):',
    actionDone: (event: string) => `Utført: ${event}.`,
  },
  assessment: {
    criteria: {
      severity: {
        title: 'Alvorlighet',
        help: 'Hvor alvorlig er tilstanden uten behandlingen? Vurder risiko for død, funksjonstap, smerte, psykiske plager og tap av gode leveår.',
        levels: ['Lav', 'Moderat', 'Høy', 'Svært høy'],
      },
      benefit: {
        title: 'Nytte',
        help: 'Forventet helsegevinst av behandlingen: bedre overlevelse, funksjon eller livskvalitet, og hvor sikker dokumentasjonen er.',
        levels: ['Liten', 'Moderat', 'Stor', 'Svært stor'],
      },
      resourceUse: {
        title: 'Ressursbruk',
        help: 'Kostnaden for legemiddelet og for helsetjenesten, sett opp mot nytten. Jo alvorligere tilstand og jo større nytte, jo mer ressursbruk kan forsvares.',
        levels: ['Lav', 'Moderat', 'Høy', 'Svært høy'],
      },
    } satisfies Record<Criterion, { title: string; help: string; levels: readonly string[] }>,
    level: 'Nivå',
    ratingText: 'Begrunnelse',
    levelValue: (level: number, label: string) => `${level} – ${label}`,
    guidanceTitle: 'Veiledning: prioriteringskriteriene og en god søknad',
    guidanceCriteria:
      'Prioriteringsforskriften § 2 sier at nytte, ressursbruk og alvorlighet skal vurderes samlet. Vurder hvert kriterium på skalaen og begrunn kort.',
    guidanceGood: [
      'Indikasjonen og pasientens situasjon er tydelig beskrevet, med diagnosekoder.',
      'Det er begrunnet hvorfor vanlig behandling ikke er tilstrekkelig.',
      'Dokumentasjonen for effekt er oppgitt, med referanser.',
      'Dosering, varighet, kostnad og plan for evaluering er angitt.',
    ],
    guidanceLinks: 'Regelverk',
    lawPriority: 'Prioriteringsforskriften',
    lawPriorityUrl: 'https://lovdata.no/dokument/SF/forskrift/2000-12-01-1208',
    whitePaper: 'Meld. St. 34 (2015–2016) Verdier i pasientens helsetjeneste',
    whitePaperUrl: 'https://www.regjeringen.no/no/dokumenter/meld.-st.-34-20152016/id2502758/',
    endorsementTitle: 'Forankring',
    endorsementIntro:
      'Vurder søknaden etter prioriteringskriteriene, og velg om du forankrer, returnerer med et spørsmål eller ikke forankrer. Du må alltid begrunne valget.',
    verdict: 'Ditt valg',
    verdicts: {
      endorse: 'Forankre søknaden',
      returnToApplicant: 'Returner til søker med et spørsmål',
      notEndorse: 'Ikke forankre søknaden',
    } satisfies Record<EndorsementVerdict, string>,
    verdictPast: {
      endorse: 'Forankret',
      returnToApplicant: 'Returnert',
      notEndorse: 'Ikke forankret',
    } satisfies Record<EndorsementVerdict, string>,
    ratingsOptionalOnReturn: 'Vurderingen er ikke påkrevd når du returnerer med et spørsmål.',
    justification: 'Begrunnelse eller spørsmål til søker (påkrevd)',
    submitEndorsement: 'Send forankringen',
    leadersTitle: 'Deleger eller samarbeid',
    leadersIntro:
      'Deleger forankringen til en annen leder, eller inviter en leder til å samarbeide om vurderingen. De får da tilgang til saken.',
    leader: 'Leder',
    chooseLeader: 'Velg leder',
    leaderKind: 'Hva vil du?',
    leaderKinds: { delegate: 'Deleger forankringen', collaborator: 'Inviter til samarbeid' },
    addLeader: 'Legg til leder',
    leaderAdded: 'Lederen er lagt til og varslet.',
    addedLeaders: 'Ledere lagt til saken',
    noLeaderCandidates: 'Det finnes ingen andre ledere i helseforetaket å legge til.',
    endorsementsTitle: 'Lederens vurdering',
    endorsedBy: (name: string, when: string) => `${name}, ${when}`,
    ratingsCaption: 'Vurdering etter prioriteringskriteriene',
    criterion: 'Kriterium',
    // The complete assessment page
    pageTitle: (label: string) => `Vurdering av sak ${label}`,
    openAssessment: 'Åpne vurderingen (komité)',
    flowIntro:
      'Les søknaden del for del, skriv interne kommentarer, fyll ut prioriteringsskjemaet og gi innstilling før beslutningen. Ingenting her er synlig for søker.',
    notOpen: 'Saken er ikke under vurdering, så vurderingen kan bare leses.',
    backToCase: 'Tilbake til saken',
    internal: 'Intern – ikke synlig for søker',
    committeeTitle: 'Komité',
    noCommittee: 'Ingen komitémedlemmer er tildelt ennå.',
    assessor: 'Komitémedlem',
    chooseAssessor: 'Velg komitémedlem',
    assign: 'Tildel',
    assigned: 'Komitémedlemmet er tildelt og varslet.',
    noAssessors: 'Alle komitémedlemmer i helseforetaket er tildelt.',
    preparationTitle: 'Saksforberedelse',
    preparationLabel: 'Forberedende notater for komiteen',
    preparationSaved: 'Notatene er lagret.',
    lastSavedBy: (name: string, when: string) => `Sist lagret av ${name}, ${when}`,
    savePreparation: 'Lagre notatene',
    sectionsTitle: 'Søknaden del for del',
    comments: 'Interne kommentarer',
    noComments: 'Ingen kommentarer ennå.',
    commentLabel: (section: string) => `Ny kommentar til «${section}»`,
    addComment: 'Legg til kommentar',
    commentAdded: 'Kommentaren er lagt til.',
    worksheetTitle: 'Prioriteringsskjema',
    worksheetIntro:
      'Hvert komitémedlem og medisinsk direktør fyller ut sitt eget skjema. Skjemaene vises side om side.',
    myWorksheet: 'Mitt skjema',
    saveWorksheet: 'Lagre skjemaet',
    worksheetSaved: 'Skjemaet er lagret.',
    sideBySide: 'Skjemaene side om side',
    noWorksheets: 'Ingen har fylt ut skjemaet ennå.',
    leaderColumn: (name: string) => `${name} (leder)`,
    recommendationTitle: 'Innstilling',
    recommendationIntro:
      'Komiteens innstilling til medisinsk direktør. Beslutningen i full vurdering kan tas først når innstillingen er gitt.',
    recommendationOutcome: 'Innstilling',
    recommendations: {
      approved: 'Innvilges',
      approvedWithConditions: 'Innvilges med vilkår',
      rejected: 'Avslås',
    } satisfies Record<Recommendation, string>,
    recommendationText: 'Begrunnelse for innstillingen (påkrevd)',
    giveRecommendation: 'Gi innstilling',
    recommended: 'Innstillingen er gitt.',
    recommendationBy: (name: string, when: string) => `Innstilling fra ${name}, ${when}`,
    conflict:
      'Noen andre lagret notatene mens du skrev. Teksten din er ikke lagret: kopier den, last siden på nytt og prøv igjen.',
  },
  historyNotes: {
    create: 'Søknad opprettet',
    inviteCoAuthor: 'Medforfatter invitert',
    delegateEndorsement: 'Forankring delegert',
    inviteLeader: 'Leder invitert til samarbeid',
    assignCommitteeMember: 'Komitémedlem tildelt',
    recommend: 'Innstilling gitt',
  } satisfies Record<HistoryNote, string>,
  autosave: {
    idle: 'Endringer lagres automatisk mens du skriver.',
    pending: 'Ulagrede endringer …',
    saving: 'Lagrer …',
    saved: (time: string) => `Alt er lagret (${time}).`,
    failed: 'Kunne ikke lagre. Prøver igjen automatisk – ikke lukk siden.',
    closed: 'Søknaden kan ikke lenger endres her. Last siden på nytt for å se hvorfor.',
    conflictTitle: 'Endret av en annen samtidig',
    conflict: (label: string) => `«${label}» ble endret av en medforfatter mens du skrev.`,
    theirs: 'Lagret verdi',
    mine: 'Din verdi',
    keepMine: 'Behold min',
    useTheirs: 'Bruk lagret',
    empty: '(tomt)',
  },
  edit: {
    sections: 'Deler av søknaden',
    complete: 'fullført',
    missing: (n: number) => (n === 1 ? '1 mangler' : `${n} mangler`),
    save: 'Lagre',
    toSummary: 'Se over og send inn',
    saved: 'Endringene er lagret.',
    notSaved: 'Noen felt ble ikke lagret. Se feilmeldingene.',
    conflicts:
      'Noen felt ble endret av en medforfatter samtidig. Dine verdier står i skjemaet; lagre igjen for å beholde dem.',
  },
  summary: {
    title: 'Oppsummering',
    intro: 'Se over søknaden før du sender den inn. Du kan gå tilbake og endre hver del.',
    missingTitle: 'Dette mangler før søknaden kan sendes inn:',
    complete: 'Alt er fylt ut. Søknaden kan sendes inn.',
    editSection: (title: string) => `Endre ${title.toLowerCase()}`,
    submit: 'Send inn søknaden',
    resubmit: 'Send inn på nytt',
    back: 'Tilbake til skjemaet',
  },
  coAuthors: {
    title: 'Medforfattere',
    none: 'Ingen medforfattere ennå.',
    colleague: 'Kollega i samme helseforetak',
    invite: 'Inviter som medforfatter',
    invited: (name: string) => `${name} er invitert som medforfatter.`,
    noColleagues: 'Ingen flere kolleger å invitere.',
    choose: 'Velg kollega',
  },
  changes: {
    title: 'Endringer i søknaden',
    who: 'Hvem',
    what: 'Spørsmål',
    when: 'Tidspunkt',
    none: 'Ingen endringer registrert.',
  },
  cost: {
    computed: (total: string, aup: string, packages: string, months: string) =>
      `Beregnet fra FEST-prisen: ${total} (AUP ${aup} per pakning × ${packages} pakninger per måned × ${months} måneder).`,
    needsNumbers: (aup: string) =>
      `Laveste AUP i FEST er ${aup} per pakning. Fyll inn pakninger per måned og antall måneder, så beregnes kostnaden.`,
    use: 'Bruk beregnet kostnad',
  },
  router: {
    title: 'Finn riktig ordning',
    intro:
      'Velg legemiddelet og svar på tre spørsmål, så foreslår vi ordning og sier hva mer som trengs – før du bruker tid på søknaden.',
    approved: 'Er indikasjonen godkjent i preparatomtalen?',
    approvedYes: 'Ja',
    approvedNo: 'Nei, bruken er utenfor godkjent indikasjon',
    approvedUnknown: 'Vet ikke',
    assessment: 'Metoden er under nasjonal vurdering i Nye Metoder',
    rejected: 'Beslutningsforum har sagt nei til metoden',
    situation: 'Situasjonen',
    submit: 'Foreslå ordning',
    suggestion: (scheme: string) => `Forslag: ${scheme}`,
    chooseBelow: 'Forslaget er valgt nedenfor. Du kan velge en annen ordning.',
  },
  start: {
    title: 'Ny søknad',
    intro:
      'Velg ordning og om søknaden gjelder én pasient eller en gruppe. Resten av skjemaet tilpasses valgene, og alt lagres automatisk.',
    start: 'Start søknaden',
  },
  time: (date: Date) =>
    new Intl.DateTimeFormat('nb-NO', { timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(date),
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
  fest: {
    marketingStatuses: {
      marketed: 'Markedsført',
      notMarketed: 'Ikke markedsført',
      withdrawn: 'Ikke lenger i FEST',
    } satisfies Record<MarketingStatus, string>,
    requiresExemption: 'Krever godkjenningsfritak',
    search: {
      empty: 'Ingen treff i FEST. Står ikke legemiddelet der, kan du skrive navnet selv.',
      resultSingular: '%d treff',
      resultPlural: '%d treff',
      clear: 'Tøm feltet',
      failed: 'Søket i FEST virker ikke akkurat nå. Du kan skrive navnet selv.',
    },
    facts: {
      title: (name: string) => `Om ${name}`,
      atc: 'ATC-kode',
      form: 'Legemiddelform',
      substances: 'Virkestoff og styrke',
      preparattype: 'Preparattype',
      reseptgruppe: 'Reseptgruppe',
      cheapestAup: 'Laveste utsalgspris (AUP)',
      aupForPack: (price: string, pack: string) => `${price} for ${pack}`,
      noPrice: 'Ingen pris i FEST',
      refund: 'Refusjon',
      bluePrescription: 'Blå resept (folketrygdloven § 5-14)',
      hPrescription: 'H-resept (helseforetaket betaler)',
      noRefund: 'Ingen refusjon registrert',
      spc: 'Preparatomtale (SPC)',
      felleskatalogen: 'Søk i Felleskatalogen',
      newTab: '(åpnes i ny fane)',
      noSpc: 'FEST har ingen lenke til preparatomtalen.',
      exemptionNote:
        'Legemiddelet har ikke norsk markedsføringstillatelse. Apoteket trenger godkjenningsfritak fra DMP.',
      withdrawnNote: 'Legemiddelet er ikke lenger i FEST. Opplysningene er slik de var sist.',
      source: 'Kilde: FEST, Direktoratet for medisinske produkter (NLOD).',
    },
    router: {
      notNeeded: 'Ingen søknad til helseforetaket trengs',
      codes: {
        notInFest:
          'Legemiddelet finnes ikke i FEST. Legemidler uten norsk markedsføringstillatelse står vanligvis ikke der.',
        withdrawnFromFest:
          'Legemiddelet er ikke lenger i FEST. Sjekk om det fortsatt har markedsføringstillatelse i Norge.',
        notMarketedInNorway:
          'Legemiddelet har markedsføringstillatelse, men er ikke markedsført i Norge nå.',
        dmpExemption:
          'Apoteket må ha godkjenningsfritak fra Direktoratet for medisinske produkter (DMP). Legen fyller ut søknaden, og apoteket sender den.',
        pharmacyPreparation:
          'Preparatet lages av et norsk apotek (NAF- eller sykehuspreparat). Det har ikke markedsføringstillatelse, men trenger ikke godkjenningsfritak.',
        indicationUnknown:
          'Svar på om indikasjonen er godkjent (se preparatomtalen), så finner vi riktig ordning.',
        helfoSection3:
          'Legemiddelet er i blåreseptordningen. Vurder først å søke HELFO om individuell stønad (blåreseptforskriften § 3).',
        bluePrescription:
          'Indikasjonen er godkjent og legemiddelet er i blåreseptordningen. Det forskrives på blå resept, uten søknad til helseforetaket.',
        hPrescription:
          'Legemiddelet er et H-reseptlegemiddel. Helseforetaket dekker det etter sine vanlige rutiner.',
        interregionalCommittee:
          'Fagdirektøren vurderer om pasienten er klinisk eksepsjonell og om prioriteringskriteriene er oppfylt. Deretter avgjør et interregionalt utvalg søknaden.',
      } satisfies Record<RouterCode, string>,
    },
    nok: (amount: number) =>
      new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK' }).format(amount),
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
  decisionModule: {
    section: 'Vedtak',
    formTitle: 'Fatt beslutning',
    reviseTitle: 'Revider vedtaket',
    pageTitle: (label: string) => `Vedtak i sak ${label}`,
    backToCase: 'Tilbake til saken',
    outcome: 'Utfall',
    reasonPhrase: 'Standardbegrunnelse',
    reasonPhraseHelp: 'Valgfritt. Teksten settes foran det du skriver selv.',
    none: 'Ingen',
    reason: 'Begrunnelse',
    reasonHelp:
      'Begrunn vedtaket ut fra prioriteringskriteriene: alvorlighet, nytte og ressursbruk.',
    conditionPhrases: 'Standardvilkår',
    conditions: 'Andre vilkår',
    conditionsHelp: 'Ett vilkår per linje. Vilkår settes bare når søknaden innvilges med vilkår.',
    evaluationDate: 'Evalueringsdato',
    evaluationDateHelp:
      'Påkrevd ved innvilgelse med vilkår, valgfri ved innvilgelse, ingen ved avslag. Må være fram i tid.',
    prescriptionNote: 'Reseptmerknad',
    prescriptionNoteHelp: 'Løpenummeret settes inn automatisk.',
    invoicing: 'Faktureringsrutine',
    revisionReason: 'Hvorfor revideres vedtaket?',
    revisionHelp: 'Vedtaket lagres som en ny versjon. Tidligere versjoner endres ikke.',
    submit: 'Fatt beslutning',
    submitRevision: 'Lagre ny versjon av vedtaket',
    noPhrases: 'Helseforetaket har ingen slike tekster ennå.',
    current: (version: number) => `Gjeldende vedtak (versjon ${version})`,
    heading: (outcome: string) => `Beslutning: ${outcome}`,
    earlier: 'Tidligere versjoner',
    supersededBy: (version: number) => `Erstattet av versjon ${version}`,
    versionLabel: (version: number) => `Versjon ${version}`,
    decidedBy: 'Besluttet av',
    decidedAt: 'Tidspunkt',
    fullText: 'Vedtaksteksten',
    letter: (version: number) => `Last ned vedtaksbrev (PDF), versjon ${version}`,
    guidance: {
      title: 'Veiledning og regelverk',
      intro:
        'Vurder søknaden etter prioriteringskriteriene (alvorlighet, nytte og ressursbruk). Beslutningen skal være begrunnet, og vilkår og evaluering skal gjøre det mulig å følge opp effekten.',
      priority: 'Prioriteringsforskriften',
      priorityNote: 'Kriteriene for prioritering i spesialisthelsetjenesten.',
      drugRegulation: 'Legemiddelforskriften § 2-5 (godkjenningsfritak)',
      drugRegulationNote: 'Bruk av legemidler uten norsk markedsføringstillatelse.',
      specialistAct: 'Spesialisthelsetjenesteloven',
      specialistActNote: 'Helseforetakenes ansvar og pasientens rettigheter.',
      newMethods: 'Nye Metoder',
      newMethodsNote: 'Nasjonale beslutninger om nye metoder og legemidler.',
    },
    text: {
      decision: 'Vedtak',
      reason: 'Begrunnelse',
      conditions: 'Vilkår',
      evaluationDate: 'Evalueringsdato',
      prescriptionNote: 'Reseptmerknad',
      invoicing: 'Fakturering',
    },
    letterText: {
      title: 'Vedtak om sykehusfinansiert legemiddelbehandling',
      caseNumber: 'Løpenummer',
      trust: 'Helseforetak',
      department: 'Avdeling',
      patient: 'Pasient (fødselsnummer)',
      group: 'Pasientgruppe',
      scheme: 'Ordning',
      drug: 'Legemiddel',
      diagnoses: 'Diagnoser (ICD-10)',
      indication: 'Indikasjon',
      outcome: 'Vedtak',
      reason: 'Begrunnelse',
      conditions: 'Vilkår',
      evaluationDate: 'Evalueringsdato',
      prescriptionNote: 'Reseptmerknad',
      invoicing: 'Fakturering',
      signed: 'Vedtatt av',
      date: 'Dato',
      version: (version: number) => `Versjon ${version} av vedtaket`,
      superseded: (version: number) => `Denne versjonen er erstattet av versjon ${version}.`,
      fileName: (caseNumber: string, version: number) => `vedtak-${caseNumber}-v${version}.pdf`,
      footer: 'Til pasientjournalen. Generert av Søknadsportal.',
    },
    phrases: {
      adminTitle: 'Administrasjon',
      adminIntro: (trust: string) => `Innstillinger for ${trust}.`,
      phrasesLink: 'Vedtakstekster',
      phrasesLinkHelp:
        'Reseptmerknader, faktureringsrutiner, standardvilkår og standardbegrunnelser.',
      deadlinesLink: 'Frister',
      deadlinesLinkHelp: 'Frister og påminnelser for saksbehandlingen.',
      cohortLink: 'Kohortsignal',
      cohortLinkHelp: 'Når fagdirektøren varsles om flere like søknader for enkeltpasienter.',
      title: 'Vedtakstekster',
      intro:
        'Tekstene kan velges når vedtak fattes. En reseptmerknad kan inneholde {løpenummer}, som byttes ut med sakens løpenummer.',
      readOnly: 'Du kan se tekstene, men bare administrator kan endre dem.',
      kinds: {
        reason: 'Standardbegrunnelser',
        condition: 'Standardvilkår',
        prescriptionNote: 'Reseptmerknader',
        invoicing: 'Faktureringsrutiner',
      },
      kindSingular: {
        reason: 'Standardbegrunnelse',
        condition: 'Standardvilkår',
        prescriptionNote: 'Reseptmerknad',
        invoicing: 'Faktureringsrutine',
      },
      kind: 'Type tekst',
      titleField: 'Tittel',
      titleHelp: 'Kort navn som vises i valglisten.',
      textField: 'Tekst',
      sortOrder: 'Rekkefølge',
      sortOrderHelp: 'Et helt tall; lavest vises først.',
      status: 'Status',
      active: 'Aktiv',
      inactive: 'Deaktivert',
      add: 'Legg til tekst',
      addTitle: 'Ny tekst',
      save: 'Lagre endringene',
      edit: (title: string) => `Rediger «${title}»`,
      editTitle: 'Rediger tekst',
      deactivate: 'Deaktiver',
      activate: 'Aktiver igjen',
      empty: 'Ingen tekster.',
      created: 'Teksten er lagt til.',
      saved: 'Endringene er lagret.',
      deactivated: 'Teksten er deaktivert. Den kan ikke lenger velges i nye vedtak.',
      activated: 'Teksten er aktiv igjen.',
      backToList: 'Tilbake til vedtakstekstene',
      notFound: 'Fant ikke teksten.',
      forbidden: 'Bare administrator kan endre vedtakstekstene.',
      errors: {
        kindRequired: 'Velg hvilken type tekst dette er.',
        titleRequired: 'Fyll inn en tittel.',
        titleTooLong: 'Tittelen kan ha høyst 120 tegn.',
        textRequired: 'Fyll inn teksten.',
        textTooLong: 'Teksten kan ha høyst 2000 tegn.',
        sortOrderInvalid: 'Skriv rekkefølgen som et helt tall fra 0 til 9999.',
        placeholderOnlyInNote: '{løpenummer} kan bare brukes i reseptmerknader.',
      } satisfies Record<PhraseError, string>,
    },
  },
  consultations: {
    title: 'Konsultasjon av annet helseforetak',
    none: 'Saken har ikke vært sendt på konsultasjon.',
    requestTitle: 'Konsulter annet helseforetak',
    requestHelp:
      'Fagdirektør eller vurderingskomité i helseforetaket du velger, får lesetilgang til denne ene saken til og med fristen, til de har svart eller til du trekker konsultasjonen tilbake. Hver lesing logges.',
    trust: 'Helseforetak',
    chooseTrust: 'Velg helseforetak',
    question: 'Spørsmål',
    deadline: 'Frist',
    deadlineHelp: (max: number) => `Til og med denne datoen, høyst ${max} dager fram i tid.`,
    send: 'Send konsultasjon',
    requestedBy: 'Spurt av',
    consultedTrust: 'Konsultert helseforetak',
    answer: 'Svar',
    answeredBy: 'Svart av',
    revokedAt: 'Trukket tilbake',
    revoke: 'Trekk tilbake',
    revokeHint: 'Lesetilgangen stanser straks, og saken går tilbake til vurdering.',
    states: {
      open: 'Venter på svar',
      expired: 'Fristen er ute',
      answered: 'Besvart',
      revoked: 'Trukket tilbake',
    } satisfies Record<ConsultationState, string>,
    item: (trust: string) => `Konsultasjon av ${trust}`,
    banner: (deadline: string) => `Du har lesetilgang som konsultert helseforetak til ${deadline}`,
    bannerDetail: (trust: string) =>
      `${trust} ber om deres vurdering av saken. Dere kan lese saken og svare, men ikke endre noe. Hver lesing logges.`,
    askedBy: (name: string, trust: string) => `Spørsmål fra ${name}, ${trust}`,
    answerTitle: 'Svar på konsultasjonen',
    answerLabel: 'Svaret ditt',
    answerHelp:
      'Svaret legges i saken hos helseforetaket som spurte. Lesetilgangen stanser når du har svart.',
    sendAnswer: 'Send svar',
    backToCase: 'Tilbake til saken',
    done: {
      requested: 'Konsultasjonen er sendt.',
      revoked: 'Konsultasjonen er trukket tilbake.',
      answered: 'Svaret er sendt. Lesetilgangen til saken er avsluttet.',
      refused:
        'Konsultasjonen kunne ikke trekkes tilbake: saken er endret eller konsultasjonen er allerede avsluttet. Se over og prøv igjen.',
    } satisfies Record<ConsultationNotice, string>,
    toUs: 'Konsultasjoner til oss',
    toUsEmpty: 'Ingen andre helseforetak venter på svar fra dere.',
    toUsCase: 'Sak',
    toUsFrom: 'Fra',
    toUsDeadline: 'Frist',
    toUsAsked: 'Spurt',
    /** A date (YYYY-MM-DD) as Norwegians write it. */
    date: (isoDate: string) =>
      new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T00:00:00Z`),
      ),
    errors: {
      trustRequired: 'Velg helseforetaket som skal konsulteres.',
      questionRequired: 'Skriv spørsmålet til helseforetaket.',
      answerRequired: 'Skriv svaret før du sender.',
      tooLong: 'Teksten er for lang.',
      deadlineRequired: 'Skriv fristen som en gyldig dato, for eksempel 2026-12-24.',
      deadlinePast: 'Fristen kan ikke være tilbake i tid.',
      deadlineTooFar: 'Fristen kan være høyst 90 dager fram i tid.',
    } satisfies Record<ConsultationError, string>,
  },
  dateTime: (date: Date) =>
    new Intl.DateTimeFormat('nb-NO', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Oslo',
    }).format(date),
  dialog: {
    title: 'Dialog',
    intro:
      'Meldinger mellom søker, leder og fagdirektør eller vurderingskomité. Interne notater ser bare saksbehandlerne.',
    empty: 'Ingen meldinger ennå.',
    visibility: {
      case: 'Synlig for søker og saksbehandlere',
      internal: 'Intern – ikke synlig for søker',
    } satisfies Record<MessageVisibility, string>,
    author: (name: string, role: string) => `${name} (${role})`,
    newMessage: 'Ny melding',
    body: 'Melding',
    bodyHelp: 'Skriv ikke mer om pasienten enn saken trenger.',
    visibilityLegend: 'Hvem skal se meldingen?',
    send: 'Send melding',
    sent: 'Meldingen er sendt.',
    readOnly: 'Du kan lese dialogen, men ikke skrive i den.',
    pageTitle: (label: string) => `Dialog i sak ${label}`,
    backToCase: 'Tilbake til saken',
    errors: {
      messageRequired: 'Skriv en melding.',
      messageTooLong: 'Meldingen er for lang (høyst 5000 tegn).',
      visibilityInvalid: 'Velg hvem som skal se meldingen.',
    } satisfies Record<MessageError, string>,
  },
  notifications: {
    title: 'Varsler',
    navLink: (unread: number) => (unread > 0 ? `Varsler (${unread} uleste)` : 'Varsler'),
    empty: 'Du har ingen varsler.',
    unread: 'Ulest',
    read: 'Lest',
    markRead: 'Merk som lest',
    markAllRead: 'Merk alle som lest',
    markedRead: 'Varselet er merket som lest.',
    markedAllRead: 'Alle varsler er merket som lest.',
    when: 'Tidspunkt',
    what: 'Hendelse',
    case: 'Sak',
    status: 'Status',
    openCase: (label: string) => `Åpne sak ${label}`,
    otherTrustCase: 'Sak i et annet helseforetak',
    noCase: '–',
    kinds: {
      caseSubmitted: 'En søknad er sendt inn og venter på forankring.',
      caseReturned: 'Søknaden er sendt tilbake til søker.',
      caseEndorsed: 'Søknaden er forankret.',
      caseNotEndorsed: 'Søknaden er ikke forankret.',
      caseDecided: 'Det er fattet beslutning i saken.',
      informationRequested: 'Det er bedt om mer informasjon i saken.',
      informationProvided: 'Søker har gitt mer informasjon i saken.',
      messagePosted: 'Det er en ny melding i saken.',
      coAuthorInvited: 'Du er invitert som medforfatter på en søknad.',
      leaderInvited:
        'En leder har delegert forankringen til deg eller invitert deg til å samarbeide om den.',
      committeeAssigned: 'Du er tildelt som komitémedlem i en sak.',
      consultationRequested: 'Det er bedt om konsultasjon i en sak.',
      consultationAnswered: 'En konsultasjon er besvart.',
      stageReminder: 'En sak venter på deg.',
      stageEscalation: 'En sak har ventet for lenge.',
      followUpDue: 'Det er tid for å registrere utfallet av behandlingen.',
    } satisfies Record<NotificationKind, string>,
    genericKind: 'Det er en ny hendelse i saken.',
    mailSubject: (caseNumber: string | null) =>
      caseNumber ? `Ny hendelse i sak ${caseNumber}` : 'Ny hendelse i Søknadsportal',
    mailBody: (caseNumber: string | null, what: string, link: string) =>
      [
        caseNumber
          ? `Det er en ny hendelse i sak ${caseNumber}.`
          : 'Det er en ny hendelse i Søknadsportal.',
        what,
        '',
        `Logg inn for å se saken: ${link}`,
        '',
        'Denne e-posten er sendt automatisk og kan ikke besvares. Den inneholder ingen pasientopplysninger.',
      ].join('\n'),
    devMailbox: {
      title: 'Utviklingspostkasse',
      notice:
        'E-post som ville blitt sendt, fanges her fordi SMTP_URL ikke er satt. Siden finnes bare i utvikling.',
      empty: 'Ingen e-post er sendt ennå.',
      to: 'Til',
      subject: 'Emne',
    },
  },
  clocks: {
    sectionTitle: 'Frister og oppfølging',
    urgentTag: 'Haster',
    overdueTag: 'Forfalt',
    urgencyTitle: 'Hastesak',
    urgencyIntro:
      'En hastesak får kortere frister i hver fase. Begrunn hvorfor saken haster, så de som skal behandle den forstår det.',
    urgencyReason: 'Hvorfor haster saken?',
    urgencyBy: (name: string, when: string) => `Merket som hastesak av ${name}, ${when}.`,
    markUrgent: 'Merk som hastesak',
    unmarkUrgent: 'Fjern hastemerkingen',
    notUrgent: 'Saken er ikke merket som hastesak.',
    urgencyMarked: 'Saken er merket som hastesak.',
    urgencyUnmarked: 'Hastemerkingen er fjernet.',
    urgencyPageTitle: 'Hastesak',
    deadlineTitle: 'Frist i nåværende fase',
    currentDue: (stage: string, date: string, days: string) =>
      `Fasen «${stage}» har frist ${date} (${days}).`,
    overdue: 'Fristen er passert.',
    dayCount: (days: number, urgent: boolean) =>
      `${days} ${days === 1 ? 'dag' : 'dager'}${urgent ? ' for hastesaker' : ''}`,
    stageTimesTitle: 'Tid i hver fase',
    dueColumn: 'Frist i fasen',
    stageColumn: 'Fase',
    visitsColumn: 'Antall ganger',
    timeColumn: 'Tid',
    ongoing: 'pågår',
    duration: (days: number, hours: number, minutes: number) =>
      days > 0
        ? `${days} døgn ${hours} t`
        : hours > 0
          ? `${hours} t ${minutes} min`
          : `${minutes} min`,
    deadlinesPageTitle: 'Frister for saksbehandlingen',
    deadlinesIntro:
      'Fristene gjelder for hver fase i helseforetaket, i hele dager fra saken kom inn i fasen. Hastesaker får den korte fristen. Når en frist er passert, får den som skal handle en påminnelse; fagdirektøren varsles hvis saken fortsatt står stille.',
    normalDays: 'Frist (dager)',
    urgentDays: 'Frist for hastesaker (dager)',
    saveDeadlines: 'Lagre fristene',
    deadlinesSaved: 'Fristene er lagret.',
    deadlineErrors: {
      daysRequired: 'Skriv antall dager.',
      daysInvalid: 'Skriv et helt antall dager fra 0 til 365.',
      urgentLonger: 'Fristen for hastesaker kan ikke være lengre enn den vanlige fristen.',
    } satisfies Record<DeadlineError, string>,
    followUpTitle: 'Oppfølging',
    evaluationDate: 'Evalueringsdato',
    outcomeFormTitle: 'Registrer utfallet av behandlingen',
    outcomeIntro:
      'Evalueringsdatoen er nådd. Registrer hvordan behandlingen virket. Saken avsluttes når utfallet er registrert.',
    effect: 'Effekt av behandlingen',
    effects: {
      good: 'God effekt',
      partial: 'Delvis effekt',
      none: 'Ingen effekt',
      unknown: 'Ukjent',
    } satisfies Record<Effect, string>,
    sideEffects: 'Bivirkninger',
    sideEffectsHelp: 'Beskriv bivirkninger, eller la feltet stå tomt om det ikke var noen.',
    continuation: 'Behandlingen',
    continuations: {
      continued: 'Fortsetter',
      stopped: 'Er avsluttet',
    } satisfies Record<Continuation, string>,
    stopReason: 'Hvorfor ble behandlingen avsluttet? (påkrevd når den er avsluttet)',
    recordOutcome: 'Registrer utfallet',
    outcomeRecorded: 'Utfallet er registrert, og saken er avsluttet.',
    outcomeTitle: 'Utfall av behandlingen',
    outcomeBy: 'Registrert av',
    outcomeAt: 'Tidspunkt',
    noSideEffects: 'Ingen oppgitt',
    outcomePageTitle: 'Registrer utfall',
    followUpErrors: {
      effectRequired: 'Velg hvordan behandlingen virket.',
      continuationRequired: 'Velg om behandlingen fortsetter eller er avsluttet.',
      stopReasonRequired: 'Skriv hvorfor behandlingen ble avsluttet.',
      reasonRequired: 'Skriv hvorfor saken haster.',
      tooLong: 'Teksten er for lang (høyst 10 000 tegn).',
    } satisfies Record<FollowUpError, string>,
    linksTitle: 'Tidligere og nye søknader',
    previousCase: 'Tidligere søknad',
    nextCase: 'Ny søknad',
    caseLabel: (caseNumber: string | null) => caseNumber ?? 'utkast',
    reapplyIntro:
      'Du kan søke på nytt med denne søknaden som utgangspunkt. Svarene kopieres til et nytt utkast som du går gjennom før du sender.',
    reapply: 'Start ny søknad fra denne',
    backToCase: 'Tilbake til saken',
  },
  precedents: {
    panelTitle: 'Tidligere vedtak',
    panelIntro:
      'Vedtak i alle helseforetak om samme virkestoff eller ATC-gruppe og samme hovedindikasjon, mest like og nyeste først.',
    needDrugAndDiagnosis:
      'Velg legemiddel og diagnose (og lagre) for å se tidligere vedtak i andre helseforetak.',
    none: 'Ingen tidligere vedtak om samme legemiddel og indikasjon.',
    count: (shown: number, total: number) =>
      total > shown ? `Viser ${shown} av ${total} vedtak.` : `${total} vedtak.`,
    totals: 'Utfall i alle treff',
    underFive: 'under 5',
    trust: 'Helseforetak',
    caseNumber: 'Løpenummer',
    outcome: 'Utfall',
    conditions: 'Vilkår',
    decidedAt: 'Vedtatt',
    match: 'Treff',
    matchLabel: (exactDrug: boolean, exactIndication: boolean) =>
      `${exactDrug ? 'Samme legemiddel' : 'Samme ATC-gruppe'}, ${exactIndication ? 'samme diagnose' : 'samme diagnosekategori'}`,
    openSummary: (caseNumber: string) => `Åpne nasjonalt sammendrag for ${caseNumber}`,
    variationLink: 'Se variasjon mellom helseforetakene',
    forDrug: (drug: string, diagnosis: string) => `For ${drug} ved ${diagnosis}`,
    loading: 'Henter tidligere vedtak …',
    summaryTitle: (caseNumber: string) => `Nasjonalt sammendrag: ${caseNumber}`,
    summaryIntro: 'Sammendrag uten personopplysninger, delt mellom alle helseforetak.',
    notFoundTitle: 'Fant ikke saken',
    notFound: (caseNumber: string) =>
      `Det finnes ingen sak med løpenummer ${caseNumber} i den nasjonale oversikten. Kontroller nummeret.`,
    fields: {
      trust: 'Helseforetak',
      status: 'Status',
      scheme: 'Ordning',
      scope: 'Gjelder',
      drug: 'Legemiddel',
      substance: 'Virkestoff',
      atc: 'ATC-kode',
      indication: 'Indikasjon',
      otherDiagnoses: 'Andre diagnoser',
      submittedAt: 'Sendt inn',
      decidedAt: 'Vedtatt',
      outcome: 'Utfall',
      conditions: 'Vilkår',
      evaluationDate: 'Evalueringsdato',
      processing: 'Saksbehandlingstid',
      followUp: 'Oppfølging',
      retrospective: 'Etterregistrert',
    },
    stagesTitle: 'Tid per steg',
    stage: 'Steg',
    time: 'Tid',
    retrospectiveTag: 'Etterregistrert',
    retrospectiveText: 'Registrert i ettertid med opprinnelige datoer.',
    continued: 'Behandlingen fortsetter',
    stopped: 'Behandlingen er avsluttet',
    notFollowedUp: 'Ikke fulgt opp ennå',
    notDecided: 'Ikke besluttet ennå',
    days: (days: number) =>
      `${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(days)} ${days === 1 ? 'dag' : 'dager'}`,
    notKnown: '–',
    variationTitle: 'Variasjon mellom helseforetakene',
    variationIntro:
      'Vedtak om samme legemiddel (ATC-kode) og hovedindikasjon per helseforetak. Tall under 5 vises ikke.',
    variationFormTitle: 'Velg legemiddel og indikasjon',
    atcLabel: 'ATC-kode',
    atcDescription: 'For eksempel L01FA01',
    diagnosisLabel: 'Diagnosekode',
    diagnosisDescription: 'For eksempel ICD10:N04.2',
    show: 'Vis',
    badQuery:
      'Skriv en gyldig ATC-kode (for eksempel L01FA01) og diagnosekode (for eksempel ICD10:N04.2).',
    variationCaption: (atc: string, diagnosis: string) =>
      `Vedtak om ${atc} ved ${diagnosis} per helseforetak`,
    decisions: 'Vedtak',
    approvalRate: 'Andel innvilget',
    medianDays: 'Median behandlingstid',
    p90Days: '90-persentil behandlingstid',
    national: 'Hele landet',
    noDecisions: 'Ingen vedtak om dette legemiddelet ved denne indikasjonen.',
    percent: (share: number) =>
      new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 }).format(share),
    warningTitle: 'Vedtaket avviker fra nasjonal praksis',
    warningRejecting: (share: string, total: number) =>
      `${share} av ${total} vedtak i landet om samme legemiddel og hovedindikasjon er innvilget. Du er i ferd med å avslå.`,
    warningApproving: (share: string, total: number) =>
      `${share} av ${total} vedtak i landet om samme legemiddel og hovedindikasjon er avslått. Du er i ferd med å innvilge.`,
    warningAdvice:
      'Vurder om saken skiller seg fra de andre, og begrunn vedtaket. Beslutningen er din.',
    confirmAnyway: 'Bekreft vedtaket likevel',
    confirmHint: 'Kryss av og send på nytt for å fatte vedtaket slik det står.',
    cohortTitle: 'Flere like søknader',
    cohortIntro: (count: number, days: number) =>
      `${count} søknader for enkeltpasienter om samme legemiddel og hovedindikasjon er sendt inn de siste ${days} dagene.`,
    cohortFor: (drug: string, diagnosis: string) => `${drug} ved ${diagnosis}`,
    cohortCases: 'Søknader',
    cohortGroup: 'Start en gruppesøknad',
    cohortGroupHandOver:
      'En gruppesøknad startes av en søker. Gi opplysningene under til søkeren (ordning, legemiddel, diagnose, pasientgruppe).',
    cohortProposal: 'Foreslå for Nye Metoder',
    cohortProposalText:
      'Et forslag om nasjonal metodevurdering sendes på nyemetoder.no. Kopier opplysningene under inn i skjemaet.',
    cohortDetails: 'Opplysninger',
    cohortSettingsTitle: 'Kohortsignal',
    cohortSettingsIntro:
      'Fagdirektøren varsles når minst så mange søknader for enkeltpasienter om samme legemiddel og hovedindikasjon er sendt inn innenfor perioden.',
    threshold: 'Antall søknader',
    thresholdDescription: 'Fra 2 til 100',
    windowDays: 'Periode (dager)',
    windowDescription: 'Fra 7 til 730 dager',
    save: 'Lagre',
    saved: 'Innstillingene er lagret.',
    settingsErrors: {
      thresholdRange: 'Skriv et helt tall fra 2 til 100.',
      windowRange: 'Skriv et helt antall dager fra 7 til 730.',
    } satisfies Record<CohortSettingsError, string>,
  },
};

type Shape<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { [K in keyof T]: Shape<T[K]> };

/** The shape every translation must have. */
export type Messages = Shape<typeof nb>;
