import type { ValidationError } from '../../features/cases/domain/application';

export const errors = {
  patientIdFormat: 'Fødselsnummeret må være 11 siffer.',
  patientIdInvalid:
    'Fødselsnummeret er ikke gyldig. Sjekk sifrene (fødselsnummer, D-nummer, H-nummer eller FH-nummer).',
  patientIdFhInvalid:
    'FH-nummeret er ikke gyldig: kontrollsifrene (de to siste sifrene) stemmer ikke med resten. Sjekk sifrene.',
  tooLong: 'Teksten er for lang.',
  reasonRequired: 'Fyll inn en begrunnelse.',
  outcomeRequired: 'Velg utfall av beslutningen.',
  conditionsRequired:
    'Velg minst ett standardvilkår eller skriv vilkårene i «Andre vilkår» når søknaden innvilges med vilkår.',
  invalidValue: 'Ugyldig verdi.',
  answerRequired: 'Dette spørsmålet må besvares før søknaden sendes inn.',
  numberInvalid: 'Skriv et tall (null eller større).',
  diagnosisFormat:
    'Ukjent diagnosekode. Skriv gyldige ICD-10- eller ICPC-2-koder skilt med komma, for eksempel C50.9 eller ICPC2:X76.',
  levelRequired: 'Velg et nivå på skalaen.',
  ratingTextRequired: 'Skriv en kort begrunnelse for nivået.',
  verdictRequired: 'Velg om du forankrer, returnerer eller ikke forankrer søknaden.',
  commentRequired: 'Skriv en kommentar.',
  recommendationRequired: 'Velg hvilken innstilling komiteen gir.',
  assessorRequired: 'Velg et komitémedlem.',
  leaderRequired: 'Velg en leder i helseforetaket.',
  alreadyCollaborator: 'Lederen er allerede invitert til å samarbeide om forankringen.',
  leaderInputRequired: 'Skriv innspillet ditt til forankringen.',
  conditionsNotAllowed:
    'Vilkår kan bare settes når søknaden innvilges med vilkår. Velg «Innvilget med vilkår», eller fjern vilkårene.',
  evaluationDateRequired: 'Fyll inn evalueringsdato når søknaden innvilges med vilkår.',
  evaluationDateInvalid: 'Skriv evalueringsdatoen som en gyldig dato, for eksempel 01.03.2027.',
  evaluationDateNotFuture: 'Evalueringsdatoen må være etter dagens dato.',
  evaluationDateNotAllowed: 'Et avslag har ingen evalueringsdato. Fjern datoen.',
  prescriptionNoteRequired:
    'Velg en reseptmerknad eller skriv den selv. Et innvilget vedtak må ha en reseptmerknad med løpenummeret, så forskriver og apotek vet hva som skal stå på resepten.',
  prescriptionNoteCaseNumber:
    'Reseptmerknaden må inneholde sakens løpenummer. Skriv løpenummeret, eller {løpenummer}, i teksten.',
  invoicingRequired:
    'Velg en faktureringsrutine eller skriv den selv. Et innvilget vedtak må si hvordan legemiddelet faktureres.',
  phraseUnknown: 'Teksten du valgte finnes ikke lenger. Velg en annen.',
  groupNotUnntaksordningen:
    'Unntaksordningen gjelder én pasient. Velg enkeltpasient, eller en annen ordning.',
  groupNotTilgangsordningen:
    'Tilgangsordningen gjelder én pasient. Velg enkeltpasient, eller en annen ordning.',
  nyeMetoderIdFormat:
    'Skriv ID-nummeret som på nyemetoder.no: ID, årstallet, understrek og tre siffer, for eksempel ID2023_045.',
  drugRequired: 'Velg legemiddelet fra listen, eller skriv navnet, så kan vi foreslå en ordning.',
} satisfies Record<ValidationError, string>;
