import type { DeadlineError } from '../../features/clocks/domain/clocks';
import type { ReapplyRefusal } from '../../features/clocks/domain/reapply';
import type { Continuation, Effect, FollowUpError } from '../../features/followup/domain/followup';

export const clocks = {
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
  /** A consultation runs to the last day its director gave, not the trust's days for the stage. */
  consultationDue: (stage: string, date: string) =>
    `Fasen «${stage}» har frist til og med ${date} (svarfristen i konsultasjonen).`,
  dayCount: (days: number, urgent: boolean) =>
    `${days} ${days === 1 ? 'dag' : 'dager'}${urgent ? ' for hastesaker' : ''}`,
  stageTimesTitle: 'Tid per trinn',
  retrospectiveStages:
    'Saken er etterregistrert. Søknadsportalen vet når den ble sendt inn og besluttet, men ikke hvor lenge den var i hvert trinn før den ble registrert.',
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
  deadlinesConflictTitle: 'Fristene er endret av en annen',
  deadlinesConflict:
    'Noen lagret de samme fristene etter at du åpnet siden, så ingenting er lagret. Feltene under viser det som er lagret nå, med dine egne endringer beholdt. Se over de merkede feltene, og lagre på nytt.',
  deadlineConflict: (stored: number) =>
    `Endret av en annen til ${stored} ${stored === 1 ? 'dag' : 'dager'} etter at du åpnet siden.`,
  deadlineErrors: {
    daysRequired: 'Skriv antall dager.',
    daysInvalid: 'Skriv et helt antall dager fra 0 til 365.',
    urgentLonger: 'Fristen for hastesaker kan ikke være lengre enn den vanlige fristen.',
  } satisfies Record<DeadlineError, string>,
  followUpTitle: 'Oppfølging',
  evaluationDate: 'Evalueringsdato',
  outcomeFormTitle: 'Registrer utfallet av behandlingen',
  outcomeIntro:
    'Evalueringsdatoen er nådd. Registrer hvordan behandlingen virket. Saken avsluttes når utfallet er registrert, også når behandlingen fortsetter. Skal behandlingen fortsette, søker du om forlengelse med «Start ny søknad fra denne» under «Tidligere og nye søknader» på saken, før eller etter at du registrerer utfallet.',
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
  reapplyExtensionIntro:
    'Skal behandlingen fortsette, søker du om forlengelse med en ny søknad. Svarene herfra kopieres til et nytt utkast, koblet til denne saken, som du går gjennom før du sender.',
  reapply: 'Start ny søknad fra denne',
  reapplyRefused: {
    invalidTransition:
      'Du kan ikke starte en ny søknad fra denne saken i sakens nåværende status. Ingen ny søknad er opprettet; siden viser saken slik den er nå.',
    forbidden:
      'Du har ikke tilgang til å starte en ny søknad fra denne saken. Ingen ny søknad er opprettet.',
  } satisfies Record<ReapplyRefusal, string>,
  backToCase: 'Tilbake til saken',
};
