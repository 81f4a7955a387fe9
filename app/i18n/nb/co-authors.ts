export const coAuthors = {
  title: 'Medforfattere',
  none: 'Ingen medforfattere ennå.',
  colleague: 'Kollega i samme helseforetak',
  invite: 'Inviter som medforfatter',
  invited: (name: string) => `${name} er invitert som medforfatter.`,
  noColleagues: 'Ingen flere kolleger å invitere.',
  choose: 'Velg kollega',
};
