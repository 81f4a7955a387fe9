export const edit = {
  sections: 'Deler av søknaden',
  complete: 'fullført',
  missing: (n: number) => (n === 1 ? '1 mangler' : `${n} mangler`),
  save: 'Lagre',
  toSummary: 'Se over og send inn',
  saved: 'Endringene er lagret.',
  notSaved: 'Noen felt ble ikke lagret. Se feilmeldingene.',
  conflicts:
    'Noen felt ble endret av en medforfatter samtidig. Dine verdier står i skjemaet; lagre igjen for å beholde dem.',
};
