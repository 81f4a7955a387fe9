import type {
  Criterion,
  EndorsementVerdict,
  Recommendation,
} from '../../features/assessment/domain/criteria';
import type { LeaderIntent } from '../../features/assessment/domain/leaders';

export const assessment = {
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
  /** A criterion's justification, named after the criterion (its field and the error summary). */
  ratingTextFor: (criterion: string) => `Begrunnelse for ${criterion.toLowerCase()}`,
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
  offLabelFramework:
    'Rammeverk for legemiddelbehandling utenfor godkjent indikasjon i spesialisthelsetjenesten (Nye Metoder)',
  experimentalTreatment: 'Utprøvende behandling (veileder fra Helsedirektoratet)',
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
  ratingsOptionalOnReturn:
    'Vurderingen er ikke påkrevd når du returnerer med et spørsmål. Fyller du den ut, lagres den med returen.',
  justification: 'Begrunnelse eller spørsmål til søker (påkrevd)',
  submitEndorsement: 'Send forankringen',
  leadersTitle: 'Andre ledere på forankringen',
  chooseLeader: 'Velg leder',
  delegatedTo: (leader: string, by: string, when: string) =>
    `Forankringen er delegert til ${leader} (av ${by}, ${when}). Den som har fått forankringen delegert, forankrer, returnerer eller avslår søknaden.`,
  takeBackIntro:
    'Du kan ta delegeringen tilbake. Da forankrer du saken selv igjen, og lederen får beskjed.',
  takeBackIntroDirector:
    'Du kan ta delegeringen tilbake. Da venter saken igjen på avdelingens leder, og du kan delegere den til en annen leder. Lederen som hadde fått den, får beskjed.',
  takeBack: 'Ta tilbake delegeringen',
  collaboratorsTitle: 'Ledere som er invitert til å gi innspill:',
  removeCollaborator: 'Fjern',
  removeCollaboratorNamed: (name: string) => `Fjern ${name} fra samarbeidet`,
  delegateTitle: 'Deleger til en annen leder',
  delegateIntro:
    'Gi forankringen til en annen leder i helseforetaket. Hen forankrer, returnerer eller avslår søknaden i stedet for deg. Du kan fortsatt lese saken og ta delegeringen tilbake.',
  delegateTitleDirector: 'Deleger forankringen til en leder',
  delegateIntroDirector:
    'Gi forankringen til en leder i helseforetaket når ingen av avdelingens ledere kan forankre søknaden: de har skrevet den selv, eller er borte. Hen forankrer, returnerer eller avslår søknaden. Du kan ta delegeringen tilbake.',
  delegateTo: 'Deleger til',
  delegate: 'Deleger',
  inviteTitle: 'Inviter til samarbeid',
  inviteIntro:
    'Be en annen leder om innspill. Hen kan lese saken og gi innspill med vurdering, men forankrer ikke. Du ser innspillene her når du forankrer.',
  inviteLeader: 'Leder som skal gi innspill',
  invite: 'Inviter lederen',
  noLeaderCandidates: 'Det finnes ingen andre ledere i helseforetaket å velge.',
  /** The confirmations of the medical director's own leader actions (`leaderDone` otherwise). */
  leaderDoneDirector: {
    delegate: 'Forankringen er delegert, og lederen er varslet.',
    takeBack:
      'Delegeringen er tatt tilbake, og lederen er varslet. Saken venter igjen på avdelingens leder.',
  },
  leaderDone: {
    delegate: 'Forankringen er delegert, og lederen er varslet.',
    takeBack: 'Delegeringen er tatt tilbake, og lederen er varslet. Du forankrer saken selv.',
    invite: 'Lederen er invitert til å gi innspill og er varslet.',
    removeCollaborator: 'Lederen er fjernet fra samarbeidet og er varslet.',
    leaderInput: 'Innspillet ditt er gitt. Lederen som forankrer, ser det i saken.',
  } satisfies Record<LeaderIntent, string>,
  leaderInputTitle: 'Gi innspill som leder',
  leaderInputIntro:
    'Du er invitert til å samarbeide om forankringen. Vurderingen etter prioriteringskriteriene er frivillig; fyller du ut noe av den, må alle kriteriene fylles ut. Innspillet er internt og vises ikke for søker.',
  leaderInputText: 'Innspillet ditt (påkrevd)',
  giveLeaderInput: 'Gi innspill',
  leaderInputsTitle: 'Innspill fra andre ledere',
  leaderInputBy: (name: string, when: string) => `Innspill fra ${name}, ${when}`,
  leaderInputRatings: (name: string) => `Vurdering fra ${name}`,
  endorsementsTitle: 'Lederens vurdering',
  endorsedBy: (name: string, when: string) => `${name}, ${when}`,
  ratingsCaption: 'Vurdering etter prioriteringskriteriene',
  criterion: 'Kriterium',
  // The complete assessment page
  pageTitle: (label: string) => `Vurdering av sak ${label}`,
  openAssessment: 'Åpne vurderingen (komité)',
  /** After the decision the assessment is only read. */
  viewAssessment: 'Se vurderingen',
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
    'Hvert komitémedlem og fagdirektøren fyller ut sitt eget skjema. Skjemaene vises side om side.',
  myWorksheet: 'Mitt skjema',
  saveWorksheet: 'Lagre skjemaet',
  worksheetSaved: 'Skjemaet er lagret.',
  worksheetConflictNotice:
    'Skjemaet ditt er ikke lagret: det ble lagret i en annen fane eller et annet vindu etter at du åpnet siden. Det du fylte ut, står fortsatt under «Mitt skjema», ved siden av det som er lagret nå.',
  worksheetConflictTitle: 'Skjemaet er lagret et annet sted',
  worksheetConflict:
    'Skjemaet ditt ble lagret i en annen fane eller et annet vindu etter at du åpnet denne siden. Endringene du gjorde her, er ikke lagret, men står fortsatt i skjemaet. Se over det som er lagret nå, og lagre på nytt hvis dine endringer skal gjelde.',
  worksheetStoredNow: 'Lagret nå',
  worksheetStoredAt: (at: string) => `Lagret ${at}`,
  sideBySide: 'Skjemaene side om side',
  noWorksheets: 'Ingen har fylt ut skjemaet ennå.',
  leaderColumn: (name: string) => `${name} (leder)`,
  recommendationTitle: 'Innstilling',
  recommendationIntro:
    'Komiteens innstilling til fagdirektøren. Beslutningen i full vurdering kan tas først når innstillingen er gitt.',
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
  preparationConflict:
    'Noen andre lagret notatene mens du skrev, så teksten din er ikke lagret. Den står fortsatt i feltet under «Saksforberedelse», ved siden av notatene som er lagret nå. Se over begge, og lagre på nytt det som skal gjelde.',
  preparationStoredNow: 'Notatene som er lagret nå',
};
