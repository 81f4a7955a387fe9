export const caseMessages = {
  title: (label: string) => `Sak ${label}`,
  /** The question a case waits for its applicant to answer, by the status it waits in. */
  openQuestion: {
    returned: {
      title: 'Søknaden er returnert til deg med et spørsmål',
      next: 'Svar på spørsmålet i dialogen, rett opp søknaden om det trengs, og send den inn på nytt.',
      answer: 'Svar i dialogen',
    },
    awaitingInformation: {
      title: 'Det er bedt om flere opplysninger',
      next: 'Send opplysningene under «Send opplysninger» på saken. Saken går da tilbake til vurdering.',
      answer: 'Gå til «Send opplysninger»',
    },
  },
  askedBy: (person: string, when: string) => `${person}, spurte ${when}:`,
  draftLabel: 'Utkast',
  /** A draft's page: it has no case number until it is sent. */
  draftTitle: 'Søknadsutkast',
  summary: 'Søknaden',
  about: 'Om saken',
  export: 'Last ned søknaden som JSON',
  exportFhir: 'Last ned som FHIR (JSON)',
  applicant: 'Søker',
  department: 'Avdeling',
  submittedAt: 'Sendt inn',
  history: 'Historikk',
  historyWhen: 'Tidspunkt',
  historyWho: 'Hvem',
  /** «Hvem» for a step taken outside the portal, before the case was registered after the fact. */
  historyOutsidePortal: 'Utenfor Søknadsportalen',
  historyWhat: 'Hendelse',
  historyWhy: 'Begrunnelse',
  historyReasonInternal: 'Intern merknad (vises bare for saksbehandlerne)',
  actions: 'Handlinger',
  decisionConditions: 'Vilkår',
  noActions: 'Ingen handlinger tilgjengelig for deg i denne statusen.',
  actionsElsewhere: 'Det du kan gjøre i saken nå:',
  editApplication: 'Rediger søknaden',
  reviewAndSubmit: 'Se over og send inn',
  required: '(påkrevd)',
  unsavedText: 'Dette skrev du (det er ikke lagret, kopier det om du trenger det):',
  /** A case registered after the fact (etterregistrert): the notice on its page. */
  retrospectiveNote: (when: string, who: string, reference: string | null) =>
    `Etterregistrert ${when} av ${who}${reference ? `, med helseforetakets referanse ${reference}` : ''}.`,
  /** Under «Søknaden» of an etterregistrert case: why most questions are not there. */
  retrospectiveApplication:
    'Søknaden ble ikke skrevet i Søknadsportalen. Her vises bare opplysningene som ble registrert i etterkant.',
};
