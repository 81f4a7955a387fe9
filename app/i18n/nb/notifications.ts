import type { NotificationKind } from '../../features/notifications/domain/kinds';

export const notifications = {
  title: 'Varsler',
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
  /** A case the user cannot open (another trust's); named by the number the notice kept, if any. */
  /** An inquiry's notice: the case by the number it kept, linking to the inquiries. */
  openInquiries: (caseNumber: string) => `Henvendelser om sak ${caseNumber}`,
  otherTrustCase: (caseNumber: string | null) =>
    caseNumber ? `Sak ${caseNumber} i et annet helseforetak` : 'Sak i et annet helseforetak',
  noCase: '–',
  kinds: {
    caseSubmitted: 'En søknad er sendt inn og venter på forankring.',
    caseReturned: 'Søknaden er sendt tilbake til søker.',
    caseEndorsed: 'Søknaden er forankret.',
    caseNotEndorsed: 'Søknaden er ikke forankret.',
    caseDecided: 'Det er fattet beslutning i saken.',
    caseRecommended:
      'Vurderingskomiteen har gitt sin innstilling. Saken venter nå på fagdirektøren.',
    assessmentReopened:
      'Fagdirektøren har sendt saken tilbake til vurderingskomiteen for en ny vurdering.',
    caseWithdrawn: 'Søker har trukket søknaden. Saken behandles ikke videre.',
    caseForwardedInterregional:
      'Saken er sendt til interregionalt fagdirektørmøte, som avgjør søknader etter tilgangsordningen.',
    decisionRevised: 'Beslutningen i saken er endret. Se den nye versjonen av vedtaket.',
    informationRequested: 'Det er bedt om mer informasjon i saken.',
    informationProvided: 'Søker har gitt mer informasjon i saken.',
    messagePosted: 'Det er en ny melding i saken.',
    coAuthorInvited: 'Du er invitert som medforfatter på en søknad.',
    coAuthorRemoved:
      'Søkeren har fjernet deg som medforfatter på en søknad. Du har ikke lenger tilgang til den.',
    leaderInvited:
      'En leder har invitert deg til å samarbeide om forankringen av en søknad. Gi innspillet ditt i saken.',
    leaderRemoved:
      'Lederen som forankrer søknaden, har avsluttet samarbeidet med deg om forankringen.',
    endorsementDelegated:
      'En leder har delegert forankringen av en søknad til deg. Du forankrer, returnerer eller avslår den nå.',
    endorsementWithoutLeader:
      'En søknad venter på forankring, men ingen leder i avdelingen kan forankre den: lederen har skrevet søknaden selv, eller avdelingen har ingen leder. Deleger forankringen til en leder i saken.',
    delegationTakenBack:
      'Lederen har tatt tilbake forankringen som var delegert til deg. Du skal ikke lenger forankre saken.',
    leaderInputGiven: 'En leder har gitt innspill til forankringen av en søknad.',
    committeeAssigned: 'Du er tildelt som komitémedlem i en sak.',
    consultationRequested: 'Det er bedt om konsultasjon i en sak.',
    consultationAnswered: 'En konsultasjon er besvart.',
    consultationWithdrawn:
      'Søker har trukket søknaden dere ble konsultert om. Konsultasjonen er avsluttet, og dere har ikke lenger tilgang til saken.',
    consultationRevoked:
      'Fagdirektøren som konsulterte dere, har trukket spørsmålet tilbake. Konsultasjonen er avsluttet, og dere har ikke lenger tilgang til saken.',
    stageReminder: 'En sak venter på deg.',
    stageEscalation: 'En sak har ventet for lenge.',
    followUpDue: 'Det er tid for å registrere utfallet av behandlingen.',
    inquiryReceived:
      'Et annet helseforetak ber om tilleggsopplysninger om en av sakene deres. Se henvendelsene.',
    inquiryAnswered: 'Helseforetaket har svart på spørsmålet ditt om en sak.',
    inquiryWithdrawn:
      'Et annet helseforetak har trukket tilbake spørsmålet sitt om en av sakene deres. Det skal ikke besvares.',
  } satisfies Record<NotificationKind, string>,
  genericKind: 'Det er en ny hendelse i saken.',
  mailSubject: (caseNumber: string | null) =>
    caseNumber ? `Ny hendelse i sak ${caseNumber}` : 'Ny hendelse i Søknadsportal',
  /**
   * `target`: where the link goes: the case, a page of the notice's own (the inquiries), or the
   * notifications page.
   */
  mailBody: (
    caseNumber: string | null,
    what: string,
    link: string,
    target: 'case' | 'page' | 'notifications',
  ) =>
    [
      caseNumber
        ? `Det er en ny hendelse i sak ${caseNumber}.`
        : 'Det er en ny hendelse i Søknadsportal.',
      what,
      '',
      target === 'case'
        ? `Logg inn for å se saken: ${link}`
        : target === 'page'
          ? `Logg inn for å lese: ${link}`
          : `Logg inn for å se varslene dine: ${link}`,
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
};
