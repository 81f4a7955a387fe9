import type {
  ConsultationError,
  ConsultationState,
} from '../../features/consultations/domain/consultation';
import type { ConsultationNotice } from '../../features/consultations/domain/notices';
import { formats } from './formats';

export const consultations = {
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
    withdrawn: 'Avsluttet, søknaden er trukket',
  } satisfies Record<ConsultationState, string>,
  /** When a consultation ended because the applicant withdrew the case. */
  endedAt: 'Avsluttet',
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
  /** The answer page of a consultation no longer open to the trust (answered, revoked, expired). */
  notOpen:
    'Konsultasjonen er ikke lenger åpen for helseforetaket ditt: den er besvart, trukket tilbake eller fristen er ute.',
  done: {
    requested: 'Konsultasjonen er sendt.',
    revoked: 'Konsultasjonen er trukket tilbake. Helseforetaket dere spurte, har fått et varsel.',
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
  date: (isoDate: string) => formats.calendarDate.format(new Date(`${isoDate}T00:00:00Z`)),
  errors: {
    trustRequired: 'Velg helseforetaket som skal konsulteres.',
    questionRequired: 'Skriv spørsmålet til helseforetaket.',
    answerRequired: 'Skriv svaret før du sender.',
    tooLong: 'Teksten er for lang.',
    deadlineRequired: 'Skriv fristen som en gyldig dato, for eksempel 24.12.2026.',
    deadlinePast: 'Fristen kan ikke være tilbake i tid.',
    deadlineTooFar: 'Fristen kan være høyst 90 dager fram i tid.',
  } satisfies Record<ConsultationError, string>,
};
