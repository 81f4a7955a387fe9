import type {
  ExemptionApplication,
  QuestionId,
  SectionId,
} from '../../features/cases/domain/questionnaire';
import { formats } from './formats';

export const questionnaire = {
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
    offLabel: {
      title: 'Bruk utenfor godkjent indikasjon',
      intro:
        'Hva legemiddelet er godkjent for, og hvordan denne bruken avviker. Se Nye Metoders rammeverk for legemiddelbehandling utenfor godkjent indikasjon.',
    },
    noMarketingAuthorisation: {
      title: 'Uten norsk markedsføringstillatelse',
      intro:
        'Legemiddelet har ikke norsk markedsføringstillatelse. Apoteket trenger som regel godkjenningsfritak fra Direktoratet for medisinske produkter (DMP) for å utlevere det.',
    },
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
    nyeMetoder: {
      title: 'Metoden i Nye Metoder',
      intro:
        'Hvilken metode i Nye Metoder søknaden gjelder unntak fra, og hva Beslutningsforum har besluttet.',
    },
    unntaksordningen: {
      title: 'Unntaksordningen',
      intro:
        'Metoden er under nasjonal vurdering i Nye Metoder. Forklar hvorfor denne pasienten skiller seg fra gruppen som vurderes.',
    },
    tilgangsordningen: {
      title: 'Tilgangsordningen',
      intro:
        'Beslutningsforum har sagt nei. Fagdirektøren vurderer klinisk særegenhet og prioriteringskriteriene før det interregionale fagdirektørmøtet beslutter.',
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
      help: 'En søknad for en pasientgruppe gjelder flere pasienter med samme indikasjon og kriterier. Unntaksordningen og tilgangsordningen gjelder alltid én pasient.',
    },
    patientId: {
      label: 'Pasientens fødselsnummer',
      help: '11 siffer: fødselsnummer, D-nummer, H-nummer eller FH-nummer (felles hjelpenummer). Vises bare for dem som behandler saken.',
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
    approvedIndication: {
      label: 'Godkjent indikasjon',
      help: 'Hva legemiddelet er godkjent for i preparatomtalen (SPC), pkt. 4.1: indikasjon, aldersgruppe og eventuelle begrensninger.',
    },
    deviationFromApproval: {
      label: 'Hvordan avviker bruken fra godkjenningen?',
      help: 'Beskriv hva som er annerledes: indikasjon, dose, aldersgruppe, administrasjonsvei, varighet eller kombinasjon med andre legemidler.',
    },
    exemptionApplication: {
      label: 'Søknad om godkjenningsfritak til DMP',
      help: 'Apoteket trenger godkjenningsfritak fra DMP (tidligere Statens legemiddelverk) for å utlevere et legemiddel uten norsk markedsføringstillatelse. Legen fyller ut søknaden, apoteket sender den.',
    },
    exemptionNotNeededReason: {
      label: 'Hvorfor trengs ikke godkjenningsfritak?',
      help: 'Kort, for eksempel «NAF-preparat laget av norsk apotek» eller «Gis i et compassionate use-program».',
    },
    approvedAbroad: {
      label: 'Hvor er legemiddelet godkjent?',
      help: 'For eksempel «EU (EMA), 2022», «USA (FDA)» eller «Ikke godkjent noe sted». Oppgi gjerne indikasjonen det er godkjent for der.',
    },
    norwegianAlternativesUnsuitable: {
      label: 'Hvorfor passer ikke legemidler med norsk markedsføringstillatelse?',
      help: 'Nevn legemidler med norsk MT for samme bruk, og hvorfor de ikke kan brukes (effekt, bivirkninger, legemiddelform, leveringssvikt). Finnes ingen, skriv det.',
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
    nyeMetoderId: {
      label: 'ID-nummer i Nye Metoder',
      help: 'Metodens ID-nummer på nyemetoder.no, for eksempel ID2023_045. Står øverst på metodens side. La feltet stå tomt om du ikke finner det.',
    },
    beslutningsforumDecision: {
      label: 'Beslutningen i Beslutningsforum',
      help: 'Dato og kort innhold, for eksempel «24.03.2025: Ikke innført, nytten står ikke i forhold til kostnaden». Er metoden fortsatt til vurdering, skriv det og hvor langt den er kommet.',
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
  exemptionApplications: {
    sent: 'Søknaden er sendt',
    willBeSent: 'Søknaden blir sendt',
    notNeeded: 'Godkjenningsfritak trengs ikke',
  } satisfies Record<ExemptionApplication, string>,
  yes: 'Ja',
  notAnswered: 'Ikke besvart',
  tooLong: (max: number) => `Teksten kan ha høyst ${formats.decimal.format(max)} tegn.`,
  number: (value: number) => formats.decimal.format(value),
  amount: (value: number) => formats.kroner.format(value),
};
