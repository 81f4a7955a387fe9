import {
  INQUIRY_LIMITS,
  type InquiryFieldError,
  type InquiryProblem,
  type InquiryStatus,
} from '../../features/inquiries/domain/inquiry';

/** Requests for more information about a case of the national overview (features/inquiries). */
export const inquiries = {
  title: 'Henvendelser',
  intro:
    'Spørsmål mellom helseforetakene om enkeltsaker i den nasjonale oversikten. Løpenummeret kobler spørsmålet til saken; svaret gir bare det helseforetaket selv skriver.',
  waitingTitle: 'Henvendelser som venter på svar',
  waitingIntro: 'Andre helseforetak har spurt om saker fra helseforetaket ditt.',
  waitingAll: 'Alle henvendelser',
  receivedTitle: 'Til helseforetaket ditt',
  receivedEmpty: 'Ingen andre helseforetak har spurt om sakene deres.',
  sentTitle: 'Sendt av deg',
  sentEmpty:
    'Du har ikke sendt noen henvendelser. Du spør fra det nasjonale sammendraget av en sak.',
  caseColumn: 'Sak',
  fromColumn: 'Fra',
  toColumn: 'Til',
  questionColumn: 'Spørsmål',
  askedColumn: 'Sendt',
  statusColumn: 'Status',
  statuses: {
    open: 'Venter på svar',
    answered: 'Besvart',
    withdrawn: 'Trukket tilbake',
  } satisfies Record<InquiryStatus, string>,
  openInquiry: (caseNumber: string) => `Åpne henvendelsen om sak ${caseNumber}`,
  person: (name: string, trust: string) => `${name}, ${trust}`,

  askTitle: 'Be om tilleggsopplysninger',
  askHelp: (trust: string) =>
    `Spørsmålet går til fagdirektøren i ${trust}, som har behandlings- og vurderingsansvaret for saken. Du får et varsel når det er besvart.`,
  privacyWarning:
    'Ikke skriv pasientopplysninger. Løpenummeret er nok til å finne saken; spør om det du trenger å vite, ikke om hvem pasienten er.',
  questionLabel: 'Spørsmål',
  send: 'Send spørsmålet',
  sent: 'Spørsmålet er sendt. Du får et varsel når helseforetaket har svart.',
  mineTitle: 'Dine spørsmål om saken',

  inquiryTitle: (caseNumber: string) => `Henvendelse om sak ${caseNumber}`,
  caseTrust: 'Helseforetak med ansvar for saken',
  askedBy: 'Spurt av',
  askedAt: 'Sendt',
  question: 'Spørsmål',
  answer: 'Svar',
  answeredBy: 'Svart av',
  answeredAt: 'Svart',
  status: 'Status',
  summaryLink: (caseNumber: string) => `Nasjonalt sammendrag av sak ${caseNumber}`,
  backToList: 'Tilbake til henvendelsene',
  answerTitle: 'Svar på henvendelsen',
  answerLabel: 'Svaret ditt',
  answerWarning:
    'Svaret sendes ut av helseforetaket til den som spurte. Ikke skriv pasientopplysninger: svar med det som kan deles uten dem.',
  sendAnswer: 'Send svaret',
  answered: 'Svaret er sendt. Den som spurte, har fått et varsel.',
  withdrawnAt: 'Trukket',
  withdrawTitle: 'Trekk tilbake spørsmålet',
  withdrawHelp:
    'Trenger du ikke lenger svar, kan du trekke tilbake spørsmålet. Fagdirektøren får et varsel, og spørsmålet kan ikke lenger besvares. Du kan spørre på nytt om saken senere.',
  withdraw: 'Trekk tilbake spørsmålet',
  withdrawn: 'Spørsmålet er trukket tilbake. Fagdirektøren har fått et varsel.',

  problems: {
    forbidden: 'Rollen din sender eller besvarer ikke henvendelser om saker.',
    ownTrust:
      'Saken tilhører et helseforetak du selv arbeider i. Finn den i saksbehandlingen der i stedet.',
    alreadyOpen:
      'Du har allerede et ubesvart spørsmål om denne saken. Vent på svaret, eller trekk tilbake spørsmålet under Henvendelser, før du spør igjen.',
    conflict:
      'Henvendelsen er besvart av en annen, eller endret etter at du åpnet den. Svaret ditt er ikke sendt.',
    withdrawn:
      'Den som spurte, har trukket tilbake spørsmålet, så det skal ikke besvares. Svaret ditt er ikke sendt.',
    notOpen:
      'Spørsmålet er besvart eller trukket tilbake etter at du åpnet siden, og kan ikke trekkes tilbake nå.',
  } satisfies Record<InquiryProblem, string>,
  errors: {
    questionRequired: 'Skriv spørsmålet før du sender.',
    questionTooLong: `Spørsmålet kan være høyst ${INQUIRY_LIMITS.question} tegn.`,
    answerRequired: 'Skriv svaret før du sender.',
    answerTooLong: `Svaret kan være høyst ${INQUIRY_LIMITS.answer} tegn.`,
  } satisfies Record<InquiryFieldError, string>,
};
