export const changes = {
  title: 'Endringer i søknaden',
  who: 'Hvem',
  what: 'Spørsmål',
  when: 'Tidspunkt',
  none: 'Ingen endringer registrert.',
};
