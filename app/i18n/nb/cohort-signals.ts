/** The cohort signals (several like applications) on «Mine saker» and the case page. */
export const cohortSignals = {
  cohortTitle: 'Flere like søknader',
  cohortIntro: (count: number, days: number) =>
    `${count} søknader for enkeltpasienter om samme legemiddel og hovedindikasjon er sendt inn de siste ${days} dagene.`,
  cohortFor: (drug: string, diagnosis: string) => `${drug} ved ${diagnosis}`,
  cohortCases: 'Søknader',
  cohortNewest: (shown: number, count: number) => `De ${shown} nyeste av ${count} søknader`,
  cohortsShowing: (from: number, to: number, total: number) =>
    `Gruppe ${from}–${to} av ${total}, de største først.`,
  cohortsNoMore: 'Ingen flere grupper av like søknader.',
  cohortsPages: 'Sider: Flere like søknader',
  cohortsLargest: 'Vis de største gruppene',
  cohortsMore: 'Vis flere grupper av like søknader',
  cohortGroup: 'Start en gruppesøknad',
  cohortGroupHandOver:
    'En gruppesøknad startes av en søker. Gi opplysningene under til søkeren (ordning, legemiddel, diagnose, pasientgruppe).',
  cohortProposal: 'Foreslå for Nye Metoder',
  cohortProposalText:
    'Et forslag om nasjonal metodevurdering sendes på nyemetoder.no. Kopier opplysningene under inn i skjemaet.',
  cohortDetails: 'Opplysninger',
  fields: {
    scheme: 'Ordning',
    scope: 'Gjelder',
    drug: 'Legemiddel',
    indication: 'Indikasjon',
  },
  notKnown: '–',
};
