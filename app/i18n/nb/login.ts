export const login = {
  title: 'Logg inn',
  devNotice:
    'Utviklingsinnlogging: velg en demobruker. I produksjon logger man inn med HelseID, og denne siden finnes ikke.',
  chooseUser: 'Velg bruker',
  submitAs: (name: string) => `Logg inn som ${name}`,
  unknownUser: 'Velg en bruker fra listen.',
  roles: 'Roller',
  /** The development login's group of people with roles in more than one trust. */
  severalTrusts: 'Flere helseforetak',
};
