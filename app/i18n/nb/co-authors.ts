export const coAuthors = {
  title: 'Medforfattere',
  none: 'Ingen medforfattere ennå.',
  colleague: 'Kollega i samme helseforetak',
  invite: 'Inviter som medforfatter',
  invited: (name: string) => `${name} er invitert som medforfatter.`,
  noColleagues: 'Ingen flere kolleger å invitere.',
  choose: 'Velg kollega',
  chooseRequired: 'Velg en kollega fra listen for å invitere.',
  remove: 'Fjern',
  /** Beside a co-author who has written in the application, who stays on it. */
  wrote: '(har skrevet i søknaden)',
  removeNamed: (name: string) => `Fjern ${name} som medforfatter`,
  removed: 'Medforfatteren er fjernet og har ikke lenger tilgang til søknaden.',
};
