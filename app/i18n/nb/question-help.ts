import type { QuestionId, SectionId } from '../../features/cases/domain/questionnaire';

/**
 * The questionnaire's guidance: each section's introduction and each question's help text, for
 * the application form and the committee's section view. A namespace apart from the labels
 * (questionnaire), so pages that only show the answers (the case page) do not load it.
 */
export const questionHelp = {
  sections: {
    basis: 'Hvilken ordning søknaden gjelder, og om den gjelder én pasient eller en gruppe.',
    indication: 'Sykdommen og situasjonen behandlingen skal brukes ved, og hvor alvorlig den er.',
    drug: 'Hva som skal gis, hvordan og hvor lenge.',
    offLabel:
      'Hva legemiddelet er godkjent for, og hvordan denne bruken avviker. Se Nye Metoders rammeverk for legemiddelbehandling utenfor godkjent indikasjon.',
    noMarketingAuthorisation:
      'Legemiddelet har ikke norsk markedsføringstillatelse. Apoteket trenger som regel godkjenningsfritak fra Direktoratet for medisinske produkter (DMP) for å utlevere det.',
    alternatives: 'Hva som er prøvd, og hvorfor det ikke er nok.',
    benefit: 'Hvilken effekt som forventes, og hvordan og når den skal måles.',
    group: 'Hvem søknaden gjelder, hvor mange, og hvem som kan få behandlingen.',
    nyeMetoder:
      'Hvilken metode i Nye Metoder søknaden gjelder unntak fra, og hva Beslutningsforum har besluttet.',
    unntaksordningen:
      'Metoden er under nasjonal vurdering i Nye Metoder. Forklar hvorfor denne pasienten skiller seg fra gruppen som vurderes.',
    tilgangsordningen:
      'Beslutningsforum har sagt nei. Fagdirektøren vurderer klinisk særegenhet og prioriteringskriteriene før det interregionale fagdirektørmøtet beslutter.',
    cost: 'Anslått kostnad for hele behandlingsperioden.',
    evidence: 'Kunnskapsgrunnlaget for behandlingen, med referanser og eventuelle vedlegg.',
  } satisfies Record<SectionId, string>,
  questions: {
    scheme: 'Velg ordningen søknaden gjelder. Legemiddelvalget viser hvilken ordning som passer.',
    patientScope:
      'En søknad for en pasientgruppe gjelder flere pasienter med samme indikasjon og kriterier. Unntaksordningen og tilgangsordningen gjelder alltid én pasient.',
    patientId:
      '11 siffer: fødselsnummer, D-nummer, H-nummer eller FH-nummer (felles hjelpenummer). Vises bare for dem som behandler saken.',
    consent:
      'Pasienten skal være informert om at behandlingen er utprøvende eller utenfor godkjent bruk.',
    diagnoses: 'Én eller flere diagnosekoder (ICD-10 eller ICPC-2). Hoveddiagnosen først.',
    indication: 'Beskriv sykdommen, stadium og tidligere forløp, og hva behandlingen skal oppnå.',
    severity:
      'Hvor alvorlig er tilstanden (prioriteringskriteriet alvorlighet)? Tap av gode leveår, prognose uten behandling.',
    drug: 'Søk etter handelsnavn, virkestoff eller ATC-kode. Finnes det ikke i FEST, skriv navnet.',
    dose: 'Dose og doseringsintervall, for eksempel «375 mg/m² ukentlig i 4 uker».',
    route: 'For eksempel intravenøst, subkutant eller peroralt.',
    duration: 'Planlagt varighet, for eksempel «6 måneder», og når behandlingen skal revurderes.',
    approvedIndication:
      'Hva legemiddelet er godkjent for i preparatomtalen (SPC), pkt. 4.1: indikasjon, aldersgruppe og eventuelle begrensninger.',
    deviationFromApproval:
      'Beskriv hva som er annerledes: indikasjon, dose, aldersgruppe, administrasjonsvei, varighet eller kombinasjon med andre legemidler.',
    exemptionApplication:
      'Apoteket trenger godkjenningsfritak fra DMP (tidligere Statens legemiddelverk) for å utlevere et legemiddel uten norsk markedsføringstillatelse. Legen fyller ut søknaden, apoteket sender den.',
    exemptionNotNeededReason:
      'Kort, for eksempel «NAF-preparat laget av norsk apotek» eller «Gis i et compassionate use-program».',
    approvedAbroad:
      'For eksempel «EU (EMA), 2022», «USA (FDA)» eller «Ikke godkjent noe sted». Oppgi gjerne indikasjonen det er godkjent for der.',
    norwegianAlternativesUnsuitable:
      'Nevn legemidler med norsk MT for samme bruk, og hvorfor de ikke kan brukes (effekt, bivirkninger, legemiddelform, leveringssvikt). Finnes ingen, skriv det.',
    alternativesTried: 'Behandlinger som er prøvd, med dose, varighet og resultat.',
    alternativesInsufficient:
      'Manglende effekt, bivirkninger, kontraindikasjoner eller at alternativer ikke finnes.',
    expectedBenefit:
      'Hvilken effekt forventes, og hva bygger forventningen på (prioriteringskriteriet nytte)?',
    evaluationPlan:
      'Hvordan og når effekten skal måles, og hva som avgjør om behandlingen fortsetter.',
    population: 'Beskriv gruppen: diagnose, stadium, alder og annet som kjennetegner den.',
    expectedPatients: 'Et anslag er nok. Brukes til å beregne samlet ressursbruk.',
    inclusionCriteria: 'Hvilke kriterier må en pasient oppfylle for å få behandlingen?',
    exclusionCriteria: 'Hva utelukker en pasient fra behandlingen?',
    nyeMetoderId:
      'Metodens ID-nummer på nyemetoder.no, for eksempel ID2023_045. Står øverst på metodens side. La feltet stå tomt om du ikke finner det.',
    beslutningsforumDecision:
      'Dato og kort innhold, for eksempel «24.03.2025: Ikke innført, nytten står ikke i forhold til kostnaden». Er metoden fortsatt til vurdering, skriv det og hvor langt den er kommet.',
    differenceFromAssessedGroup:
      'Unntaksordningen gjelder enkeltpasienter som skiller seg vesentlig fra gruppen metoden vurderes for.',
    clinicalExceptionality:
      'Hva gjør pasientens kliniske situasjon så særegen at Beslutningsforums nei ikke bør gjelde?',
    packagesPerMonth:
      'Hvor mange pakninger av legemiddelet som trengs per måned med den planlagte dosen. Brukes til å beregne kostnaden fra FEST-prisen.',
    treatmentMonths: 'Planlagt behandlingsvarighet i måneder, for kostnadsberegningen.',
    costEstimate:
      'Legemiddelkostnad for hele perioden. Beregnes fra FEST-pris × dose × varighet der det er mulig.',
    evidence:
      'Studier, retningslinjer og erfaringer som støtter behandlingen, og hvor sterk dokumentasjonen er.',
    references: 'Én referanse per linje (forfatter, tittel, tidsskrift, år, DOI eller PubMed-ID).',
  } satisfies Record<QuestionId, string>,
};
